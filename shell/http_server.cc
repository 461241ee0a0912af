#include "http_server.h"

#include <cstdio>
#include <thread>

#include <httplib.h>

#include "api/api_response.h"
#include "api/broker_status.h"
#include "api/request_parsing.h"
#include "api/routes.h"
#include "json/strict_json.h"

namespace stonks::server {
namespace {

constexpr const char* kJson = "application/json";

void send_error(httplib::Response& res, int status, std::string_view code, const std::string& message) {
  ApiResponse r = error_response(status, code, message);
  res.status = r.status;
  res.set_content(r.body, kJson);
}

// The wire code for an error cpp-httplib answered itself (bad request line,
// body over the limit, unknown static path...).
std::string_view code_for(int status) {
  switch (status) {
    case 400:
      return "invalid_argument";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 413:
      return "payload_too_large";
    case 414:
      return "uri_too_long";
    case 416:
      return "range_not_satisfiable";
    case 503:
      return "unavailable";
    default:
      return status >= 500 ? "internal" : "invalid_argument";
  }
}

// "application/json; charset=utf-8" -> "application/json", lowercased.
std::string media_type(const std::string& content_type) {
  std::string out = content_type.substr(0, content_type.find(';'));
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// 401 with the challenge RFC 6750 asks for.
void send_unauthorized(httplib::Response& res, const std::string& message) {
  send_error(res, 401, "unauthorized", message);
  res.set_header("WWW-Authenticate", "Bearer");
}

bool only_whitespace(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

// Whether `path` fits `pattern` segment by segment, "{}" standing for one
// non-empty segment (the router then checks it as an id or a name).
bool path_fits(std::string_view pattern, std::string_view path) {
  for (;;) {
    const std::size_t p_end = pattern.find('/', 1), s_end = path.find('/', 1);
    const std::string_view p_seg = pattern.substr(0, p_end), s_seg = path.substr(0, s_end);
    if (p_seg == "/{}" ? s_seg.size() < 2 : p_seg != s_seg) return false;
    if (p_end == std::string_view::npos || s_end == std::string_view::npos) return p_end == s_end;
    pattern.remove_prefix(p_end);
    path.remove_prefix(s_end);
  }
}

constexpr std::string_view kSignalRoute = "/api/signals/{}";

// What a submitter may call: submit and preview orders under its source,
// cancel and read its own orders (the router checks whose), post signals.
bool submitter_may(std::string_view method, std::string_view path) {
  static constexpr std::pair<std::string_view, std::string_view> kRoutes[] = {{"POST", "/api/orders"},
                                                                              {"POST", "/api/orders/preview"},
                                                                              {"POST", "/api/orders/{}/cancel"},
                                                                              {"POST", kSignalRoute},
                                                                              {"GET", "/api/orders/{}"}};
  for (const auto& [m, pattern] : kRoutes)
    if (m == method && path_fits(pattern, path)) return true;
  return false;
}

// The "token" field of a JSON object body, or nullopt (not JSON, not an
// object, no such string, or an empty one).
std::optional<std::string> body_token(const std::string& body) {
  Result<nlohmann::json> parsed = parse_json_strict(body);
  if (!parsed.is_ok() || !parsed->is_object()) return std::nullopt;
  auto it = parsed->find("token");
  if (it == parsed->end() || !it->is_string() || it->get_ref<const std::string&>().empty()) return std::nullopt;
  return it->get<std::string>();
}

}  // namespace

HttpServer::HttpServer(const ServerOptions& options, EngineThread& engine, TokenStore& tokens, AuthThrottle& throttle,
                       StaticFiles* statics)
    : options_(options), engine_(engine), tokens_(tokens), throttle_(throttle), statics_(statics) {}

HttpServer::~HttpServer() = default;

Result<int> HttpServer::bind() {
  if (!options_.tls_cert.empty()) {
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
    auto tls = std::make_unique<httplib::SSLServer>(options_.tls_cert.c_str(), options_.tls_key.c_str());
    if (!tls->is_valid())
      return Status::invalid_argument("cannot load the TLS certificate " + options_.tls_cert + " and key " +
                                      options_.tls_key + " (PEM files, the key matching the certificate)");
    http_ = std::move(tls);
#else
    return Status::invalid_argument("this build of cpp-httplib has no TLS support: drop --tls-cert/--tls-key");
#endif
  } else {
    http_ = std::make_unique<httplib::Server>();
  }
  install_routes();
  int port = options_.port;
  if (port == 0) {
    port = http_->bind_to_any_port(options_.host);
    if (port < 0) port = -1;
  } else if (!http_->bind_to_port(options_.host, port)) {
    port = -1;
  }
  if (port < 0)
    return Status::io_error("cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                            " (the port is taken, or the host is not an address of this machine)");
  return port;
}

bool HttpServer::run() { return http_->listen_after_bind(); }

void HttpServer::stop() { http_->stop(); }

bool HttpServer::is_running() const { return http_ && http_->is_running(); }

void HttpServer::install_routes() {
  httplib::Server& s = *http_;
  s.set_tcp_nodelay(true);  // else ~40 ms Nagle/delayed-ACK stalls per response (shared/TOOLCHAIN.md)
  s.set_keep_alive_max_count(static_cast<std::size_t>(options_.keep_alive_max));
  s.set_keep_alive_timeout(options_.keep_alive_timeout_s);
  s.set_read_timeout(std::chrono::milliseconds(options_.read_timeout_ms));
  s.set_write_timeout(std::chrono::milliseconds(options_.write_timeout_ms));
  s.set_payload_max_length(options_.max_body_bytes);
  const int threads = options_.threads;
  s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  s.set_default_headers({{"Cache-Control", "no-store"}, {"X-Content-Type-Options", "nosniff"}});

  // Errors cpp-httplib answers itself get the API's JSON shape too.
  s.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& res) -> httplib::Server::HandlerResponse {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        send_error(res, res.status, code_for(res.status), "HTTP " + std::to_string(res.status));
        return httplib::Server::HandlerResponse::Handled;
      }));
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    send_error(res, 500, "internal", "internal error");
  });

  s.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
    const bool ok = engine_.healthy();
    res.status = ok ? 200 : 503;
    // "server" tells the browser app it was served by stonks-server (web/js/remote.js).
    res.set_content(
        ok ? R"({"status":"ok","server":"stonks-server"})" : R"({"status":"failed","server":"stonks-server"})", kJson);
  });
  const std::string api = R"(/api(/.*)?)";
  auto api_handler = [this](const httplib::Request& req, httplib::Response& res) { handle_api(req, res); };
  s.Get(api, api_handler);
  s.Post(api, api_handler);
  s.Put(api, api_handler);
  s.Delete(api, api_handler);
  s.Patch(api, api_handler);
  s.Options(api, api_handler);
  s.Get(".*", [this](const httplib::Request& req, httplib::Response& res) { handle_static(req, res); });
}

