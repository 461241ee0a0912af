// stonks-server: the engine behind HTTP. Parses the command line, prepares
// the data dir, recovers the engine, serves until SIGINT/SIGTERM.
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "auth_throttle.h"
#include "data_dir.h"
#include "engine_thread.h"
#include "http_server.h"
#include "live_backend.h"
#include "paper_backend.h"
#include "server_options.h"
#include "shutdown_signals.h"
#include "sim_backend.h"
#include "static_files.h"
#include "token_commands.h"
#include "token_store.h"

namespace stonks::server {
namespace {

void log(const std::string& line) { std::fprintf(stderr, "stonks-server: %s\n", line.c_str()); }

// Logs why and gives the exit status.
int fail(const std::string& line, int status = 1) {
  log(line);
  return status;
}

Timestamp wall_clock() { return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now()); }

// The first start in a data dir makes the operator "admin" and prints its token once.
Status load_tokens(TokenStore& tokens) {
  Status st = tokens.load();
  if (st.code() != StatusCode::kNotFound) return st;
  Result<std::string> token = tokens.add("admin", Role::kOperator);
  if (!token.is_ok()) return token.status();
  std::printf("admin token (shown only this once; more with `stonks-server token add`): %s\n", token->c_str());
  std::fflush(stdout);
  return Status::ok();
}

Result<std::unique_ptr<EngineBackend>> open_backend(const ServerOptions& o) {
  ApiOptions api;
  api.max_body_bytes = o.max_body_bytes;
  if (o.sim) {
    Result<std::unique_ptr<SimBackend>> b =
        SimBackend::open(o.data_dir + "/journal", o.data_dir + "/sim", wall_clock());
    if (!b.is_ok()) return b.status();
    return std::unique_ptr<EngineBackend>(std::move(b).value());
  }
  if (o.alpaca) {
    Result<alpaca::AlpacaKeys> keys = alpaca::load_alpaca_keys(o.alpaca_options.key_file);
    if (!keys.is_ok()) return keys.status();
    Result<std::unique_ptr<LiveBackend>> b = LiveBackend::open(o.data_dir + "/journal", o.data_dir + "/broker_instance",
                                                               api, o.alpaca_options, std::move(keys).value());
    if (!b.is_ok()) return b.status();
    return std::unique_ptr<EngineBackend>(std::move(b).value());
  }
  Result<std::unique_ptr<PaperBackend>> b = PaperBackend::open(o.data_dir + "/journal", api);
  if (!b.is_ok()) return b.status();
  return std::unique_ptr<EngineBackend>(std::move(b).value());
}

int serve(const ServerOptions& o) {
  ShutdownSignals signals;  // before any thread starts
  Result<DataDirLock> lock = DataDirLock::acquire(o.data_dir);
  if (!lock.is_ok()) return fail(lock.status().message());

  TokenStore tokens(token_file(o.data_dir));
  if (Status st = load_tokens(tokens); !st.is_ok()) return fail(st.message());

  Result<std::unique_ptr<EngineBackend>> backend = open_backend(o);
  if (!backend.is_ok()) {
    const Status& st = backend.status();
    if (st.code() == StatusCode::kCorruption) {
      log("the journal in " + o.data_dir + " is damaged: " + st.message());
      log("refusing to start over it; nothing was changed. Move the directory aside to start fresh, or keep it "
          "for inspection (docs/journal_format.md).");
      return 2;
    }
    log("cannot open the engine in " + o.data_dir + ": " + st.to_string());
    return 1;
  }
  log((*backend)->describe());
  if (o.sim && o.max_body_bytes != ServerOptions{}.max_body_bytes)
    log("note: with --sim the sandbox keeps its own API body limit (64 KiB); --max-body-bytes sets the HTTP one");

  EngineBackend& engine_backend = **backend;
  EngineThread engine(std::move(backend).value(), wall_clock);
  engine.start();
  AuthThrottle throttle(std::chrono::milliseconds(o.auth_fail_delay_ms),
                        std::chrono::milliseconds(o.auth_fail_max_delay_ms));
  std::unique_ptr<StaticFiles> statics;
  if (!o.app_dir.empty()) statics = std::make_unique<StaticFiles>(o.app_dir);
  HttpServer http(o, engine, tokens, throttle, statics.get());

  // Watching before the wait for the broker: a stop must work while it lasts.
  std::atomic<bool> stop_requested{false}, run_returned{false};
  signals.watch([&](int sig) {
    log(std::string("received ") + (sig == SIGINT ? "SIGINT" : "SIGTERM") + ": stopping");
    stop_requested = true;
    engine.wake_waiters();  // long polls answer now, so the handler threads can finish
    while (!http.is_running() && !run_returned) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (!run_returned) http.stop();
  });
  // A live broker's orders left by the last run are brought up to date first.
  engine_backend.wait_until_ready([&] { return stop_requested.load(); });
  Result<int> port = stop_requested ? Result<int>(Status::unavailable("stopped before serving")) : http.bind();
  if (!port.is_ok()) {
    run_returned = true;
    log(port.status().message());
    (void)engine.stop();
    return stop_requested ? 0 : 1;
  }
  const std::string scheme = o.tls_cert.empty() ? "http" : "https";
  const std::string host = o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host;
  log(statics ? "serving the app from " + statics->root() : "no app directory: serving the API only");
  std::printf("listening on %s://%s:%d\n", scheme.c_str(), host.c_str(), *port);
  std::fflush(stdout);

  const bool served = stop_requested || http.run();  // a stop before run() is a clean one
  run_returned = true;
  const Status final_status = engine.stop();
  if (!served) return fail("the listener failed");
  if (!final_status.is_ok()) return fail("stopped, but the final snapshot failed: " + final_status.to_string());
  log("stopped; the journal is flushed and a snapshot written");
  return 0;
}

int run(int argc, char** argv) {
  ::umask(077);  // every file and directory made here is the owner's only
  std::signal(SIGPIPE, SIG_IGN);
  std::vector<std::string> args(argv + 1, argv + argc);
  Result<Invocation> inv = parse_invocation(args, STONKS_SOURCE_DIR "/build/wasm/web/app");
  if (!inv.is_ok()) return fail(inv.status().message());
  if (inv->command == Command::kHelp) {
    std::fputs(help_text().c_str(), stdout);
    return 0;
  }
  std::string warning;
  if (Status st = create_private_dir(inv->serve.data_dir, warning); !st.is_ok()) return fail(st.message());
  if (!warning.empty()) log("warning: " + warning);
  if (inv->command != Command::kServe) return run_token_command(*inv);
  return serve(inv->serve);
}

}  // namespace
}  // namespace stonks::server

int main(int argc, char** argv) { return stonks::server::run(argc, argv); }
