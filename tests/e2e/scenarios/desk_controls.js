// The desk's controls with real clicks and keys on the canvas: the sandbox
// exported, a damaged copy refused, the export imported back; a risk config
// edit with an inline error, then a valid save shown in the history with its
// diff; approve and reject with keys only; a bulk reject of three with its
// confirmation; the scorecard after that session; and halt & flatten from
// the status strip (two questions, then the report that stays until
// dismissed), ending with no open position and no pending approval.
'use strict';
const fs = require('fs');
const path = require('path');
const { ids, showView, pendingApprovals, sendTicket, turnAutoApprovalOff } = require('../lib/desk_flows');

async function pickImport(desk, file) {
  await desk.click(ids.importSandbox);
  await desk.page.waitForSelector('#stonks-import-picker', { state: 'attached', timeout: 10000 });
  await desk.page.setInputFiles('#stonks-import-picker', file);
  await desk.frames(2);
}

module.exports = async function (t) {
  const browser = await t.launch({ viewport: { width: 1280, height: 720 } });
  const desk = await t.newDesk(browser.context);
  await desk.open(t.url);
  // The market stands still: fills and the report stay predictable.
  t.check((await desk.api('PUT', '/api/sim', { speed: 0 })).status === 200, 'pausing the sim failed');

  await t.step('export the sandbox, change it, refuse a damaged copy, then import the export back', async () => {
    await sendTicket(desk, { ticker: 'AAPL', qty: 2 });
    await desk.waitForState('2 AAPL held', (s) => s.portfolio.positions.some((p) => p.ticker === 'AAPL' && p.qty === 2));
    const download = desk.page.waitForEvent('download', { timeout: 10000 });
    await desk.click(ids.exportSandbox);
    const file = await download;
    t.check(/^stonks-sandbox-.*\.json$/.test(file.suggestedFilename()), `saved as ${file.suggestedFilename()}`);
    const exportPath = path.join(t.artifacts, 'sandbox-export.json');
    await file.saveAs(exportPath);
    const exported = JSON.parse(fs.readFileSync(exportPath, 'utf8'));
    t.check(exported.format === 'stonks-sandbox-export' && exported.journal.length > 0, 'the export holds the journal');

    await sendTicket(desk, { ticker: 'MSFT', qty: 5 });
    await desk.waitForState('5 MSFT held', (s) => s.portfolio.positions.some((p) => p.ticker === 'MSFT' && p.qty === 5));

    const damaged = JSON.parse(JSON.stringify(exported));
    const seg = damaged.journal[0];
    const bytes = Buffer.from(seg.data, 'base64');
    bytes[Math.floor(bytes.length / 2)] ^= 0x20;
    seg.data = bytes.toString('base64');
    const damagedPath = path.join(t.artifacts, 'sandbox-damaged.json');
    fs.writeFileSync(damagedPath, JSON.stringify(damaged));
    await pickImport(desk, damagedPath);
    await desk.waitForMessage(ids.importSandbox, /Refused sandbox-damaged\.json: .*damaged/);
    t.check((await desk.state()).portfolio.positions.some((p) => p.ticker === 'MSFT' && p.qty === 5),
            'a refused file changes nothing');

    await pickImport(desk, exportPath);
    await desk.waitForMessage('dialog', /sandbox-export\.json holds \d+ orders .*positions: AAPL 2/);
    await desk.click(ids.importConfirm);
    const s = await desk.waitForState('the export back', (st) =>
      !st.portfolio.positions.some((p) => p.ticker === 'MSFT' && p.qty !== 0) && st);
    t.check(s.portfolio.positions.some((p) => p.ticker === 'AAPL' && p.qty === 2), 'the exported position is back');
    t.check(await desk.syncNow() === null, 'saving to IndexedDB failed');
    await desk.reload();
    const again = await desk.state();
    t.check(!again.portfolio.positions.some((p) => p.ticker === 'MSFT' && p.qty !== 0) &&
            again.portfolio.positions.some((p) => p.ticker === 'AAPL' && p.qty === 2), 'a reload keeps the import');
  });

  await t.step('risk config: an inline error, then a valid save shown in the history with its diff', async () => {
    await showView(desk, 'risk');
    await desk.fill(ids.riskField('limits.max_open_orders'), '0');
    await desk.fill(ids.riskField('guards.price_shock_bps'), '20000');
    await desk.click(ids.riskSave);
    await desk.waitForMessage(ids.riskField('limits.max_open_orders'), /must be from 1 to 100000/);
    await desk.waitForMessage(ids.riskField('guards.price_shock_bps'), /must be from 0 to 10000/);
    t.check((await desk.state()).config.version === 1, 'a refused save makes no version');
    await desk.fill(ids.riskField('limits.max_open_orders'), '50');
    await desk.fill(ids.riskField('guards.price_shock_bps'), '500');
    await desk.click(ids.riskSave);
    await desk.waitForState('version 2', (s) => s.config.version === 2 && s.config.limits.max_open_orders === 50);
    await desk.waitForMessage(ids.riskVersion(2), /limits\.max_open_orders: 100 -> 50/);
    await desk.screenshot(path.join(t.artifacts, 'risk-config.png'));
  });

  await t.step('the queue with keys only: approve one, reject one with a reason', async () => {
    await showView(desk, 'trading');
    await turnAutoApprovalOff(desk);
    for (const qty of [1, 2, 3, 4, 5]) await sendTicket(desk, { ticker: 'AAPL', qty });
    await desk.waitForState('five pending', (s) => pendingApprovals(s).length === 5);
    await desk.key('Escape');  // out of the ticket's field: keys go to the queue
    await desk.key('ArrowDown');
    await desk.key('a');
    await desk.waitForState('the second approved', (s) => s.approvals.some((a) => a.status === 'approved'));
    await desk.key('r');
    await desk.waitForMessage('dialog', /Reject approval #/);
    await desk.page.keyboard.type('price moved');
    await desk.frames(2);
    await desk.page.keyboard.down('Control');
    await desk.key('Enter');
    await desk.page.keyboard.up('Control');
    const s = await desk.waitForState('one rejected', (st) => st.approvals.find((a) => a.status === 'rejected') && st);
    t.check(s.approvals.find((a) => a.status === 'rejected').reason === 'price moved', 'the reason typed is recorded');
    t.check(s.approvals.filter((a) => a.status === 'approved').length === 1, 'one approval, not two');
  });

  await t.step('bulk reject of three with the confirmation', async () => {
    await desk.click(ids.queueSelectAll);
    await desk.waitForMessage('queue/summary', /^3 selected, notional /);
    await desk.click(ids.queueRejectSelected);
    await desk.waitForMessage('dialog', /3 orders, total notional /);
    await desk.click('reject/preset/3');
    await desk.click(ids.rejectConfirm);
    await desk.waitForState('none pending', (st) => pendingApprovals(st).length === 0);
    await desk.waitForMessage('queue/report', /Bulk decision: done/);
    const s = await desk.state();
    t.check(s.approvals.filter((a) => a.status === 'rejected' && a.reason === "Not in today's plan").length === 3,
            'three rejected with the preset reason');
  });

  await t.step('the scorecard after that session', async () => {
    await showView(desk, 'scorecard');
    await desk.waitForMessage('scorecard/summary', /^5 decisions: median wait /);
    await desk.waitForMessage('scorecard/summary', /^Approved: 1 \(1 filled\)/);
    await desk.waitForMessage('scorecard/summary', /^Rejected: 4, would have made /);
    await desk.waitForMessage('scorecard/source/manual', /^manual\t1\t1\t/);
    await desk.screenshot(path.join(t.artifacts, 'scorecard.png'));
    await showView(desk, 'trading');
  });

  await t.step('halt & flatten from the strip: asked twice, then nothing open and nothing pending', async () => {
    // Auto-approval back on for the two buys (the toggle asks both ways),
    // then off again for one that waits.
    await desk.click(ids.autoApprove);
    await desk.waitForMessage('dialog', /auto-approval on/i);
    await desk.click(ids.confirmOk);
    await desk.waitForState('auto-approval on', (s) => s.config.operator_approval.auto_approve_paper === true);
    await sendTicket(desk, { ticker: 'AAPL', qty: 10 });
    await sendTicket(desk, { ticker: 'MSFT', qty: 4 });
    await desk.waitForState('AAPL 14 and MSFT 4 held', (s) =>
      s.portfolio.positions.some((p) => p.ticker === 'AAPL' && p.qty === 14) &&
      s.portfolio.positions.some((p) => p.ticker === 'MSFT' && p.qty === 4));
    await turnAutoApprovalOff(desk);
    await sendTicket(desk, { ticker: 'AAPL', qty: 3 });
    await desk.waitForState('one pending approval', (s) => pendingApprovals(s).length === 1);

    await desk.click(ids.stripFlatten);
    const plan = await desk.waitForMessage('dialog', /Reject 1 pending approval/);
    t.check(/Sell 14 AAPL/.test(plan.text) && /Sell 4 MSFT/.test(plan.text), `the plan lists the closes: ${plan.text}`);
    await desk.fill(ids.flattenReason, 'end of test day');
    await desk.click(ids.flattenContinue);
    await desk.waitForMessage('dialog', /cannot be undone/);
    t.check(!(await desk.state()).halted, 'nothing happens before the second answer');
    await desk.click(ids.flattenConfirm);
    const s = await desk.waitForState('halted and flat', (st) => st.halted && st.last_flatten && st);
    t.check(s.portfolio.positions.every((p) => p.qty === 0), 'no open position');
    t.check(pendingApprovals(s).length === 0, 'no pending approval');
    t.check(s.halt_reason === 'end of test day', `the halt keeps the reason: ${s.halt_reason}`);
    await desk.waitForMessage(ids.flattenReport, /1 approval rejected.*2 of 2 positions closed/);
    await desk.screenshot(path.join(t.artifacts, 'halt-and-flatten.png'));
  });

  await t.step('the report stays across a reload until dismissed, and the audit log keeps it', async () => {
    t.check(await desk.syncNow() === null, 'saving to IndexedDB failed');
    await desk.reload();
    await desk.waitForMessage(ids.flattenReport, /Halt & flatten by /);
    await desk.click(ids.flattenDismiss);
    await desk.frames(3);
    t.check(!(await desk.hasWidget(ids.flattenDismiss)), 'Dismiss takes the report away');
    const audit = await desk.api('GET', '/api/audit');
    t.check(audit.body.entries.some((e) => e.action === 'halt_and_flatten' && e.reason === 'end of test day'),
            'the audit log has the halt & flatten');
    t.check(await desk.syncNow() === null, 'saving to IndexedDB failed');
    await desk.reload();
    await desk.frames(3);
    t.check(!(await desk.hasWidget(ids.flattenDismiss)), 'a dismissed report stays dismissed after a reload');
  });
};
