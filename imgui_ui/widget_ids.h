// The ids of the widgets end-to-end tests click and read (Desk::widgets()).
// Stable names: tests/e2e uses exactly these strings. Ids with an entity id
// append it: approval_id("approve", 7) == "approval/7/approve".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace stonks::ui::ids {

// Mode and halt.
inline constexpr const char* kModeDisabled = "mode/disabled";
inline constexpr const char* kModePaper = "mode/paper";
inline constexpr const char* kModeLive = "mode/live";  // shown disabled in the browser
inline constexpr const char* kHaltToggle = "halt/toggle";
inline constexpr const char* kHaltReason = "halt/reason";

// Paper Order Approval card and its confirmation dialog.
inline constexpr const char* kAutoApproveToggle = "approval_config/auto_approve_paper";
inline constexpr const char* kApprovalTimeout = "approval_config/timeout_minutes";
inline constexpr const char* kApprovalTimeoutSave = "approval_config/timeout_save";
inline constexpr const char* kFourEyesToggle = "approval_config/four_eyes";
inline constexpr const char* kConfirmOk = "confirm/ok";
inline constexpr const char* kConfirmCancel = "confirm/cancel";

// The approval rules under that card: the header that shows them, Add,
// Save, Reset and the list's note (messages only); per rule, numbered from 1
// as the gate numbers them, "approval_rules/2/<part>": "row" (a message:
// "2. hold: ticker AAPL"), "up", "down", "edit", "delete", "done", the text
// fields "name", "source", "tickers", "notional.min", "notional.max", and
// the choices "side/any|buy|sell", "type/any|market|limit",
// "exposure/any|increases|reduces", "decision/require_approval|auto_approve".
// An API error on a field shows at "approval_rules/2/<field>" (its name
// under the rule: "tickers", "side", "notional.max"; the rule as a whole at
// its "row").
inline constexpr const char* kRulesHeader = "approval_rules/header";
inline constexpr const char* kRulesAdd = "approval_rules/add";
inline constexpr const char* kRulesSave = "approval_rules/save";
inline constexpr const char* kRulesReset = "approval_rules/reset";
inline constexpr const char* kRulesNote = "approval_rules/note";
inline std::string approval_rule_id(std::size_t number, std::string_view part) {
  return "approval_rules/" + std::to_string(number) + "/" + std::string(part);
}

// Pending Approvals; the reject dialog asks for a reason. Each row's
// deciding rule is a message at approval_id("rule", id): "rule 2: held by
// rule 2 (big orders): notional at least 10000.00" or "default: ...".
inline std::string approval_id(const char* action, std::uint64_t id) {  // "approve" or "reject"
  return "approval/" + std::to_string(id) + "/" + action;
}
inline constexpr const char* kRejectReason = "reject/reason";
inline std::string reject_preset_id(std::size_t i) { return "reject/preset/" + std::to_string(i); }
inline constexpr const char* kRejectConfirm = "reject/confirm";
inline constexpr const char* kRejectCancel = "reject/cancel";

// The queue's rows ("approval/7/row": a click selects; a message per row:
// order, bid / ask, move), its bulk bar, key help and the bulk report (a
// message per order).
inline constexpr const char* kQueueSelectAll = "queue/select_all";
inline constexpr const char* kQueueApproveSelected = "queue/approve_selected";
inline constexpr const char* kQueueRejectSelected = "queue/reject_selected";
inline constexpr const char* kQueueSummary = "queue/summary";
inline constexpr const char* kQueueHelp = "queue/help";
inline constexpr const char* kQueueHelpText = "queue/help_text";
inline constexpr const char* kQueueReport = "queue/report";
inline constexpr const char* kQueueReportDismiss = "queue/report_dismiss";

