// Operator actions the scenarios share, each done through the desk's widgets,
// and small readers of the engine state (journal/state_codec.h's shape).
'use strict';

const ids = {
  autoApprove: 'approval_config/auto_approve_paper',
  fourEyes: 'approval_config/four_eyes',
  rulesHeader: 'approval_rules/header',
  rulesAdd: 'approval_rules/add',
  rulesSave: 'approval_rules/save',
  rule: (n, part) => `approval_rules/${n}/${part}`,  // numbered from 1, as the gate numbers them
  ticketGate: 'ticket/gate',
  pendingRule: (id) => `approval/${id}/rule`,
  modeLive: 'mode/live',
  confirmOk: 'confirm/ok',
  confirmCancel: 'confirm/cancel',
  rejectReason: 'reject/reason',
  rejectConfirm: 'reject/confirm',
  lockoutTicker: 'lockout_form/ticker',
  lockoutReason: 'lockout_form/reason',
  lockoutDuration: 'lockout_form/duration_minutes',
  lockoutCreate: 'lockout_form/create',
  lockoutRemove: (id) => `lockout/${id}/remove`,
  approve: (id) => `approval/${id}/approve`,
  reject: (id) => `approval/${id}/reject`,
  ticketTicker: 'ticket/ticker',
  ticketBuy: 'ticket/buy',
  ticketQty: 'ticket/qty',
  ticketMarket: 'ticket/market',
  ticketSend: 'ticket/send',
  persistence: 'sandbox/persistence',
  marketRow: (ticker) => `market/row/${ticker}`,
  positionRow: (ticker) => `positions/row/${ticker}`,
  orderRow: (id) => `orders/row/${id}`,
  orderCancel: (id) => `order/${id}/cancel`,
  view: (name) => `view/${name}`,
  stripFlatten: 'strip/flatten',
  flattenReason: 'flatten/reason',
  flattenContinue: 'flatten/continue',
  flattenConfirm: 'flatten/confirm',
  flattenReport: 'flatten/report',
  flattenDismiss: 'flatten/dismiss',
  riskField: (path) => `risk_config/${path}`,
  riskSave: 'risk_config/save',
  riskVersion: (v) => `risk_config/history/${v}`,
  queueSelectAll: 'queue/select_all',
  exportSandbox: 'sandbox/export',
  importSandbox: 'sandbox/import',
  importConfirm: 'sandbox/import_confirm',
  queueRejectSelected: 'queue/reject_selected',  // the view bar: trading, market, positions, orders, fills, audit, ...
};

const activeLockouts = (s) => s.lockouts.filter((l) => l.removed_at === null && !l.expired);
const pendingApprovals = (s) => s.approvals.filter((a) => a.status === 'pending');
const orderById = (s, id) => s.orders.find((o) => o.id === id);

// Opens a view from the view bar (its tab may appear late: the Broker view
// comes with the server's first broker answer).
async function showView(desk, name, timeout = 10000) {
  await desk.rect(ids.view(name), timeout);
  await desk.click(ids.view(name));
}

// Fills the order ticket (market order) and presses Send.
async function sendTicket(desk, { ticker, qty, side = 'buy' }) {
  await desk.fill(ids.ticketTicker, ticker);
  await desk.click(side === 'buy' ? ids.ticketBuy : 'ticket/sell');
  await desk.fill(ids.ticketQty, String(qty));
  await desk.click(ids.ticketMarket);
  await desk.click(ids.ticketSend);
}

// Fills the lockout form and presses Lock out.
async function createLockout(desk, { ticker, reason, minutes }) {
  await desk.fill(ids.lockoutTicker, ticker);
  await desk.fill(ids.lockoutReason, reason);
  await desk.fill(ids.lockoutDuration, String(minutes));
  await desk.click(ids.lockoutCreate);
}

// Paper auto-approval off through the toggle and its confirmation dialog.
async function turnAutoApprovalOff(desk) {
  await desk.click(ids.autoApprove);
  await desk.waitForMessage('dialog', /auto-approval off/i);
  await desk.click(ids.confirmOk);
  await desk.waitForState('auto-approval off', (s) => s.config.operator_approval.auto_approve_paper === false);
}

module.exports = { ids, showView, activeLockouts, pendingApprovals, orderById, sendTicket, createLockout, turnAutoApprovalOff };
