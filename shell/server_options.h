// ServerOptions and the command line of stonks-server: serving, the token
// subcommands, --help.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "alpaca_options.h"
#include "model/status.h"
#include "role.h"

namespace stonks::server {

// How the server runs; every field has its flag (help_text() lists them).
struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;       // 0: an ephemeral port (the bound one is printed)
  std::string data_dir;  // resolved: --data-dir, $STONKS_DATA_DIR, or the XDG default
  std::string app_dir;   // the built browser app; empty: no static files
  bool sim = false;      // the sandbox (paper desk + market simulator) instead of a bare paper engine
  bool alpaca = false;   // --broker alpaca: orders go to an Alpaca-shaped broker (live mode only)
  alpaca::AlpacaOptions alpaca_options;
  std::string tls_cert;  // both or neither: HTTPS
  std::string tls_key;
  std::size_t max_body_bytes = 64 * 1024;
  int read_timeout_ms = 5000;   // per read of a request (headers, body)
  int write_timeout_ms = 5000;  // per write of a response
  int keep_alive_timeout_s = 5;
  int keep_alive_max = 1000;          // requests per connection
  int threads = 32;                   // HTTP handler threads (each open connection holds one)
  int auth_fail_delay_ms = 100;       // the first failed token's delay, doubling per failure ...
  int auth_fail_max_delay_ms = 5000;  // ... up to this
};

enum class Command { kServe, kHelp, kTokenAdd, kTokenList, kTokenRevoke };

struct Invocation {
  Command command = Command::kServe;
  ServerOptions serve;     // kServe (data_dir is resolved for every command)
  std::string token_name;  // kTokenAdd, kTokenRevoke
  Role role = Role::kOperator;
  std::string source;  // kTokenAdd with Role::kSubmitter: its fixed source (valid_submitter_source)
};

// Parses argv (without argv[0]). kInvalidArgument with a message naming the
// flag for unknown flags, missing or malformed values, a lone --tls-cert,
// a submitter without a valid --source (or --source for another role),
// --sim with --broker alpaca, a base URL that is not http(s)://HOST[:PORT].
// Reads STONKS_DATA_DIR, XDG_DATA_HOME and HOME to resolve the data dir, and
// `default_app_dir` (used when it exists and --app-dir is not given).
Result<Invocation> parse_invocation(const std::vector<std::string>& args, const std::string& default_app_dir);

// What --help prints: every flag, subcommand and environment variable.
std::string help_text();

}  // namespace stonks::server
