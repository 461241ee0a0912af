// RemoteHost: the desk in a page served by stonks-server. The engine runs in
// the server; the page keeps a replica of its state (GET /api/snapshot, then
// GET /api/events long-polled from the last seq) and the same panel draws
// it, acting over HTTP. When the link drops the panel keeps the last state,
// marked stale, and the follower resumes from its seq with backoff. A server
// trading at a broker is also asked GET /api/broker every kBrokerPollMs: the
// panel's Broker section; a paper server's answer ends those polls.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "api/state_replica.h"
#include "http_api_client.h"
#include "imgui_ui/broker_view.h"
#include "imgui_ui/desk.h"
#include "model/enum_names.h"

namespace stonks::web {

class RemoteHost {
 public:
  enum class Phase {
    kIdle,          // no token yet
    kConnecting,    // asking for the first snapshot
    kRunning,       // a replica is on screen (live or stale)
    kUnauthorized,  // the server refused the token: the page asks for another
  };

  // `changed` asks the page for a frame: new state, a new link status.
  explicit RemoteHost(std::function<void()> changed);

  // The page has a token (it adds it to every request): start following
  // `server` (shown to the operator, e.g. "127.0.0.1:8080"). A restart keeps
  // the replica on screen and resumes from its seq.
  void start(std::string server);

  // The page's answer to an HTTP request (web/js/remote.js).
  void complete(std::uint32_t id, int status, std::string body) { client_.complete(id, status, std::move(body)); }

  // Draws the panel over the replica (between NewFrame and Render).
  void draw();

  Phase phase() const { return phase_; }
  const std::string& detail() const { return detail_; }
  const ui::HostStatus& host_status() const { return host_; }
  // nullopt until a live server answered GET /api/broker, and on a paper one.
  const std::optional<ui::BrokerStatusView>& broker() const { return broker_; }
  // Only once the first snapshot arrived.
  const StateReplica& replica() const { return replica_; }
  const ui::Desk* desk() const { return desk_.get(); }
  ui::Desk* desk() { return desk_.get(); }
  std::size_t pending_count() const;

 private:
  static constexpr int kEventsWaitMs = 25'000;  // under the server's cap, kMaxEventsWaitMs
  static constexpr int kEventsPageSize = 1000;
  static constexpr double kFirstRetryMs = 500;
  static constexpr double kMaxRetryMs = 8'000;
  static constexpr double kBrokerPollMs = 2'000;

  void load_snapshot();
  void poll_events();
  void on_snapshot(const ApiResponse& response);
  void on_events(const ApiResponse& response);
  // Every answer, the panel's included: a 401 stops everything, any answer
  // at all shows the server is reachable.
  void observe(int status, const std::string& body);
  void link_lost(const std::string& why);
  void retry_later();
  static void on_retry_timer(void* self);
  void set_phase(Phase phase, std::string detail);
  // Starts the GET /api/broker polls of this generation (once; a restart
  // replaces the previous ones).
  void follow_broker();
  void poll_broker();
  void on_broker(const ApiResponse& response);
  static void on_broker_timer(void* self);
  // The charts' history before the page connected: after the first
  // snapshot, the older events the server's journal still holds are read
  // page by page into history_ (events followed meanwhile wait in
  // live_while_backfilling_, then follow in order). A failed page ends it:
  // the charts start at the snapshot, as without it.
  void backfill_history(EventSeq after);
  void on_backfill(const ApiResponse& response);
  void end_backfill();
  void observe_followed(const EventRecord& record);

  std::function<void()> changed_;
  HttpApiClient client_;
  StateReplica replica_;
  // Candles and equity from the server's journal and the events followed.
  ui::DeskHistory history_;
  // Events followed while the backfill runs are held here; past this many
  // the backfill gives up (a server far ahead of a slow link).
  static constexpr std::size_t kMaxHeldWhileBackfilling = 100'000;
  bool backfilling_ = false;
  bool backfilled_ = false;   // once per page: a snapshot reloaded later does not start it again
  EventSeq backfill_to_ = 0;  // the first snapshot's seq: the backfill stops there
  std::vector<EventRecord> live_while_backfilling_;
  std::unique_ptr<ui::Desk> desk_;
  ui::HostStatus host_;
  Phase phase_ = Phase::kIdle;
  std::string detail_;
  std::string server_;
  std::uint64_t generation_ = 0;  // a restart ignores the old follower's answers
  double retry_ms_ = kFirstRetryMs;
  bool retry_pending_ = false;
  std::optional<ui::BrokerStatusView> broker_;
  bool no_broker_ = false;               // the server said it trades at none: no more polls
  std::uint64_t broker_generation_ = 0;  // the generation whose polls run
  long broker_timer_ = 0;                // the pending poll's timeout id; 0: none
};

}  // namespace stonks::web

namespace stonks {
// The phase's name as the page's scripts read it (window.stonks.phase).
template <>
struct EnumNames<web::RemoteHost::Phase> {
  using P = web::RemoteHost::Phase;
  static constexpr EnumName<P> table[] = {
      {P::kIdle, "idle"}, {P::kConnecting, "connecting"}, {P::kRunning, "running"}, {P::kUnauthorized, "unauthorized"}};
};
}  // namespace stonks
