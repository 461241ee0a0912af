#include "server_options.h"

#include <sys/stat.h>
#include <algorithm>
#include <charconv>
#include <climits>
#include <iterator>
#include <optional>

#include "alpaca_client.h"
#include "data_dir.h"

namespace stonks::server {
namespace {

// An integer flag value in [min, max], decimal digits only.
Result<int> parse_int(const std::string& flag, const std::string& text, int min, int max) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
    return Status::invalid_argument(flag + " wants a whole number from " + std::to_string(min) + " to " +
                                        std::to_string(max) + ", got '" + text + "'",
                                    flag);
  return value;
}

// "HOST:PORT", "[::1]:PORT" or ":PORT" (all interfaces is spelled 0.0.0.0).
Status parse_listen(const std::string& text, ServerOptions& out) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos) return Status::invalid_argument("--listen wants HOST:PORT, got '" + text + "'");
  std::string host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host.empty()) return Status::invalid_argument("--listen wants HOST:PORT with a host, got '" + text + "'");
  Result<int> port = parse_int("--listen", text.substr(colon + 1), 0, 65535);
  if (!port.is_ok()) return port.status();
  out.host = host;
  out.port = *port;
  return Status::ok();
}

bool is_dir(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// Serve flags: each takes a value ("--flag V" or "--flag=V") but --sim.
Status apply_flag(const std::string& flag, const std::optional<std::string>& value, ServerOptions& o,
                  std::optional<std::string>& data_dir, std::optional<std::string>& app_dir) {
  if (flag == "--sim") {
    if (value) return Status::invalid_argument("--sim takes no value");
    o.sim = true;
    return Status::ok();
  }
  static constexpr std::string_view kValueFlags[] = {"--listen",
                                                     "--data-dir",
                                                     "--app-dir",
                                                     "--tls-cert",
                                                     "--tls-key",
                                                     "--max-body-bytes",
                                                     "--read-timeout-ms",
                                                     "--write-timeout-ms",
                                                     "--keep-alive-timeout",
                                                     "--keep-alive-max",
                                                     "--threads",
                                                     "--auth-fail-delay-ms",
                                                     "--auth-fail-max-delay-ms",
                                                     "--broker",
                                                     "--alpaca-url",
                                                     "--alpaca-data-url",
                                                     "--alpaca-key-file",
                                                     "--alpaca-timeout-ms",
                                                     "--alpaca-poll-ms",
                                                     "--alpaca-account-ms"};
  if (std::find(std::begin(kValueFlags), std::end(kValueFlags), flag) == std::end(kValueFlags))
    return Status::invalid_argument("unknown flag " + flag + " (see --help)");
  if (!value) return Status::invalid_argument(flag + " needs a value");
  const std::string& v = *value;
  auto set_int = [&](int& field, int min, int max) {
    Result<int> n = parse_int(flag, v, min, max);
    if (n.is_ok()) field = *n;
    return n.status();
  };
  if (flag == "--listen") return parse_listen(v, o);
  if (flag == "--data-dir") {
    data_dir = v;
    return Status::ok();
  }
  if (flag == "--app-dir") {
    app_dir = v;
    return Status::ok();
  }
  if (flag == "--tls-cert") {
    o.tls_cert = v;
    return Status::ok();
  }
  if (flag == "--tls-key") {
    o.tls_key = v;
    return Status::ok();
  }
  if (flag == "--max-body-bytes") {
    int n = 0;
    Status st = set_int(n, 1024, 64 * 1024 * 1024);
    o.max_body_bytes = static_cast<std::size_t>(n);
    return st;
  }
  if (flag == "--read-timeout-ms") return set_int(o.read_timeout_ms, 100, 600'000);
  if (flag == "--write-timeout-ms") return set_int(o.write_timeout_ms, 100, 600'000);
  if (flag == "--keep-alive-timeout") return set_int(o.keep_alive_timeout_s, 1, 3600);
  if (flag == "--keep-alive-max") return set_int(o.keep_alive_max, 1, INT_MAX);
  if (flag == "--threads") return set_int(o.threads, 2, 1024);
  if (flag == "--auth-fail-delay-ms") return set_int(o.auth_fail_delay_ms, 0, 60'000);
  if (flag == "--auth-fail-max-delay-ms") return set_int(o.auth_fail_max_delay_ms, 0, 600'000);
  if (flag == "--broker") {
    if (v != "paper" && v != "alpaca")
      return Status::invalid_argument("--broker wants paper or alpaca, got '" + v + "'");
    o.alpaca = v == "alpaca";
    return Status::ok();
  }
  auto set_url = [&](std::string& field) {
    Result<std::string> url = alpaca::normalize_base_url(v, flag);
    if (url.is_ok()) field = *url;
    return url.status();
  };
  alpaca::AlpacaOptions& a = o.alpaca_options;
  if (flag == "--alpaca-url") return set_url(a.trading_url);
  if (flag == "--alpaca-data-url") return set_url(a.data_url);
  if (flag == "--alpaca-key-file") {
    a.key_file = v;
    return Status::ok();
  }
  if (flag == "--alpaca-timeout-ms") return set_int(a.timeout_ms, 100, 120'000);
  if (flag == "--alpaca-poll-ms") return set_int(a.poll_ms, 50, 600'000);
  if (flag == "--alpaca-account-ms") return set_int(a.account_refresh_ms, 50, 3'600'000);
  return Status::invalid_argument("unknown flag " + flag + " (see --help)");
}

}  // namespace

Result<Invocation> parse_invocation(const std::vector<std::string>& args, const std::string& default_app_dir) {
  Invocation inv;
  std::vector<std::string> positional;
  std::optional<std::string> data_dir, app_dir, role, source;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      inv.command = Command::kHelp;
      return inv;
    }
    if (arg.rfind("--", 0) != 0) {
      positional.push_back(arg);
      continue;
    }
    std::string flag = arg;
    std::optional<std::string> value;
    if (std::size_t eq = arg.find('='); eq != std::string::npos) {
      flag = arg.substr(0, eq);
      value = arg.substr(eq + 1);
    } else if (flag != "--sim" && i + 1 < args.size()) {
      value = args[++i];
    }
    if (flag == "--role") {
      if (!value) return Status::invalid_argument("--role needs operator, viewer or submitter");
      role = value;
      continue;
    }
    if (flag == "--source") {
      if (!value) return Status::invalid_argument("--source needs strategy:<name> or signal:<name>");
      source = value;
      continue;
    }
    if (Status st = apply_flag(flag, value, inv.serve, data_dir, app_dir); !st.is_ok()) return st;
  }

  if (!positional.empty()) {
    const std::string sub = positional.size() >= 2 && positional[0] == "token" ? positional[1] : "";
    const std::size_t want = sub == "list" ? 2 : 3;
    if (sub == "add")
      inv.command = Command::kTokenAdd;
    else if (sub == "list")
      inv.command = Command::kTokenList;
    else if (sub == "revoke")
      inv.command = Command::kTokenRevoke;
    else
      return Status::invalid_argument("unknown command '" + positional[0] + "' (see --help)");
    if (positional.size() != want)
      return Status::invalid_argument("usage: stonks-server token " + sub + (want == 3 ? " NAME" : "") +
                                      (sub == "add" ? " --role operator|viewer|submitter [--source SOURCE]" : ""));
    if (want == 3) inv.token_name = positional[2];
  }
  if (role) {
    if (inv.command != Command::kTokenAdd) return Status::invalid_argument("--role is for token add only");
    std::optional<Role> r = parse_enum<Role>(*role);
    if (!r) return Status::invalid_argument("--role wants " + enum_choices<Role>() + ", got '" + *role + "'");
    inv.role = *r;
  } else if (inv.command == Command::kTokenAdd) {
    return Status::invalid_argument("token add needs --role operator|viewer|submitter");
  }
  if (source) {
    if (inv.role != Role::kSubmitter || inv.command != Command::kTokenAdd)
      return Status::invalid_argument("--source is for token add --role submitter only");
    if (!valid_submitter_source(*source))
      return Status::invalid_argument(
          "--source wants strategy:<name> or signal:<name>, the name 1-48 of letters, "
          "digits, '.', '_' and '-'; got '" +
          *source + "'");
    inv.source = *source;
  } else if (inv.command == Command::kTokenAdd && inv.role == Role::kSubmitter) {
    return Status::invalid_argument(
        "a submitter needs --source strategy:<name> or signal:<name>: the only source its orders may carry");
  }
  if (inv.serve.tls_cert.empty() != inv.serve.tls_key.empty())
    return Status::invalid_argument("--tls-cert and --tls-key go together");
  if (inv.serve.sim && inv.serve.alpaca)
    return Status::invalid_argument("--sim and --broker alpaca do not go together: the simulator is paper only");

  Result<std::string> dir = resolve_data_dir(data_dir);
  if (!dir.is_ok()) return dir.status();
  inv.serve.data_dir = *dir;
  if (app_dir) {
    if (!is_dir(*app_dir)) return Status::invalid_argument("--app-dir " + *app_dir + " is not a directory");
    inv.serve.app_dir = *app_dir;
  } else if (!default_app_dir.empty() && is_dir(default_app_dir)) {
    inv.serve.app_dir = default_app_dir;
  }
  return inv;
}

std::string help_text() {
  return R"(stonks-server: the stonks-oracle engine behind HTTP (docs/api.md), with named operators.

Usage:
  stonks-server [FLAGS]                                serve
  stonks-server token add NAME --role operator|viewer  make a token for NAME; prints it once
  stonks-server token add NAME --role submitter --source strategy:<name>|signal:<name>
                                                       a token for an algorithm or a signal sender
  stonks-server token list                             names, roles and sources (never tokens)
  stonks-server token revoke NAME                      the running server refuses it within a second
  stonks-server --help

Every request to /api/... needs "Authorization: Bearer <token>" (401 without);
a viewer may only GET (403 otherwise). A submitter may only POST /api/orders,
/api/orders/preview, /api/orders/{id}/cancel and /api/signals/{name}, and
GET /api/orders/{id}, for its own orders; they carry its source
(403 otherwise). POST /api/signals/{name} takes only a submitter's token, in
the header or, without one, in the body's "token" field; its body may also
come as text/plain. /healthz and the static app need none.
The first start in a data dir without a token file creates the operator token
"admin" and prints it once on stdout. Tokens are stored hashed (SHA-256) in
DATA_DIR/tokens (0600). Bodies must be JSON ("Content-Type: application/json"
when a type is given; 415 otherwise).

Flags (--flag VALUE or --flag=VALUE):
  --listen HOST:PORT          address to bind (default 127.0.0.1:8080; port 0 picks a free one).
                              Prints "listening on http://HOST:PORT" once bound.
  --data-dir DIR              journal, snapshots and tokens (see STONKS_DATA_DIR); created 0700
  --sim                       run the paper desk's market simulator and news generator
                              (GET/PUT /api/sim, POST /api/sim/reset) on the engine's clock
  --app-dir DIR               serve the built browser app from DIR (default: the repo's
                              build/wasm/web/app when it exists; otherwise no static files)
  --tls-cert FILE --tls-key FILE
                              HTTPS with this PEM certificate chain and private key
  --max-body-bytes N          request body limit (default 65536; over it: 413)
  --read-timeout-ms N         per read of a request (default 5000)
  --write-timeout-ms N        per write of a response (default 5000)
  --keep-alive-timeout S      idle seconds before a kept-alive connection closes (default 5)
  --keep-alive-max N          requests per connection (default 1000)
  --threads N                 HTTP handler threads (default 32; each open connection or
                              long-poll holds one)
  --auth-fail-delay-ms N      delay of the first wrong token from an address, doubled for each
                              further one (default 100) ...
  --auth-fail-max-delay-ms N  ... up to this (default 5000); a right token resets it
  --role operator|viewer|submitter
                              for token add
  --source SOURCE             for token add --role submitter: strategy:<name> or signal:<name>

Live trading (docs/live_trading.md):
  --broker paper|alpaca       paper (default): the engine's simulated venue. alpaca: orders
                              go to an Alpaca-shaped broker, in live mode only (PUT
                              /api/admin/trading/mode {"mode":"live"}, refused unless the
                              broker's account is ACTIVE and unblocked)
  --alpaca-url URL            trading API base (default https://paper-api.alpaca.markets;
                              the live one is https://api.alpaca.markets)
  --alpaca-data-url URL       market-data API base (default https://data.alpaca.markets)
  --alpaca-key-file FILE      the keys as APCA_API_KEY_ID=... and APCA_API_SECRET_KEY=...
                              lines; refused unless owner-only (chmod 600). Without it the
                              keys come from the environment (below). Never logged.
  --alpaca-timeout-ms N       per request to the broker (default 10000)
  --alpaca-poll-ms N          one GET /v2/orders?status=open per interval (default 1000)
  --alpaca-account-ms N       GET /v2/account (can live mode be entered?) every N ms
                              (default 15000)

Environment:
  STONKS_DATA_DIR             the data dir when --data-dir is not given
  XDG_DATA_HOME               otherwise the data dir is $XDG_DATA_HOME/stonks-oracle ...
  HOME                        ... or $HOME/.local/share/stonks-oracle
  APCA_API_KEY_ID             the broker key id for --broker alpaca (no --alpaca-key-file) ...
  APCA_API_SECRET_KEY         ... and its secret

Signals: SIGINT or SIGTERM stop accepting, finish the requests in flight, flush the
journal, write a snapshot and exit 0 (a second signal exits at once, status 1).
Exit status: 0 after a clean stop; 1 for bad flags or a failed start; 2 when the
journal is damaged (the message names the file and byte offset; nothing is touched).
)";
}

}  // namespace stonks::server
