#include "model/status.h"

namespace stonks {

std::string Status::to_string() const {
  std::string out = stonks::to_string(code_);
  if (!message_.empty()) out += ": " + message_;
  if (!field_.empty()) out += " (field " + field_ + ")";
  return out;
}

}  // namespace stonks
