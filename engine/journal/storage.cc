// Storage helpers shared by every implementation.
#include "journal/storage.h"

namespace stonks {

bool is_valid_storage_name(std::string_view name) {
  if (name.empty() || name == "." || name == "..") return false;
  for (char c : name) {
    if (c == '/' || c == '\0') return false;
  }
  return true;
}

}  // namespace stonks
