// AlpacaOptions: where the Alpaca-shaped broker is and how often the adapter asks it.
#pragma once

#include <string>

namespace stonks::alpaca {

// Every field has its stonks-server flag (server_options.cc, --help).
struct AlpacaOptions {
  std::string trading_url = "https://paper-api.alpaca.markets";  // --alpaca-url: scheme://host[:port]
  std::string data_url = "https://data.alpaca.markets";          // --alpaca-data-url (latest quotes)
  std::string key_file;             // --alpaca-key-file; empty: APCA_API_KEY_ID / APCA_API_SECRET_KEY
  int timeout_ms = 10'000;          // per request: connect, read and write each
  int poll_ms = 1'000;              // one GET /v2/orders?status=open (and the quotes) per interval
  int account_refresh_ms = 15'000;  // GET /v2/account: whether live trading is possible
};

}  // namespace stonks::alpaca
