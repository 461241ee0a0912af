// Approval rules with real clicks and typing on the canvas: while paper
// auto-approval is on, a rule added in Trading Controls holds every MSFT
// order. The ticket says before Send what the gate will do and by which
// rule; an MSFT buy waits in Pending Approvals, its row naming rule 1, and
// an AAPL buy, matched by no rule, goes straight through and fills.
'use strict';
const path = require('path');
const { ids, pendingApprovals } = require('../lib/desk_flows');

// The ticket filled for a market buy, without sending.
async function fillTicket(desk, ticker, qty) {
  await desk.fill(ids.ticketTicker, ticker);
  await desk.click(ids.ticketBuy);
  await desk.fill(ids.ticketQty, String(qty));
  await desk.click(ids.ticketMarket);
}

module.exports = async function (t) {
  const browser = await t.launch({ viewport: { width: 1280, height: 800 } });
  const desk = await t.newDesk(browser.context);
  await desk.open(t.url);
  t.check((await desk.api('PUT', '/api/sim', { speed: 0 })).status === 200, 'pausing the sim failed');

  await t.step('add a rule in the panel: hold every MSFT order while paper auto-approval is on', async () => {
    const before = await desk.state();
    t.check(before.config.operator_approval.auto_approve_paper === true, 'paper auto-approval starts on');
    t.check(before.config.operator_approval.rules.length === 0, 'no rules to start with');
    await desk.click(ids.rulesHeader);
    await desk.click(ids.rulesAdd);
    await desk.fill(ids.rule(1, 'name'), 'hold msft');
    await desk.fill(ids.rule(1, 'tickers'), 'msft');  // upper-cased as typed
    await desk.click(ids.rule(1, 'decision/require_approval'));
    await desk.waitForMessage(ids.rule(1, 'row'), /^1\. hold msft - hold: ticker MSFT$/);
    t.check((await desk.state()).config.operator_approval.rules.length === 0, 'nothing is saved before Save');
    await desk.screenshot(path.join(t.artifacts, 'approval-rules-editor.png'));
    await desk.click(ids.rulesSave);
    // A new hold lets nothing more through: saved without a question.
    const s = await desk.waitForState('the rule saved', (st) => st.config.operator_approval.rules.length === 1 && st);
    const rule = s.config.operator_approval.rules[0];
    t.check(Object.keys(rule).length === 3 && rule.name === 'hold msft' && rule.tickers.join() === 'MSFT' &&
            rule.decision === 'require_approval', `the rule as saved: ${JSON.stringify(rule)}`);
    await desk.waitForMessage('toast', /Approval rules saved: 1 rule/);
    t.check(!(await desk.messages()).some((m) => m.where === 'dialog'), 'no confirmation for a rule that holds');
    await desk.click(ids.rulesHeader);  // closed again: one line, the ticket where it was
  });

  let held, through;
  await t.step('the ticket says before Send which rule holds the order; MSFT waits, AAPL fills', async () => {
    await fillTicket(desk, 'MSFT', 2);
    await desk.waitForMessage(ids.ticketGate, /^held by rule 1 \(hold msft\): ticker MSFT$/);
    await desk.click(ids.ticketSend);
    let s = await desk.waitForState('the MSFT buy held', (st) =>
      st.orders.find((o) => o.ticker === 'MSFT' && o.status === 'pending_approval') && st);
    held = s.orders.find((o) => o.ticker === 'MSFT');

    await fillTicket(desk, 'AAPL', 3);
    await desk.waitForMessage(ids.ticketGate, /^sent without approval: no rule matched, and paper auto-approval is on$/);
    await desk.click(ids.ticketSend);
    s = await desk.waitForState('the AAPL buy filled', (st) =>
      st.orders.find((o) => o.ticker === 'AAPL' && o.status === 'filled') && st);
    through = s.orders.find((o) => o.ticker === 'AAPL');
    held = s.orders.find((o) => o.id === held.id);
    t.check(held.status === 'pending_approval', `the MSFT buy is ${held.status}`);
    t.check(held.gate && held.gate.decision === 'require_approval' && held.gate.rule === 1,
            `the MSFT buy was held by rule 1: ${JSON.stringify(held.gate)}`);
    t.check(through.gate && through.gate.decision === 'auto_approve' && through.gate.rule === 0,
            `the AAPL buy went through by the default: ${JSON.stringify(through.gate)}`);
    t.check(s.portfolio.positions.some((p) => p.ticker === 'AAPL' && p.qty === 3), 'AAPL 3 held');
    t.check(!s.portfolio.positions.some((p) => p.ticker === 'MSFT' && p.qty !== 0), 'no MSFT bought yet');
  });

  await t.step('the pending row names the rule that held it', async () => {
    const s = await desk.state();
    const pending = pendingApprovals(s);
    t.check(pending.length === 1 && pending[0].order_id === held.id,
            `one pending approval, for the MSFT buy: ${JSON.stringify(pending)}`);
    const row = await desk.waitForMessage(ids.pendingRule(pending[0].id), /^rule 1: held by rule 1 \(hold msft\): ticker MSFT/);
    console.log(`   ${row.text}`);
    await desk.waitForMessage(`approval/${pending[0].id}/row`, /^buy 2 MSFT market/);
    t.check(!s.approvals.some((a) => a.order_id === through.id), 'the AAPL buy never waited');
    await desk.screenshot(path.join(t.artifacts, 'approval-rules-pending.png'));
  });
};
