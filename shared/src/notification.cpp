#include "yishi/notification.hpp"
