#include "yishi/messages_board.hpp"
