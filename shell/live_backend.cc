#include "live_backend.h"

#include <fcntl.h>
#include <unistd.h>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <set>

#include "api/api_response.h"
#include "api/broker_status.h"
#include "order_reports.h"
#include "paper_backend.h"
#include "token_crypto.h"

namespace stonks::server {
namespace {

constexpr std::size_t kInstanceIdLength = 12;  // hex digits: 48 random bits

void log(const std::string& line) { std::fprintf(stderr, "stonks-server: %s\n", line.c_str()); }

bool is_instance_id(const std::string& s) {
  if (s.size() != kInstanceIdLength) return false;
  for (char c : s)
    if (!std::isxdigit(static_cast<unsigned char>(c)) || std::isupper(static_cast<unsigned char>(c))) return false;
  return true;
}

// The id lives as long as the data dir: made once (write, fsync, rename),
// then only read. kCorruption when the file holds anything else.
Result<std::string> load_instance_id(const std::string& path) {
  std::ifstream in(path);
  if (in) {
    std::string id;
    std::getline(in, id);
    if (!is_instance_id(id))
      return Status::corruption(path + " does not hold a broker instance id (" + std::to_string(kInstanceIdLength) +
                                " hex digits); it names this data dir's orders at the broker: restore it");
    return id;
  }
  Result<std::string> token = random_token();
  if (!token.is_ok()) return token.status();
  const std::string id = token->substr(3, kInstanceIdLength);
  const std::string tmp = path + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return Status::io_error("cannot create " + tmp);
  const std::string line = id + "\n";
  const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!written || ::rename(tmp.c_str(), path.c_str()) != 0) return Status::io_error("cannot write " + path);
  return id;
}

}  // namespace

Result<std::unique_ptr<LiveBackend>> LiveBackend::open(const std::string& journal_dir, const std::string& instance_file,
                                                       ApiOptions api, alpaca::AlpacaOptions options,
                                                       alpaca::AlpacaKeys keys) {
  std::unique_ptr<LiveBackend> b(new LiveBackend());
  Result<std::string> instance = load_instance_id(instance_file);
  if (!instance.is_ok()) return instance.status();
  b->instance_id_ = *instance;
  LiveBackend* self = b.get();
  b->worker_ = std::make_unique<alpaca::AlpacaWorker>(std::move(options), std::move(keys), b->instance_id_, [self] {
    if (self->wake_) self->wake_();
  });
  b->broker_ = std::make_unique<alpaca::LiveBroker>(*b->worker_);
  Result<std::unique_ptr<FileStorage>> storage = FileStorage::open(journal_dir);
  if (!storage.is_ok()) return storage.status();
  b->storage_ = std::move(storage).value();
  Result<std::unique_ptr<EngineStore>> store = EngineStore::open(*b->storage_, *b->broker_, server_store_options());
  if (!store.is_ok()) return store.status();
  b->store_ = std::move(store).value();
  const Engine& engine = b->store_->engine();
  b->broker_->set_mode_source([&engine] { return engine.state().mode; });
  b->router_ = std::make_unique<ApiRouter>(b->store_->engine(), b->store_->log(), api);
  return b;
}

LiveBackend::~LiveBackend() {
  if (worker_) worker_->stop();  // before the store and the broker it calls back into go
}

void LiveBackend::start_background(std::function<void()> wake) {
  wake_ = std::move(wake);
  std::vector<alpaca::BrokerWork> reconcile;
  const EngineState& state = store_->engine().state();
  for (const auto& [symbol, ids] : state.working_orders)
    for (OrderId id : ids)
      reconcile.push_back(alpaca::BrokerWork{alpaca::BrokerWork::Kind::kReconcile, id, state.orders.at(id).intent()});
  reconciling_ = reconcile.size();
  // A cancel asked for before the restart is asked again once the order is
  // looked up (one the broker never got is withdrawn, never sent).
  for (const auto& [id, request] : state.cancel_requests)
    reconcile.push_back(alpaca::BrokerWork{alpaca::BrokerWork::Kind::kCancel, id, {}});
  if (!reconcile.empty())
    log("reconciling " + std::to_string(reconcile.size()) +
        " order(s) left at the broker by the last run before taking new orders");
  update_watch();
  worker_->start(std::move(reconcile));
}

