// Only the store files still include this name; they use nothing from it. Delete it with
// those include lines (the views are in record_views.hpp).
#pragma once
#include "record_views.hpp"
