// RemoteHost: the follower (snapshot, then long-polled event pages), the link
// status the panel shows, and the panel over the replica.
#include "remote_host.h"

#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <chrono>
#include <utility>

#include "api/broker_status.h"
#include "js_bridge.h"
#include "json/json_values.h"

namespace stonks::web {
namespace {

Timestamp wall_clock() {
  return Timestamp(
      std::chrono::duration_cast<Duration>(std::chrono::duration<double, std::milli>(emscripten_date_now())));
}

// "14:03:07 UTC" of now.
std::string clock_text() {
  const std::string iso = format_iso8601(wall_clock());  // 2026-12-02T14:03:07.123456Z
  return iso.substr(11, 8) + " UTC";
}

// The message of an API error body, else its first bytes.
std::string error_text(int status, const std::string& body) {
  if (status == 0) return body;
  Result<nlohmann::json> j = parse_json(body);
  if (j.is_ok() && j->contains("error") && (*j)["error"].contains("message") && (*j)["error"]["message"].is_string())
    return "HTTP " + std::to_string(status) + ": " + (*j)["error"]["message"].get<std::string>();
  return "HTTP " + std::to_string(status);
}

}  // namespace

RemoteHost::RemoteHost(std::function<void()> changed) : changed_(std::move(changed)) {
  client_.set_observer([this](int status, const std::string& body) { observe(status, body); });
}

void RemoteHost::start(std::string server) {
  server_ = std::move(server);
  ++generation_;
  client_.drop_in_flight();
  retry_ms_ = kFirstRetryMs;
  if (replica_.loaded()) {
    set_phase(Phase::kRunning, {});
    poll_events();
    follow_broker();
  } else {
    set_phase(Phase::kConnecting, {});
    load_snapshot();
  }
}

void RemoteHost::load_snapshot() {
  ApiRequest request;
  request.method = "GET";
  request.path = "/api/snapshot";
  const std::uint64_t generation = generation_;
  client_.send(std::move(request), [this, generation](const ApiResponse& r) {
    if (generation == generation_) on_snapshot(r);
  });
}

void RemoteHost::poll_events() {
  ApiRequest request;
  request.method = "GET";
  request.path = "/api/events";
  // While the link is down the first page is asked for without waiting: a
  // long poll would say the server is back only when it ends.
  const int wait_ms = host_.link == ui::HostStatus::Link::kLost ? 0 : kEventsWaitMs;
  request.query = "after=" + std::to_string(replica_.last_seq()) + "&limit=" + std::to_string(kEventsPageSize) +
                  "&wait=" + std::to_string(wait_ms);
  const std::uint64_t generation = generation_;
  client_.send(std::move(request), [this, generation](const ApiResponse& r) {
    if (generation == generation_) on_events(r);
  });
}

void RemoteHost::on_snapshot(const ApiResponse& response) {
  if (phase_ == Phase::kUnauthorized) return;
  if (response.status != 200) return link_lost(error_text(response.status, response.body));
  if (Status st = replica_.load_snapshot(response.body); !st.is_ok())
    return link_lost("the server's snapshot was refused: " + st.message());
  if (!desk_) {
    desk_ = std::make_unique<ui::Desk>(client_);
    desk_->set_file_saver(save_file);
    desk_->set_alert_host(alert_host());
    load_settings(*desk_);
  }
  set_phase(Phase::kRunning, {});
  changed_();
  poll_events();
  follow_broker();
  if (!backfilled_ && replica_.last_seq() > 0 && history_.last_seq() == 0) {
    backfilled_ = true;
    backfilling_ = true;
    backfill_to_ = replica_.last_seq();
    backfill_history(0);
  }
}

void RemoteHost::backfill_history(EventSeq after) {
  ApiRequest request;
  request.method = "GET";
  request.path = "/api/events";
  request.query = "after=" + std::to_string(after) + "&limit=" + std::to_string(kEventsPageSize) + "&wait=0";
  const std::uint64_t generation = generation_;
  client_.send(std::move(request), [this, generation](const ApiResponse& r) {
    if (generation == generation_) {
      on_backfill(r);
    } else {
      end_backfill();  // a restart: what was read stays, the held events follow
    }
  });
}

void RemoteHost::on_backfill(const ApiResponse& response) {
  if (!backfilling_) return;
  if (response.status != 200) return end_backfill();
  Result<EventsPage> page = parse_events_page(response.body);
  if (!page.is_ok()) return end_backfill();
  EventSeq last = history_.last_seq();
  for (const EventRecord& r : page->events) {
    if (r.seq > backfill_to_) break;
    history_.observe(r);
    last = r.seq;
  }
  const bool more =
      page->has_more && !page->events.empty() && last < backfill_to_ && page->events.back().seq <= backfill_to_;
  if (!more) return end_backfill();
  backfill_history(last);
}

void RemoteHost::end_backfill() {
  if (!backfilling_) return;
  backfilling_ = false;
  for (const EventRecord& r : live_while_backfilling_) history_.observe(r);
  live_while_backfilling_.clear();
  live_while_backfilling_.shrink_to_fit();
  changed_();
}

void RemoteHost::observe_followed(const EventRecord& record) {
  if (!backfilling_) return history_.observe(record);
  live_while_backfilling_.push_back(record);
  if (live_while_backfilling_.size() > kMaxHeldWhileBackfilling) end_backfill();
}

void RemoteHost::on_events(const ApiResponse& response) {
  if (phase_ == Phase::kUnauthorized) return;
  if (response.status != 200) return link_lost(error_text(response.status, response.body));
  Result<StateReplica::Follow> follow =
      replica_.apply_events(response.body, [this](const EventRecord& record) { observe_followed(record); });
  changed_();
  // A page the replica could not follow: start again from a snapshot.
  if (!follow.is_ok() || *follow == StateReplica::Follow::kSnapshot) return load_snapshot();
  poll_events();
}

void RemoteHost::observe(int status, const std::string& body) {
  if (status == 401) {
    ++generation_;  // the follower stops until the page has a new token
    set_phase(Phase::kUnauthorized, error_text(status, body));
    changed_();
    return;
  }
  if (status == 0 || host_.link == ui::HostStatus::Link::kLive || phase_ == Phase::kUnauthorized) return;
  // Any answer at all: the server is back.
  retry_ms_ = kFirstRetryMs;
  host_.link = ui::HostStatus::Link::kLive;
  host_.link_detail = server_;
  changed_();
}

void RemoteHost::link_lost(const std::string& why) {
  if (host_.link != ui::HostStatus::Link::kLost) {
    host_.link = ui::HostStatus::Link::kLost;
    host_.link_detail = "no answer since " + clock_text() + " (" + why + ")";
    changed_();
  }
  if (phase_ == Phase::kConnecting) set_phase(Phase::kConnecting, why);
  retry_later();
}

void RemoteHost::retry_later() {
  if (retry_pending_) return;
  retry_pending_ = true;
  emscripten_set_timeout(&RemoteHost::on_retry_timer, retry_ms_, this);
  retry_ms_ = std::min(retry_ms_ * 2, kMaxRetryMs);
}

void RemoteHost::on_retry_timer(void* self) {
  auto& host = *static_cast<RemoteHost*>(self);
  host.retry_pending_ = false;
  if (host.phase_ == Phase::kUnauthorized || host.phase_ == Phase::kIdle) return;
  if (host.replica_.loaded())
    host.poll_events();
  else
    host.load_snapshot();
}

void RemoteHost::follow_broker() {
  if (no_broker_ || broker_generation_ == generation_) return;
  broker_generation_ = generation_;
  if (broker_timer_ != 0) emscripten_clear_timeout(broker_timer_);
  broker_timer_ = 0;
  poll_broker();
}

void RemoteHost::poll_broker() {
  ApiRequest request;
  request.method = "GET";
  request.path = std::string(kBrokerStatusPath);
  const std::uint64_t generation = generation_;
  client_.send(std::move(request), [this, generation](const ApiResponse& r) {
    if (generation == generation_) on_broker(r);
  });
}

void RemoteHost::on_broker(const ApiResponse& response) {
  if (phase_ == Phase::kUnauthorized) return;
  std::string error;
  if (response.status == 200) {
    Result<nlohmann::json> body = parse_json(response.body);
    Result<std::optional<BrokerStatus>> status =
        body.is_ok() ? broker_status_from_json(*body) : Result<std::optional<BrokerStatus>>(body.status());
    if (status.is_ok() && !status->has_value()) {
      no_broker_ = true;  // a paper server never gets a broker while it runs
      broker_.reset();
      changed_();
      return;
    }
    if (status.is_ok())
      broker_ = ui::BrokerStatusView{true, std::move(**status), {}};
    else
      error = "unreadable answer: " + status.status().message();
  } else {
    error = error_text(response.status, response.body);
  }
  if (!error.empty()) {
    if (!broker_) broker_.emplace();
    broker_->fetch_error = error;
  }
  changed_();
  broker_timer_ = emscripten_set_timeout(&RemoteHost::on_broker_timer, kBrokerPollMs, this);
}

void RemoteHost::on_broker_timer(void* self) {
  auto& host = *static_cast<RemoteHost*>(self);
  host.broker_timer_ = 0;
  if (host.phase_ == Phase::kUnauthorized || host.phase_ == Phase::kIdle) return;
  host.poll_broker();
}

void RemoteHost::draw() {
  if (!desk_ || !replica_.loaded()) return;
  const Timestamp now = wall_clock();
  history_.sample_equity(replica_.state(), now);
  desk_->draw(ui::DeskView{.state = replica_.state(),
                           .now = now,
                           .host = host_,
                           .broker = broker_ ? &*broker_ : nullptr,
                           .history = &history_});
}

std::size_t RemoteHost::pending_count() const {
  return replica_.loaded() ? replica_.state().approvals.pending_count() : 0;
}

void RemoteHost::set_phase(Phase phase, std::string detail) {
  if (phase == phase_ && detail == detail_) return;
  phase_ = phase;
  detail_ = std::move(detail);
  stonks_js_phase_changed(to_string(phase_), detail_.c_str());
}

}  // namespace stonks::web