// Active Lockouts: the create form, each row's Remove, the history toggle.
inline constexpr const char* kLockoutTicker = "lockout_form/ticker";
inline constexpr const char* kLockoutSide = "lockout_form/side";  // opens a menu of the choices below
inline std::string lockout_side_choice_id(const char* side) { return std::string("lockout_form/side/") + side; }
inline constexpr const char* kLockoutReason = "lockout_form/reason";
inline constexpr const char* kLockoutDuration = "lockout_form/duration_minutes";
inline constexpr const char* kLockoutCreate = "lockout_form/create";
inline std::string lockout_remove_id(std::uint64_t id) { return "lockout/" + std::to_string(id) + "/remove"; }

// Recent Orders: each open order's Cancel.
inline std::string order_cancel_id(std::uint64_t id) { return "order/" + std::to_string(id) + "/cancel"; }
inline constexpr const char* kLockoutHistory = "lockouts/show_history";

// Order ticket.
inline constexpr const char* kTicketTicker = "ticket/ticker";
inline constexpr const char* kTicketBuy = "ticket/buy";
inline constexpr const char* kTicketSell = "ticket/sell";
inline constexpr const char* kTicketQty = "ticket/qty";
inline constexpr const char* kTicketMarket = "ticket/market";
inline constexpr const char* kTicketLimit = "ticket/limit";
inline constexpr const char* kTicketLimitPrice = "ticket/limit_price";
inline constexpr const char* kTicketSend = "ticket/send";
// The risk preview's area (messages only: "unavailable", errors without a field).
inline constexpr const char* kTicketPreview = "ticket/preview";
// What the approval gate would do with the ticket (a message: the preview's
// gate reason, "held by rule 2: ..." or "sent without approval: ...").
inline constexpr const char* kTicketGate = "ticket/gate";

// Simulator controls and the sandbox.
inline std::string sim_speed_id(int speed) { return "sim/speed/" + std::to_string(speed); }
inline constexpr const char* kSimSeed = "sim/seed";
inline constexpr const char* kSimSeedApply = "sim/seed_apply";
inline constexpr const char* kSimNewsRate = "sim/news_per_hour";
inline constexpr const char* kResetSandbox = "sandbox/reset";
// The sandbox as a file: Export, Import... (its outcome a message there) and
// the import's confirmation.
inline constexpr const char* kExportSandbox = "sandbox/export";
inline constexpr const char* kImportSandbox = "sandbox/import";
inline constexpr const char* kImportConfirm = "sandbox/import_confirm";
// The persistence status (messages only: a failed save, storage not persistent).
inline constexpr const char* kPersistence = "sandbox/persistence";
// The link to a server (messages only: connected, or lost and stale).
inline constexpr const char* kConnection = "desk/connection";

// The Broker section of a live server's desk (messages only): the link to
// the broker, latency, rate budget, and each broker/engine difference.
inline constexpr const char* kBrokerLink = "broker/link";
inline constexpr const char* kBrokerLatency = "broker/latency";
inline constexpr const char* kBrokerRateLimit = "broker/rate_limit";
inline constexpr const char* kBrokerDifferences = "broker/differences";