std::optional<Operator> HttpServer::authenticate(const httplib::Request& req, httplib::Response& res,
                                                 bool token_in_body) {
  std::string token;
  if (token_in_body && !req.has_header("Authorization")) {
    std::optional<std::string> from_body = body_token(req.body);
    if (!from_body) {
      send_unauthorized(res,
                        "a signal needs its sender's token: the header Authorization: Bearer <token>, or a \"token\" "
                        "field in its JSON body");
      return std::nullopt;
    }
    token = std::move(*from_body);
  } else {
    const std::string header = req.get_header_value("Authorization");
    constexpr std::string_view kBearer = "Bearer ";
    if (header.size() <= kBearer.size() || header.compare(0, kBearer.size(), kBearer) != 0) {
      send_unauthorized(res, "this route needs the header Authorization: Bearer <token>");
      return std::nullopt;
    }
    token = header.substr(kBearer.size());
  }
  std::optional<Operator> op = tokens_.authenticate(token);
  if (op) {
    throttle_.succeeded(req.remote_addr);
    return op;
  }
  const AuthThrottle::Failure failure = throttle_.failed(req.remote_addr);
  // Logged without the token; the count doubles the delay, so say it at powers of two.
  if ((failure.count & (failure.count - 1)) == 0)
    std::fprintf(stderr, "stonks-server: auth: %llu wrong token(s) in a row from %s; answering after %lld ms\n",
                 static_cast<unsigned long long>(failure.count), req.remote_addr.c_str(),
                 static_cast<long long>(failure.delay.count()));
  std::this_thread::sleep_for(failure.delay);
  send_unauthorized(res, "unknown or revoked token");
  return std::nullopt;
}

