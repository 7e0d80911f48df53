#include "yishi/messages_report.hpp"
