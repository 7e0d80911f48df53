#include "yishi/board.hpp"
