// GET /api/events (the journal as a stream) and GET /api/audit (who did what,
// when and why, read from the same events).
#include "api/routes.h"
#include "core/overload.h"
#include "journal/event_codec.h"
#include "json/flatten_json.h"
#include "json/json_diff.h"
#include "json/json_values.h"
#include "json/risk_config_json.h"
#include "json/risk_json.h"

namespace stonks {
namespace {

struct AuditEntry {
  std::string actor;
  std::string action;
  std::string target;  // "order/12", "lockout/3", "approval/5", "account", "mode", "config"
  std::string reason;
  nlohmann::json details = nlohmann::json::object();
};

std::string target(const char* kind, std::uint64_t id) { return std::string(kind) + "/" + std::to_string(id); }

// The audit view of an event that records a decision by someone (the
// operator, or "system"/"broker" for automatic ones); nullopt for the rest
// (market data, fills, order intake...).
std::optional<AuditEntry> audit_entry(const EngineState& state, const EventRecord& record) {
  using Out = std::optional<AuditEntry>;
  return std::visit(
      Overload{
          [](const CashDeposited& e) -> Out {
            return AuditEntry{e.by, "deposit", "account", "", {{"amount", to_json(e.amount)}}};
          },
          [&](const ApprovalDecided& e) -> Out {
            AuditEntry a{e.decided_by, std::string("approval_") + to_string(e.status),
                         target("approval", e.approval_id), e.reason, nlohmann::json::object()};
            if (const ApprovalRequest* r = state.approvals.find(e.approval_id)) a.details["order_id"] = r->order_id;
            return a;
          },
          [](const OrderCancelled& e) -> Out {
            return AuditEntry{e.by, "order_cancelled", target("order", e.order_id), e.reason, nlohmann::json::object()};
          },
          [](const CancelRequested& e) -> Out {
            return AuditEntry{e.by, "cancel_requested", target("order", e.order_id), e.reason,
                              nlohmann::json::object()};
          },
          [&](const LockoutCreated& e) -> Out {
            return AuditEntry{e.lockout.created_by,
                              "lockout_created",
                              target("lockout", e.lockout.id),
                              e.lockout.reason,
                              {{"lockout", to_json(e.lockout, record.at)}}};
          },
          [&](const LockoutRemoved& e) -> Out {
            AuditEntry a{e.removed_by, "lockout_removed", target("lockout", e.lockout_id), "",
                         nlohmann::json::object()};
            if (const Lockout* l = state.lockouts.find(e.lockout_id)) {
              a.details["ticker"] = l->symbol.str();
              a.details["source"] = to_string(l->source);
            }
            return a;
          },
          [](const ModeChanged& e) -> Out {
            return AuditEntry{e.by, "mode_changed", "mode", "", {{"mode", to_string(e.mode)}}};
          },
          [&](const ConfigChanged& e) -> Out {
            AuditEntry a{e.by,
                         "config_changed",
                         "config",
                         "",
                         {{"version", e.config.version}, {"operator_approval", to_json(e.config.operator_approval)}}};
            // Every version stays in the history, so the one before is there to compare.
            if (const RiskConfig* before = state.config_at_version(e.config.version - 1))
              a.details["changes"] = json_changes(to_json(*before), to_json(e.config));
            return a;
          },
          [](const HaltChanged& e) -> Out {
            return AuditEntry{e.by, e.halted ? "halt_on" : "halt_off", "trading", e.reason, nlohmann::json::object()};
          },
          [](const Flattened& e) -> Out {
            return AuditEntry{e.report.by, "halt_and_flatten", "trading", e.report.reason, to_json(e.report)};
          },
          [](const auto&) -> Out { return std::nullopt; },
      },
      record.event);
}

nlohmann::json audit_view(const EventRecord& record, AuditEntry entry) {
  return {{"seq", record.seq},
          {"at", to_json(record.at)},
          {"actor", std::move(entry.actor)},
          {"action", std::move(entry.action)},
          {"target", std::move(entry.target)},
          {"reason", std::move(entry.reason)},
          {"details", std::move(entry.details)}};
}

// The page answer of both routes: the items, the cursor to pass as ?after=
// next (always a number: where this page stopped reading), and whether
// more items are already there.
// `first_seq` is the oldest event still available, in memory or read back
// from the journal: a reader whose cursor is older has missed what lies
// between (compacted away).
nlohmann::json stream_page(const char* key, nlohmann::json items, EventSeq next_after, bool has_more,
                           EventSeq first_seq) {
  return {{key, std::move(items)}, {"next_after", next_after}, {"has_more", has_more}, {"first_seq", first_seq}};
}

}  // namespace

ApiResponse list_events(RouteContext& ctx) {
  Result<PageRequest> page = page_from_query(ctx.query, "after", ctx.options);
  if (!page.is_ok()) return error_response(page.status());
  // Validated like every parameter; the waiting itself is the host's (routes.h).
  if (Result<std::uint64_t> wait = ctx.query.get_uint("wait", 0, 0, kMaxEventsWaitMs); !wait.is_ok())
    return error_response(wait.status());
  nlohmann::json events = nlohmann::json::array();
  EventSeq next = page->after;
  bool has_more = false;
  Status read = ctx.log.for_each_after(page->after, [&](const EventRecord& record) {
    if (events.size() == page->limit) {
      has_more = true;
      return false;
    }
    events.push_back(to_json(record));
    next = record.seq;
    return true;
  });
  if (!read.is_ok()) return error_response(read);
  return json_response(200, stream_page("events", std::move(events), next, has_more, ctx.log.first_seq()));
}

ApiResponse list_audit(RouteContext& ctx) {
  Result<PageRequest> page = page_from_query(ctx.query, "after", ctx.options);
  if (!page.is_ok()) return error_response(page.status());
  nlohmann::json entries = nlohmann::json::array();
  EventSeq next = page->after;
  bool has_more = false;
  Status read = ctx.log.for_each_after(page->after, [&](const EventRecord& record) {
    std::optional<AuditEntry> entry = audit_entry(ctx.state(), record);
    if (entry && entries.size() == page->limit) {
      has_more = true;
      return false;
    }
    // Events that are not audit entries are read past, so the cursor moves
    // over them and the next page does not read them again.
    next = record.seq;
    if (entry) entries.push_back(audit_view(record, std::move(*entry)));
    return true;
  });
  if (!read.is_ok()) return error_response(read);
  return json_response(200, stream_page("entries", std::move(entries), next, has_more, ctx.log.first_seq()));
}

}  // namespace stonks
