// Checks for free text that people type (actor names, reasons, headlines):
// it is stored in the journal as JSON strings and shown in the panel, so it
// must be valid UTF-8 (or it would not come back byte for byte) and carry no
// control characters.
#pragma once

#include <cstddef>
#include <string_view>

#include "model/status.h"

namespace stonks {

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view text);
bool has_control_char(std::string_view text);  // C0 controls and DEL

// kInvalidArgument naming `field` when `text` is longer than `max_bytes`,
// not valid UTF-8, or holds control characters; ok otherwise (empty included).
Status check_text(std::string_view text, std::size_t max_bytes, const char* field);

}  // namespace stonks
