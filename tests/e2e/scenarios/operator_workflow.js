// The operator's day on the desk, with real clicks, in one browser profile:
// (1) auto-approval off through the toggle (Cancel keeps it on, Confirm turns
// it off), (2) ticket orders wait in Pending Approvals, (3) approve one
// (filled), reject one with a reason (never reaches the broker), (4) a manual
// lockout refuses an order with no approval, (6) a news-shock lockout stays
// when (5) the manual one is removed early, (7) a reload keeps all of it.
'use strict';
const path = require('path');
const { ids, activeLockouts, pendingApprovals, orderById, sendTicket, createLockout } = require('../lib/desk_flows');

module.exports = async function (t) {
  const browser = await t.launch();
  const desk = await t.newDesk(browser.context);
  await desk.open(t.url);
  // The market stands still: prices, fills and expiries stay predictable.
  t.check((await desk.api('PUT', '/api/sim', { speed: 0 })).status === 200, 'pausing the sim failed');

  await t.step('1. auto-approval toggle: Cancel keeps it on, Confirm turns it off', async () => {
    t.check((await desk.state()).config.operator_approval.auto_approve_paper === true, 'a fresh desk auto-approves');
    await desk.click(ids.autoApprove);
    await desk.waitForMessage('dialog', /auto-approval off/i);
    await desk.click(ids.confirmCancel);
    await desk.frames(3);
    t.check(!(await desk.messages()).some((m) => m.where === 'dialog'), 'Cancel closes the dialog');
    t.check((await desk.state()).config.operator_approval.auto_approve_paper === true, 'Cancel changes nothing');
    await desk.click(ids.autoApprove);
    await desk.waitForMessage('dialog', /auto-approval off/i);
    await desk.click(ids.confirmOk);
    await desk.waitForState('auto-approval off', (s) => s.config.operator_approval.auto_approve_paper === false);
  });

  let first, second;
  await t.step('2. orders from the ticket wait under Pending Approvals', async () => {
    await sendTicket(desk, { ticker: 'AAPL', qty: 10 });
    first = await desk.waitForState('a first pending approval', (s) => pendingApprovals(s)[0]);
    await sendTicket(desk, { ticker: 'AAPL', qty: 7 });
    second = await desk.waitForState('a second pending approval',
                                     (s) => pendingApprovals(s).find((a) => a.id !== first.id));
    await desk.rect(ids.approve(first.id));
    await desk.rect(ids.approve(second.id));
    const s = await desk.state();
    t.check(orderById(s, first.order_id).qty === 10 && orderById(s, first.order_id).status === 'pending_approval',
            'the first order is held at 10 shares');
    t.check(await desk.page.evaluate(() => window.stonks.pendingCount()) === 2, 'two pending');
    t.check((await desk.page.title()).startsWith('(2) '), `the tab title counts them: ${await desk.page.title()}`);
  });

  await t.step('3. approve one (filled); reject the other with a reason (never sent)', async () => {
    await desk.click(ids.approve(first.id));
    await desk.waitForState('the approved order filled', (s) => orderById(s, first.order_id).status === 'filled');
    await desk.click(ids.reject(second.id));
    await desk.rect(ids.rejectReason);
    await desk.fill(ids.rejectReason, 'too big for today');
    await desk.click(ids.rejectConfirm);
    const s = await desk.waitForState('the rejected approval',
                                      (st) => st.approvals.find((a) => a.id === second.id && a.status === 'rejected') && st);
    t.check(s.approvals.find((a) => a.id === second.id).reason === 'too big for today', 'the reason is recorded');
    t.check(orderById(s, second.order_id).status === 'rejected', 'its order ends rejected');
    t.check(!s.fills.some((f) => f.order_id === second.order_id), 'no fill for the rejected order');
    t.check(s.fills.some((f) => f.order_id === first.order_id), 'the approved order has its fill');
  });

  let manual;
  await t.step('4. a manual lockout from the form refuses an order, no approval created', async () => {
    await createLockout(desk, { ticker: 'MSFT', reason: 'earnings call', minutes: 60 });
    manual = await desk.waitForState('the manual lockout',
                                     (s) => activeLockouts(s).find((l) => l.ticker === 'MSFT' && l.source === 'manual'));
    await desk.rect(ids.lockoutRemove(manual.id));  // listed, with its Remove button
    const approvalsBefore = (await desk.state()).approvals.length;
    await sendTicket(desk, { ticker: 'MSFT', qty: 3 });
    const refused = await desk.waitForState('the MSFT order refused',
                                            (s) => s.orders.find((o) => o.ticker === 'MSFT' && o.status === 'risk_rejected'));
    t.check(refused.reasons.some((r) => /LOCKED_OUT/.test(r)), `refused as LOCKED_OUT: ${refused.reasons}`);
    t.check((await desk.state()).approvals.length === approvalsBefore, 'no approval request was created');
    await desk.waitForMessage(null, /LOCKED_OUT|locked out/i);
  });

  let shock;
  await t.step('6a. a high-severity headline creates a news-shock lockout', async () => {
    const r = await desk.api('POST', '/api/news', { ticker: 'NVDA', headline: 'Regulator opens probe', severity: 95 });
    t.check(r.status === 201, `POST /api/news answered ${r.status}`);
    shock = await desk.waitForState('the news-shock lockout',
                                    (s) => activeLockouts(s).find((l) => l.ticker === 'NVDA' && l.source === 'news_shock'));
  });

  await t.step('5. remove the manual lockout early', async () => {
    await desk.click(ids.lockoutRemove(manual.id));
    await desk.waitForState('the manual lockout removed',
                            (s) => s.lockouts.find((l) => l.id === manual.id && l.removed_at !== null));
  });

  await t.step('6b. the news-shock lockout stays', async () => {
    const s = await desk.state();
    t.check(activeLockouts(s).some((l) => l.id === shock.id), 'the news-shock lockout is still active');
    await desk.rect(ids.lockoutRemove(shock.id));
    await desk.screenshot(path.join(t.artifacts, 'trading-controls.png'));
  });

  await t.step('7. after a reload everything is still there', async () => {
    t.check(await desk.syncNow() === null, 'saving to IndexedDB failed');
    const before = await desk.state();
    await desk.reload();
    const s = await desk.state();
    t.check(s.config.operator_approval.auto_approve_paper === false, 'auto-approval is still off');
    t.check(orderById(s, first.order_id).status === 'filled', 'the approved order is still filled');
    t.check(orderById(s, second.order_id).status === 'rejected', 'the rejected order is still rejected');
    t.check(s.approvals.find((a) => a.id === second.id).reason === 'too big for today', 'the reject reason is kept');
    t.check(s.lockouts.find((l) => l.id === manual.id).removed_at !== null, 'the manual lockout stays removed');
    t.check(activeLockouts(s).some((l) => l.id === shock.id), 'the news-shock lockout is still active');
    t.check(s.orders.some((o) => o.ticker === 'MSFT' && o.status === 'risk_rejected'), 'the refused order is kept');
    t.check(s.last_seq >= before.last_seq, `no event lost (${s.last_seq} < ${before.last_seq})`);
    t.check(s.portfolio.positions.some((p) => p.ticker === 'AAPL' && p.qty === 10), 'the AAPL position is kept');
    await desk.rect(ids.lockoutRemove(shock.id));
    await desk.screenshot(path.join(t.artifacts, 'trading-controls-after-reload.png'));
  });
};
