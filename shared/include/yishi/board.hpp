// The accountability board (督办台账): placeholder, filled by the board work.
#pragma once
