// Replay: the operator opens the Replay pane, picks a CSV with the file
// picker (the page's hidden <input type=file>, given the file by
// playwright's setInputFiles), sees a bad row refused with its line, then
// replays the CLI fixture through SMA 2/3 and reads the report: the numbers
// stonks-backtest prints for the same file and parameters
// (tests/unit/backtest/cli/test_stonks_backtest.py, worked out by hand).
// Then a sweep of its parameters, ranked as stonks-backtest --sweep prints
// it, and a row clicked for that run's report. The desk's own engine is
// untouched by either.
'use strict';
const path = require('path');
const { REPO } = require('../lib/browser');

const FIXTURES = path.join(REPO, 'tests', 'unit', 'backtest', 'cli');

async function pickCsv(desk, file) {
  await desk.click('replay/open_csv');
  await desk.page.waitForSelector('#stonks-csv-picker', { state: 'attached', timeout: 10000 });
  await desk.page.setInputFiles('#stonks-csv-picker', path.join(FIXTURES, file));
  await desk.frames(2);
}

module.exports = async function (t) {
  const browser = await t.launch();
  const desk = await t.newDesk(browser.context);
  await desk.open(t.url);
  await desk.api('PUT', '/api/sim', { speed: 0 });
  const before = await desk.state();

  await t.step('1. the Replay pane and its form', async () => {
    await desk.click('view/replay');
    await desk.rect('replay/open_csv');
    await desk.fill('replay/symbol', 'IBM');
    await desk.fill('replay/param/fast', '2');
    await desk.fill('replay/param/slow', '3');
    await desk.fill('replay/param/qty', '10');
    await desk.fill('replay/cash', '10000');
    await desk.fill('replay/fee_per_fill', '1');
  });

  await t.step('2. a bad row is refused with its line', async () => {
    await pickCsv(desk, 'bad_rows.csv');
    await desk.click('replay/start');
    const m = await desk.waitForMessage('replay/open_csv', /line 3:/);
    t.check(m.error, 'the bad row is shown as an error beside the file');
    t.check(!(await desk.hasWidget('replay/progress')), 'nothing started');
  });

  await t.step('3. the fixture replays and its report matches stonks-backtest', async () => {
    await pickCsv(desk, 'ibm_daily.csv');
    await desk.click('replay/start');
    await desk.waitForMessage('replay/progress', /8 \/ 8 bars/, 20000);
    const expected = {
      'Final equity': '9968.00', 'Net P&L': '-32.00', 'Total return': '-0.32%', 'Max drawdown': '0.60%',
      'Max drawdown length': '5.0 days', 'Exposure': '37.50%', 'Trades': '1', 'Won / lost / open': '0 / 1 / 0',
      'Win rate': '0.00%', 'Average loss': '-32.00', 'Fees paid': '2.00',
    };
    for (const [label, value] of Object.entries(expected)) await desk.waitForMessage('replay/report', new RegExp(
        '^' + label.replace(/[/&]/g, '\\$&') + ': ' + value.replace(/[.]/g, '\\.') + '$'));
    await desk.waitForMessage('replay/trades', /^IBM long 10 2026-01-09 14\.00 2026-01-14 11\.00 -32\.00$/);
    // report.svg's chart on the desk: the daily candles with the entry and exit marked, and the equity curve.
    await desk.waitForMessage('replay/chart', /^IBM, 1 day candles: 8 candles, [\d.]+ to [\d.]+, 2 fills$/);
    await desk.waitForMessage('replay/equity', /^8 points$/);
    await desk.screenshot(path.join(t.artifacts, 'replay-report.png'));
  });

  await t.step('4. a sweep of fast and slow is ranked as stonks-backtest ranks it; a row replays its run', async () => {
    await desk.click('replay/sweep/add');  // the first parameter: fast
    await desk.fill('replay/sweep/0/values', '1,2');
    await desk.click('replay/sweep/add');  // the first not swept: slow
    await desk.fill('replay/sweep/1/values', '3:4:1');
    await desk.click('replay/sweep/run');
    await desk.waitForMessage('replay/sweep/progress', /^4 \/ 4 runs \(done\)$/, 20000);
    // stonks-backtest --sweep fast=1,2 --sweep slow=3:4:1 on the fixture (tests/ui/replay_panel_test.cc).
    await desk.waitForMessage('replay/sweep/row/1', /^1\t1\t4\t0\t0\.00%\t0\.00\t0\.00%\t0\.00%\t10000\.00\n?$/);
    await desk.waitForMessage('replay/sweep/row/3', /^3\t1\t3\t1\t-0\.12%\t-1\.78\t0\.31%\t0\.00%\t9988\.00\n?$/);
    await desk.screenshot(path.join(t.artifacts, 'replay-sweep.png'));
    await desk.click('replay/sweep/row/3');
    await desk.waitForMessage('replay/report', /^Final equity: 9988\.00$/, 20000);
    await desk.click('replay/sweep/back');
    await desk.waitForMessage('replay/sweep/row/4', /\t9968\.00\n?$/);
  });

  await t.step('5. the desk itself did not trade', async () => {
    const after = await desk.state();
    t.check(after.orders.length === before.orders.length, 'an order reached the desk');
    t.check(after.fills.length === before.fills.length, 'a fill reached the desk');
    t.check(desk.errors.length === 0, `page errors: ${desk.errors.join('; ')}`);
  });
};