void LiveBackend::wait_until_ready(const std::function<bool()>& stop) {
  std::unique_lock lock(ready_mu_);
  int waited_s = 0;
  while (!ready_ && !stop()) {
    if (!ready_cv_.wait_for(lock, std::chrono::seconds(1), [&] { return ready_; }) && ++waited_s % 10 == 0)
      log("still reconciling with the broker (" + std::to_string(waited_s) + " s); new orders wait");
  }
}

void LiveBackend::absorb(Timestamp now) {
  for (const alpaca::BrokerUpdate& u : worker_->take_updates()) apply(u, now);
  update_watch();
}

void LiveBackend::update_watch() {
  const EngineState& state = store_->engine().state();
  std::set<Symbol> symbols;
  for (const auto& [symbol, quote] : state.market.quotes()) symbols.insert(symbol);
  for (const auto& [symbol, ids] : state.working_orders)
    if (!ids.empty()) symbols.insert(symbol);
  std::vector<Symbol> list(symbols.begin(), symbols.end());
  if (list == watched_) return;
  watched_ = list;
  worker_->watch(std::move(list));
}

void LiveBackend::apply(const alpaca::BrokerUpdate& u, Timestamp now) {
  using K = alpaca::BrokerUpdate::Kind;
  Engine& engine = store_->engine();
  if (u.kind == K::kReconciled) {
    reconciled_seen_ = true;
    return;
  }
  if (u.kind == K::kQuote) {
    if (Status st = engine.on_quote(u.quote, now); !st.is_ok())
      log("broker quote for " + u.quote.symbol.str() + " not applied: " + st.to_string());
    return;
  }
  const Order* o = engine.state().order(u.order_id);
  if (!o) return;
  std::vector<ExecutionReport> reports;
  ExecutionReport r;
  r.order_id = u.order_id;
  switch (u.kind) {
    case K::kOrder:
      reports = alpaca::reports_for(*o, u.order);
      break;
    case K::kRefused:
      r.kind = ExecutionReport::Kind::kRejected;
      r.reason = "refused by the broker: " + u.message;
      reports.push_back(r);
      break;
    case K::kWithdrawn:
      r.kind = ExecutionReport::Kind::kCancelled;
      r.reason = "cancelled before it reached the broker";
      reports.push_back(r);
      break;
    case K::kReconciled:
    case K::kQuote:
      break;
  }
  for (const ExecutionReport& report : reports) {
    if (Status st = engine.report_execution(report, now); !st.is_ok()) {
      log("broker report for order " + std::to_string(report.order_id) + " not applied: " + st.to_string());
      break;
    }
  }
}

ApiResponse LiveBackend::handle(ApiRequest request, Timestamp now) {
  if (request.method == "GET" && request.path == kBrokerStatusPath) {
    const BrokerStatus status = worker_->broker_status();
    return json_response(200,
                         broker_status_json("alpaca", status, reconcile(store_->engine().state(), status.holdings)));
  }
  request.now = now;
  return router_->handle(request);
}

Status LiveBackend::advance(Timestamp now) { return store_->engine().tick(now); }

Status LiveBackend::flush() {
  Status st = store_->flush();
  if (!st.is_ok()) {
    broker_->discard();
    return st;
  }
  broker_->release();
  if (reconciled_seen_) {
    reconciled_seen_ = false;
    {
      std::lock_guard lock(ready_mu_);
      ready_ = true;
    }
    ready_cv_.notify_all();
    if (reconciling_ > 0) log("reconciled with the broker: taking new orders");
  }
  return st;
}

Status LiveBackend::close() {
  Status st = store_->snapshot();
  worker_->stop();
  return st;
}

std::uint64_t LiveBackend::last_seq() const { return store_->engine().state().last_seq; }

std::string LiveBackend::describe() const {
  const StoreRecovery& r = store_->recovery();
  std::string where = r.fresh ? "fresh journal in " + storage_->dir()
                              : "journal in " + storage_->dir() + " recovered to seq " + std::to_string(r.last_seq);
  return "live engine (Alpaca broker, instance " + instance_id_ + "), " + where;
}

}  // namespace stonks::server
