#include "model/status.h"

namespace stonks {

const char* to_string(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kConflict: return "conflict";
    case StatusCode::kRejected: return "rejected";
    case StatusCode::kCorruption: return "corruption";
    case StatusCode::kIoError: return "io_error";
    case StatusCode::kUnavailable: return "unavailable";
  }
  return "unknown";
}

std::string Status::to_string() const {
  std::string out = stonks::to_string(code_);
  if (!reason_.empty()) out += " " + reason_;
  if (!message_.empty()) out += ": " + message_;
  if (!field_.empty()) out += " (field " + field_ + ")";
  return out;
}

}  // namespace stonks
