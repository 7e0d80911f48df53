#include "store_impl.hpp"
