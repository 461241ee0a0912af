// StateReplica: snapshot and event pages, strictly read.
#include "api/state_replica.h"

#include <nlohmann/json.hpp>

#include "journal/event_codec.h"
#include "journal/state_codec.h"

namespace stonks {
namespace {

Result<nlohmann::json> parse_object(std::string_view body, const char* what) {
  nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Status::invalid_argument(std::string(what) + " is not a JSON object");
  return j;
}

Result<EventSeq> seq_field(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_unsigned())
    return Status::invalid_argument(std::string(key) + ": expected a seq");
  return it->get<EventSeq>();
}

}  // namespace

Status StateReplica::load_snapshot(std::string_view body) {
  Result<nlohmann::json> j = parse_object(body, "the snapshot");
  if (!j.is_ok()) return j.status();
  Result<EventSeq> last_seq = seq_field(*j, "last_seq");
  if (!last_seq.is_ok()) return last_seq.status();
  auto state_json = j->find("state");
  if (state_json == j->end()) return Status::invalid_argument("state: missing");
  Result<EngineState> state = engine_state_from_json(*state_json);
  if (!state.is_ok()) return Status::invalid_argument(state.status().message(), "state." + state.status().field());
  if (state->last_seq != *last_seq)
    return Status::invalid_argument("last_seq " + std::to_string(*last_seq) + " disagrees with the state's " +
                                    std::to_string(state->last_seq));
  state_ = std::move(state).value();
  return Status::ok();
}

Result<EventsPage> parse_events_page(std::string_view body) {
  Result<nlohmann::json> j = parse_object(body, "the events page");
  if (!j.is_ok()) return j.status();
  EventsPage page;
  Result<EventSeq> first_seq = seq_field(*j, "first_seq");
  if (!first_seq.is_ok()) return first_seq.status();
  page.first_seq = *first_seq;
  auto events = j->find("events");
  auto has_more = j->find("has_more");
  if (events == j->end() || !events->is_array()) return Status::invalid_argument("events: expected an array");
  if (has_more == j->end() || !has_more->is_boolean()) return Status::invalid_argument("has_more: expected a boolean");
  page.has_more = has_more->get<bool>();
  page.events.reserve(events->size());
  for (std::size_t i = 0; i < events->size(); ++i) {
    Result<EventRecord> record = event_record_from_json((*events)[i]);
    if (!record.is_ok())
      return Status::invalid_argument(record.status().message(),
                                      "events[" + std::to_string(i) + "]." + record.status().field());
    page.events.push_back(std::move(record).value());
  }
  return page;
}

Result<StateReplica::Follow> StateReplica::apply_events(std::string_view body,
                                                        const std::function<void(const EventRecord&)>& applied) {
  if (!state_) return Status::conflict("no snapshot loaded yet");
  Result<EventsPage> page = parse_events_page(body);
  if (!page.is_ok()) return page.status();
  // The oldest event held is past the one we need next: what lies between is gone.
  if (page->first_seq > state_->last_seq + 1) return Follow::kSnapshot;
  for (const EventRecord& record : page->events) {
    if (record.seq <= state_->last_seq) continue;
    if (Status st = apply_event(*state_, record); !st.is_ok()) return st;
    if (applied) applied(record);
  }
  return page->has_more ? Follow::kMore : Follow::kCurrent;
}

}  // namespace stonks