// The Strategies and Replay views (offered with the sandbox's simulator).
// Their strategy forms share one shape: prefix "strategies" or "replay",
// then "/strategy/<name>" for the choice and "/param/<key>" per parameter.
inline std::string strategy_choice_id(const char* prefix, const std::string& name) {
  return std::string(prefix) + "/strategy/" + name;
}
inline std::string strategy_param_id(const char* prefix, const std::string& key) {
  return std::string(prefix) + "/param/" + key;
}
inline constexpr const char* kStrategiesSymbol = "strategies/symbol";
inline constexpr const char* kStrategiesSwitchOn = "strategies/switch_on";
inline std::string strategy_off_id(std::size_t row) { return "strategies/" + std::to_string(row) + "/off"; }
inline constexpr const char* kStrategiesList = "strategies/list";  // messages: one per strategy on
inline constexpr const char* kReplayOpenCsv = "replay/open_csv";
inline constexpr const char* kReplaySymbol = "replay/symbol";
inline constexpr const char* kReplayCash = "replay/cash";
inline constexpr const char* kReplayFee = "replay/fee_per_fill";
inline constexpr const char* kReplayStart = "replay/start";
inline constexpr const char* kReplayProgress = "replay/progress";  // message: "37 / 100 bars, 120 bars/s"
inline std::string replay_speed_id(const std::string& speed) { return "replay/speed/" + speed; }  // "10", "max"
inline constexpr const char* kReplayPause = "replay/pause";
inline constexpr const char* kReplayReport = "replay/report";  // messages: one per number, "Net P&L: -32.00"
inline constexpr const char* kReplayTrades = "replay/trades";  // messages: one per trade
// The report's charts; messages: "AAPL, 1 day candles: 250 candles, 90.10 to 120.50, 8 fills", "251 points".
inline constexpr const char* kReplayChart = "replay/chart";
inline constexpr const char* kReplayEquity = "replay/equity";
inline std::string replay_chart_symbol_id(const std::string& ticker) { return "replay/chart/" + ticker; }
// The Replay view's sweep: axis i's parameter choice and values text, Add
// and Remove, the split and rank, Run sweep, its progress ("3 / 6 runs"),
// the ranked rows (a message each: the row's cells tab-separated, as shown)
// and, over a row's report, the way back to them.
inline std::string replay_sweep_key_id(std::size_t axis, const std::string& key) {
  return "replay/sweep/" + std::to_string(axis) + "/key/" + key;
}
inline std::string replay_sweep_values_id(std::size_t axis) {
  return "replay/sweep/" + std::to_string(axis) + "/values";
}
inline std::string replay_sweep_remove_id(std::size_t axis) {
  return "replay/sweep/" + std::to_string(axis) + "/remove";
}
inline constexpr const char* kReplaySweepAdd = "replay/sweep/add";
inline constexpr const char* kReplaySweepSplit = "replay/sweep/split";
inline std::string replay_sweep_rank_id(const std::string& rank) { return "replay/sweep/rank/" + rank; }
inline constexpr const char* kReplaySweepRun = "replay/sweep/run";
inline constexpr const char* kReplaySweepProgress = "replay/sweep/progress";
inline std::string replay_sweep_row_id(std::size_t rank) { return "replay/sweep/row/" + std::to_string(rank); }
inline constexpr const char* kReplaySweepBack = "replay/sweep/back";

// Risk Config: one input per field ("risk_config/limits.max_order_notional",
// the API's name), Save and Reset, the form's note, and the history's rows
// (a message each: "v2 by alice at ...: <changes>") with their Load.
inline std::string risk_field_id(const char* path) { return std::string("risk_config/") + path; }
inline constexpr const char* kRiskSave = "risk_config/save";
inline constexpr const char* kRiskReset = "risk_config/reset";
inline constexpr const char* kRiskNote = "risk_config/note";
inline std::string risk_version_id(std::int64_t v) { return "risk_config/history/" + std::to_string(v); }
inline std::string risk_version_load_id(std::int64_t v) { return risk_version_id(v) + "/load"; }

// Scorecard: its summary (a message per line) and the rows by source and
// by ticker ("scorecard/source/manual": the cells, tab-separated).
inline constexpr const char* kScorecardSummary = "scorecard/summary";
inline std::string scorecard_row_id(const char* kind, const std::string& key) {
  return std::string("scorecard/") + kind + "/" + key;
}

// The view bar: "view/market", "view/orders", ... (DeskViewId's names).
inline std::string view_tab_id(const char* view) { return std::string("view/") + view; }

// The status strip's chips (each also a message: what it says).
inline constexpr const char* kStripMode = "strip/mode";
inline constexpr const char* kStripHalt = "strip/halt";
inline constexpr const char* kStripApprovals = "strip/approvals";
inline constexpr const char* kStripPending = "strip/pending";  // a click opens the queue
inline constexpr const char* kStripLockouts = "strip/lockouts";
inline constexpr const char* kStripFeed = "strip/feed";
inline constexpr const char* kStripFlatten = "strip/flatten";  // the kill switch
inline constexpr const char* kStripAlerts = "strip/alerts";    // opens the Alerts popup

