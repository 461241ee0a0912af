// AlpacaKeys: the API key pair, from the environment or an owner-only key file.
#pragma once

#include <string>

#include "model/status.h"

namespace stonks::alpaca {

// Never logged, never in a message, a response or the journal: only the
// request headers of AlpacaClient carry them.
struct AlpacaKeys {
  std::string key_id;
  std::string secret_key;
};

// From `key_file` when it is not empty, else from $APCA_API_KEY_ID and
// $APCA_API_SECRET_KEY. The file holds the lines APCA_API_KEY_ID=... and
// APCA_API_SECRET_KEY=... (blank lines and # comments allowed) and must not be
// readable by group or others. kInvalidArgument (kIoError when the file cannot
// be read) with a message that names the file or variable, never a value.
Result<AlpacaKeys> load_alpaca_keys(const std::string& key_file);

}  // namespace stonks::alpaca
