// Notifications (消息): placeholder.
#pragma once
