#include "core/command_checks.h"

#include "model/text.h"

namespace stonks {

Status validate_actor(const std::string& by) {
  if (by.empty()) return Status::invalid_argument("who is acting must be named", "by");
  return check_text(by, 64, "by");
}

Status validate_note(const std::string& text, const char* field) { return check_text(text, 500, field); }

}  // namespace stonks
