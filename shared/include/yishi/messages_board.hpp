// JSON forms of the board: placeholder.
#pragma once
