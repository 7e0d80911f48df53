// JSON forms of notifications: placeholder.
#pragma once
