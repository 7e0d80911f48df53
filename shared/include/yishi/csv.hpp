// CSV for spreadsheets: placeholder.
#pragma once
