// Session minutes, notices and the monthly report as PDF: placeholder.
#pragma once