void HttpServer::handle_api(const httplib::Request& req, httplib::Response& res) {
  ApiRequest request;
  request.method = req.method == "HEAD" ? "GET" : req.method;
  // The raw target: the router decodes the query itself, strictly.
  const std::size_t q = req.target.find('?');
  request.path = req.target.substr(0, q);
  request.query = q == std::string::npos ? "" : req.target.substr(q + 1);
  // A signal's sender may not be able to set headers (TradingView): its
  // token may come in the body, and its body as text/plain.
  const bool signal = request.method == "POST" && path_fits(kSignalRoute, request.path);

  std::optional<Operator> op = authenticate(req, res, signal);
  if (!op) return;
  const bool read_only = req.method == "GET" || req.method == "HEAD";
  if (op->role == Role::kViewer && !read_only)
    return send_error(res, 403, "forbidden", "operator " + op->name + " is a viewer: it may only read (GET)");
  if (op->role == Role::kSubmitter && !submitter_may(request.method, request.path))
    return send_error(res, 403, "forbidden",
                      "operator " + op->name + " is a submitter (source " + op->source +
                          "): it may only POST /api/orders, /api/orders/preview, /api/orders/{id}/cancel and "
                          "/api/signals/{name}, and GET /api/orders/{id} (its own orders)");
  if (signal && op->role != Role::kSubmitter)
    return send_error(res, 403, "forbidden",
                      "signals are posted with a submitter's token (stonks-server token add NAME --role submitter "
                      "--source signal:NAME); " +
                          op->name + " is " + (op->role == Role::kViewer ? "a viewer" : "an operator"));
  if (!only_whitespace(req.body) && req.has_header("Content-Type")) {
    const std::string type = media_type(req.get_header_value("Content-Type"));
    if (type != kJson && !(signal && type == "text/plain"))
      return send_error(res, 415, "unsupported_media_type",
                        signal ? "a signal's body is JSON: Content-Type: application/json or text/plain"
                               : "request bodies are JSON: Content-Type: application/json");
  }

  request.body = req.body;
  request.actor = op->name;
  request.fixed_source = op->source;  // a submitter's; empty for the other roles
  if (request.path == kBrokerStatusPath) {
    if (request.method != "GET")
      return send_error(res, 405, "method_not_allowed", "GET /api/broker only reads the broker's status");
    // A server without a broker answers here; a live one on the engine
    // thread, where the engine's state is (LiveBackend::handle).
    if (!options_.alpaca) return res.set_content(R"({"broker":"paper"})", kJson);
  }
  const bool events = request.method == "GET" && request.path == "/api/events";
  EngineThread::Answer answer = engine_.call(request);
  if (events && answer.response.status == 200) answer = long_poll(request, std::move(answer));
  res.status = answer.response.status;
  res.set_content(std::move(answer.response.body), kJson);
}

EngineThread::Answer HttpServer::long_poll(const ApiRequest& request, EngineThread::Answer answer) {
  // The router accepted the query, so these parse.
  Result<QueryParams> query = QueryParams::parse(request.query, {"after", "limit", "wait"});
  if (!query.is_ok()) return answer;
  Result<std::uint64_t> wait = query->get_uint("wait", 0, 0, kMaxEventsWaitMs);
  Result<std::uint64_t> after = query->get_uint("after", 0, 0, UINT64_MAX);
  if (!wait.is_ok() || !after.is_ok() || *wait == 0) return answer;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(*wait);
  // The page is empty exactly when nothing past `after` was committed.
  while (answer.response.status == 200 && answer.last_seq <= *after && std::chrono::steady_clock::now() < deadline) {
    if (!engine_.wait_for_events_after(answer.last_seq, deadline)) break;
    answer = engine_.call(request);
  }
  return answer;
}

void HttpServer::handle_static(const httplib::Request& req, httplib::Response& res) {
  const std::string accept = req.get_header_value("Accept-Encoding");
  std::optional<StaticFile> file;
  if (statics_) file = statics_->get(req.path, accept.find("gzip") != std::string::npos);
  if (!file) {
    const std::string why = statics_ ? "no such file" : "no app directory is served (see --app-dir)";
    return send_error(res, 404, "not_found", why + ": " + req.path.substr(0, 200));
  }
  if (file->gzipped) {
    res.set_header("Content-Encoding", "gzip");
    res.set_header("Vary", "Accept-Encoding");
  }
  res.set_content(std::move(file->body), file->mime);
}

}  // namespace stonks::server
