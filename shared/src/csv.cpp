#include "yishi/csv.hpp"
