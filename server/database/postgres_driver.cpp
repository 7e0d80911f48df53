#include "drivers.hpp"
