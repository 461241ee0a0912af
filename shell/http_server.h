// HttpServer: cpp-httplib in front of the engine thread -- the API with
// bearer-token auth, /healthz, and the static browser app.
#pragma once

#include <memory>
#include <string>

#include "auth_throttle.h"
#include "engine_thread.h"
#include "model/status.h"
#include "server_options.h"
#include "static_files.h"
#include "token_store.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace stonks::server {

// Routes:
//   /api/...   every method: Authorization: Bearer <token> (401 JSON error
//              otherwise, nothing changed; wrong tokens are slowed by the
//              AuthThrottle), viewers GET only (403), submitters only the
//              routes of their orders and signals (403 otherwise; the
//              router gets their source as fixed_source), a body with a
//              Content-Type other than application/json is 415; then the
//              ApiRouter through the engine thread, as the operator's name.
//   POST /api/signals/{name}: a submitter's token only (403 for the other
//              roles), in the header or, when there is no Authorization
//              header, in the JSON body's "token" field (never logged or
//              answered back); the body may also be text/plain.
//              GET /api/events?wait=MS waits (up to MS) for new events.
//   /api/broker GET (auth): the broker's status and its differences from the
//              engine ({"broker":"paper"} without a live broker); other methods 405.
//   /healthz   GET, no auth: {"status":"ok","server":"stonks-server"} or 503 once the engine stopped.
//   else       GET: the static app (404 JSON when absent).
// Every response is JSON but the static files, and carries Cache-Control:
// no-store and X-Content-Type-Options: nosniff; no CORS headers.
//
// Thread-safety: bind() and run() from one thread; stop() and is_running()
// from any. The references must outlive the server.
class HttpServer {
 public:
  HttpServer(const ServerOptions& options, EngineThread& engine, TokenStore& tokens, AuthThrottle& throttle,
             StaticFiles* statics);
  ~HttpServer();

  // Binds options.host:port. The bound port (the ephemeral one for port 0);
  // kInvalidArgument when TLS files do not load, kIoError when bind fails.
  Result<int> bind();
  // Serves until stop(); false when the listener failed.
  bool run();
  // Stops accepting; run() returns once the requests in flight are answered.
  // Call once, after is_running().
  void stop();
  bool is_running() const;

 private:
  void install_routes();
  void handle_api(const httplib::Request& req, httplib::Response& res);
  void handle_static(const httplib::Request& req, httplib::Response& res);
  // The authenticated operator, or nullopt with `res` set to the 401. With
  // `token_in_body` and no Authorization header, the token is the body's
  // "token" field.
  std::optional<Operator> authenticate(const httplib::Request& req, httplib::Response& res, bool token_in_body);
  // GET /api/events with ?wait=MS and an empty page: re-asks as events commit.
  EngineThread::Answer long_poll(const ApiRequest& request, EngineThread::Answer answer);

  const ServerOptions& options_;
  EngineThread& engine_;
  TokenStore& tokens_;
  AuthThrottle& throttle_;
  StaticFiles* statics_;
  std::unique_ptr<httplib::Server> http_;
};

}  // namespace stonks::server
