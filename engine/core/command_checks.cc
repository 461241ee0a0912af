#include "core/command_checks.h"

namespace stonks {
namespace {

bool has_control_char(const std::string& s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return true;
  return false;
}

}  // namespace

Status validate_actor(const std::string& by) {
  if (by.empty()) return Status::invalid_argument("who is acting must be named", "by");
  if (by.size() > 64) return Status::invalid_argument("actor name longer than 64 bytes", "by");
  if (has_control_char(by)) return Status::invalid_argument("actor name contains control characters", "by");
  return Status::ok();
}

Status validate_note(const std::string& text, const char* field) {
  if (text.size() > 500) return Status::invalid_argument(std::string(field) + " longer than 500 bytes", field);
  if (has_control_char(text))
    return Status::invalid_argument(std::string(field) + " contains control characters", field);
  return Status::ok();
}

}  // namespace stonks
