#include "yishi/messages_notifications.hpp"