// The Alerts popup: "alerts/fill/toast", "alerts/halt/sound", ... (AlertKind's names).
inline std::string alert_toggle_id(const char* kind, const char* what) {
  return std::string("alerts/") + kind + "/" + what;
}
inline constexpr const char* kAlertsNotify = "alerts/notify";
inline constexpr const char* kAlertsTestTone = "alerts/test_tone";

// Halt & flatten: its two dialogs (reason, then the last word) and the
// report under the strip (a message per line: summary, each close).
inline constexpr const char* kFlattenReason = "flatten/reason";
inline constexpr const char* kFlattenContinue = "flatten/continue";
inline constexpr const char* kFlattenConfirm = "flatten/confirm";
inline constexpr const char* kFlattenReport = "flatten/report";
inline constexpr const char* kFlattenDismiss = "flatten/dismiss";

// Market: the watch's rows and filter, the chart's length choices, and the
// chart itself (a message: "AAPL 1m: 42 candles, 99.10 to 101.30, 2 fills").
inline std::string market_row_id(const std::string& ticker) { return "market/row/" + ticker; }
inline constexpr const char* kMarketFilter = "market/filter";
inline std::string chart_length_id(const char* length) { return std::string("market/length/") + length; }
inline constexpr const char* kMarketChart = "market/chart";
inline constexpr const char* kMarketStaleAfter = "market/stale_after_seconds";

// Positions and the account: each row (selects the ticker), its Close, the
// totals (a message per figure: "Unrealized: 12.00") and the equity chart.
inline std::string position_row_id(const std::string& ticker) { return "positions/row/" + ticker; }
inline std::string position_close_id(const std::string& ticker) { return "positions/" + ticker + "/close"; }
inline constexpr const char* kPositionsTotals = "positions/totals";
inline constexpr const char* kAccountFigures = "account/figures";
inline constexpr const char* kEquityChart = "account/equity";

// The orders blotter: filters, each row, the export, the timeline (messages: one per entry).
inline constexpr const char* kOrdersStatus = "orders/filter/status";  // opens a menu of choices
inline std::string orders_status_choice_id(const char* status) { return std::string("orders/filter/status/") + status; }
inline constexpr const char* kOrdersTicker = "orders/filter/ticker";
inline constexpr const char* kOrdersSide = "orders/filter/side";  // cycles all, buy, sell
inline constexpr const char* kOrdersSource = "orders/filter/source";
inline constexpr const char* kOrdersText = "orders/filter/text";
inline constexpr const char* kOrdersExport = "orders/export";
inline constexpr const char* kOrdersCount = "orders/count";  // message: "12 of 40 orders"
inline std::string order_row_id(std::uint64_t id) { return "orders/row/" + std::to_string(id); }
inline constexpr const char* kOrderTimeline = "orders/timeline";

// Fills.
inline constexpr const char* kFillsTicker = "fills/filter/ticker";
inline constexpr const char* kFillsText = "fills/filter/text";
inline constexpr const char* kFillsExport = "fills/export";
inline std::string fill_order_link_id(std::uint64_t fill_id) { return "fills/" + std::to_string(fill_id) + "/order"; }

// Audit & news.
inline constexpr const char* kAuditAction = "audit/filter/action";
inline constexpr const char* kAuditActor = "audit/filter/actor";
inline constexpr const char* kAuditTicker = "audit/filter/ticker";
inline constexpr const char* kAuditExport = "audit/export";
inline constexpr const char* kAuditCount = "audit/count";  // message: "3 of 12 entries"
inline std::string audit_row_id(std::uint64_t seq) { return "audit/row/" + std::to_string(seq); }
inline constexpr const char* kNewsTicker = "news/filter/ticker";

// The ticket's market line (a message: "bid 99.90 ask 100.10 last 100.00",
// or the unknown-ticker warning) and the completions under the ticker field.
inline constexpr const char* kTicketMarketLine = "ticket/market_line";
inline std::string ticket_completion_id(const std::string& ticker) { return "ticket/complete/" + ticker; }

}  // namespace stonks::ui::ids
