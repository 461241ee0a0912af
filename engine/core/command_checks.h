// Input checks shared by the engine's commands: who acts, and free-text notes.
#pragma once

#include <string>

#include "model/status.h"

namespace stonks {

// Required, at most 64 bytes, no control characters (field "by").
Status validate_actor(const std::string& by);
// Optional free text of at most 500 bytes without control characters.
Status validate_note(const std::string& text, const char* field);

}  // namespace stonks
