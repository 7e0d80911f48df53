#include "yishi/server/documents_print.hpp"
