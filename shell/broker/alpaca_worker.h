// AlpacaWorker: the network thread of the live broker. It alone talks HTTP;
// the engine thread hands it work and takes back what it learned.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "alpaca_client.h"
#include "alpaca_options.h"
#include "broker_monitor.h"
#include "broker_update.h"

namespace stonks::alpaca {

// Exactly once: every order carries a client_order_id the broker remembers
// forever. A POST that got no answer or a 5xx may have been stored, so the
// worker looks the id up (GET /v2/orders:by_client_order_id) and POSTs again,
// with the same id, only on a 404; a 422 "must be unique" means the broker has
// it, so it is looked up too. 403/422 and other 4xx refuse the order with the
// broker's message. Timeouts, drops, 5xx and 429 are retried with doubling
// backoff (100 ms .. 5 s); after a 429 nothing is sent before its
// X-RateLimit-Reset.
//
// Polling: one GET /v2/orders?status=open per poll interval; an order the
// worker follows that is missing from it is fetched by id (it went final).
// An update is posted only when the broker's view changed. A cancel is a
// DELETE (after the order is known at the broker); the polls then tell
// whether it was cancelled or filled first.
//
// Quotes: one GET /v2/stocks/quotes/latest?symbols=... of the market-data
// API per poll interval for the watched symbols; a quote is posted only when
// it changed.
//
// Account: one GET /v2/account and one GET /v2/positions per account
// interval; what they say (and how every trading-API request went: link,
// latency, rate budget) is kept in a BrokerMonitor for GET /api/broker.
//
// Thread-safety: post(), watch(), take_updates(), account_usable() and
// broker_status() from any thread; start() and stop() from one.
class AlpacaWorker {
 public:
  // `on_update` is called on the worker thread after updates were queued
  // (the engine thread's wake-up); it must not block.
  AlpacaWorker(AlpacaOptions options, AlpacaKeys keys, std::string instance_id, std::function<void()> on_update);
  ~AlpacaWorker();  // stop()s

  // Starts the thread with the startup reconciliation (kReconcile work):
  // a kReconciled update follows once every one of them is up to date.
  void start(std::vector<BrokerWork> reconcile);
  // Joins; what is still queued is dropped (the journal has it: the next start reconciles it).
  void stop();

  void post(std::vector<BrokerWork> work);
  // The symbols whose latest quotes the engine wants (replaces the last set).
  void watch(std::vector<Symbol> symbols);
  std::vector<BrokerUpdate> take_updates();

  // The last answered GET /v2/account said ACTIVE and nothing blocked.
  bool account_usable() const { return account_usable_.load(); }
  // The link, latency, rate budget, account and positions as last seen.
  BrokerStatus broker_status() const { return monitor_.status(); }

 private:
  using Clock = std::chrono::steady_clock;
  enum class Step { kPost, kLookup, kKnown };
  struct Tracked {
    OrderId id = 0;
    OrderIntent intent;
    std::string client_order_id;
    Step step = Step::kPost;
    bool maybe_posted = false;  // a POST went out: the broker may have it
    bool reconciling = false;   // counts toward the kReconciled update
    std::string broker_id;
    bool cancel_wanted = false;
    bool cancel_sent = false;
    bool done = false;  // final at the broker (or refused, withdrawn): forget it
    BrokerOrder last_posted;
    int failures = 0;
    Clock::time_point not_before{};
  };

  void run();
  void take_work();
  void resolve(Tracked& t);
  void post_order(Tracked& t);
  void look_up(Tracked& t);
  void send_cancel(Tracked& t);
  void poll_orders();
  void refresh_account();
  void refresh_positions();
  void poll_quotes();
  void fetch_by_id(Tracked& t);

  // The broker's view of `t`: queued when it changed; final -> done.
  void seen(Tracked& t, const BrokerOrder& o);
  void settle(Tracked& t);  // t left the kPost/kLookup steps
  void push(BrokerUpdate u);
  void backoff(Tracked& t, const AlpacaReply& reply);
  // A 429 holds every request until its reset; returns whether it was one.
  bool hold_for_rate_limit(const AlpacaReply& reply);
  void log(const std::string& line) const;

  AlpacaOptions options_;
  std::string instance_id_;
  std::function<void()> on_update_;
  BrokerMonitor monitor_;  // before trading_, which reports to it
  AlpacaClient trading_;
  AlpacaClient data_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<BrokerWork> inbox_;
  std::vector<BrokerUpdate> outbox_;
  std::vector<Symbol> watched_;
  bool stopping_ = false;

  // Worker thread only.
  std::map<OrderId, Tracked> orders_;
  int reconcile_left_ = 0;
  bool reconciled_sent_ = false;
  Clock::time_point hold_until_{};
  Clock::time_point next_poll_{};
  Clock::time_point next_account_{};
  int poll_failures_ = 0;
  Clock::time_point next_quotes_{};
  std::map<Symbol, Quote> last_quotes_;

  std::atomic<bool> account_usable_{false};
  std::thread thread_;
};

}  // namespace stonks::alpaca
