#include "yishi/report.hpp"
