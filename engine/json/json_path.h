// Field paths in decoding errors: nesting one codec's error under another's key.
#pragma once

#include <string>
#include <string_view>

#include "model/status.h"

namespace stonks {

// An invalid_argument `status` with its field moved under `path`: field
// "limits.max_order_notional" under "data.config" becomes
// "data.config.limits.max_order_notional"; an empty field becomes `path`.
// Other statuses come back unchanged.
inline Status under_path(const Status& status, std::string_view path) {
  if (status.code() != StatusCode::kInvalidArgument || path.empty()) return status;
  std::string field(path);
  if (!status.field().empty()) field += (status.field().front() == '[' ? "" : ".") + status.field();
  return Status::invalid_argument(status.message(), std::move(field));
}

}  // namespace stonks
