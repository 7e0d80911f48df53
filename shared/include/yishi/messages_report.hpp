// JSON forms of the monthly report: placeholder.
#pragma once
