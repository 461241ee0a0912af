// The desk's views at 1280x720, with real clicks: the status strip whole, the
// market watch selecting a ticker for the chart and the ticket, a buy shown
// in Positions at its average cost, the blotter filtered and exported as CSV
// (the browser's download), an order cancelled from the blotter, the audit
// log filtered by actor, and the open view and filters remembered across a
// reload. Saves a screenshot of every view (docs/desk-*.png are copies of them).
'use strict';
const fs = require('fs');
const path = require('path');
const { ids, showView, orderById } = require('../lib/desk_flows');

const VIEWS = ['trading', 'market', 'positions', 'orders', 'fills', 'audit', 'strategies', 'replay'];

module.exports = async function (t) {
  const browser = await t.launch({ viewport: { width: 1280, height: 720 } });
  const desk = await t.newDesk(browser.context);
  await desk.open(t.url);
  // Ten minutes of the simulated market at 100x (a market step every 200 ms
  // is 20 s of it: three quotes per 1-minute candle), without news (no shock
  // lockouts), so the chart has candles; then it stands still.
  const fast = await desk.api('PUT', '/api/sim', { speed: 100, news_per_hour: 0 });
  t.check(fast.status === 200, `speeding up the sim answered ${fast.status}`);
  await desk.page.waitForTimeout(6000);
  t.check((await desk.api('PUT', '/api/sim', { speed: 0 })).status === 200, 'pausing the sim failed');

  await t.step('the status strip is whole at 1280x720', async () => {
    for (const chip of ['strip/mode', 'strip/approvals', 'strip/feed', ids.persistence]) {
      const r = await desk.rect(chip);
      t.check(r.x >= 0 && r.x + r.w <= 1280, `${chip} runs off the window: ${JSON.stringify(r)}`);
    }
    await desk.waitForMessage('strip/mode', /^PAPER$/);
  });

  await t.step('the market watch lists the tickers; a click selects one for the chart and the ticket', async () => {
    await showView(desk, 'market');
    const row = await desk.waitForMessage(ids.marketRow('AAPL'), /^AAPL\t/);
    const cells = row.text.split('\t');  // Ticker, Lock, Last, Chg, Chg %, Bid, Ask, Spread
    t.check(/^\d+\.\d\d$/.test(cells[2]) && /^\d+\.\d\d$/.test(cells[5]) && /^\d+\.\d\d$/.test(cells[6]),
            `AAPL's row has last, bid and ask: ${row.text}`);
    await desk.rect(ids.marketRow('MSFT'));
    await desk.click(ids.marketRow('AAPL'));
    const chart = await desk.waitForMessage('market/chart', /^AAPL 1m: [1-9]\d* candles/);
    console.log(`   ${chart.text}`);
    await desk.click('market/length/5m');
    await desk.waitForMessage('market/chart', /^AAPL 5m: [1-9]\d* candles/);
    await desk.click('market/length/1m');
    await desk.waitForMessage('market/chart', /^AAPL 1m: /);
    await desk.screenshot(path.join(t.artifacts, 'view-market.png'));

    await showView(desk, 'trading');
    await desk.waitForMessage('ticket/market_line', /^bid \d+\.\d\d  ask \d+\.\d\d/);
    // The ticket holds AAPL already: buy 10 at market without typing the ticker.
    await desk.click(ids.ticketBuy);
    await desk.fill(ids.ticketQty, '10');
    await desk.click(ids.ticketMarket);
    await desk.click(ids.ticketSend);
    await desk.waitForState('the AAPL buy filled',
                            (s) => s.orders.some((o) => o.ticker === 'AAPL' && o.qty === 10 && o.status === 'filled'));
  });

  await t.step('Positions shows the buy at its average cost, and the account', async () => {
    await showView(desk, 'positions');
    const s = await desk.state();
    const p = s.portfolio.positions.find((x) => x.ticker === 'AAPL');
    t.check(p && p.qty === 10, `the engine holds 10 AAPL: ${JSON.stringify(p)}`);
    const row = await desk.waitForMessage(ids.positionRow('AAPL'), /^AAPL\t10\t/);
    const cells = row.text.split('\t');  // Ticker, Qty, Avg cost, Last, ...
    const avg = Number(p.cost_basis) / p.qty;
    t.check(Math.abs(Number(cells[2]) - avg) < 0.005, `avg cost shown ${cells[2]}, the engine's ${avg}`);
    await desk.waitForMessage('account/figures', new RegExp(`^Cash: ${s.portfolio.cash.replace('.', '\\.')}$`));
    await desk.screenshot(path.join(t.artifacts, 'view-positions.png'));
  });

  let resting;
  await t.step('the blotter filters by ticker, exports what it shows, and cancels a working order', async () => {
    // A limit 2% under the market (inside the risk's price band) rests: the
    // simulator stands still since the first step.
    await showView(desk, 'market');
    const msft = (await desk.waitForMessage(ids.marketRow('MSFT'), /^MSFT\t/)).text.split('\t');
    const limit = (Number(msft[5]) * 0.98).toFixed(2);  // 2% under the bid
    const r = await desk.api('POST', '/api/orders', { ticker: 'MSFT', side: 'buy', qty: 1, type: 'limit', limit_price: limit });
    t.check(r.status === 201, `the resting order answered ${r.status}: ${JSON.stringify(r.body)}`);
    resting = r.body.id;
    await showView(desk, 'orders');
    await desk.waitForMessage('orders/count', /^2 of 2 orders$/);
    await desk.fill('orders/filter/ticker', 'aapl');
    await desk.waitForMessage('orders/count', /^1 of 2 orders$/);
    const download = desk.page.waitForEvent('download', { timeout: 10000 });
    await desk.click('orders/export');
    const file = await download;
    t.check(file.suggestedFilename() === 'orders.csv', `saved as ${file.suggestedFilename()}`);
    const csv = fs.readFileSync(await file.path(), 'utf8');
    const lines = csv.trim().split('\r\n');
    t.check(lines[0].startsWith('Id,Time,Ticker,Side,Qty,Type'), `the CSV's header: ${lines[0]}`);
    t.check(lines.length === 2 && /^\d+,[^,]+,AAPL,buy,10,market,/.test(lines[1]), `the CSV holds the AAPL order only:\n${csv}`);

    await desk.fill('orders/filter/ticker', '');
    await desk.click(ids.orderCancel(resting));
    await desk.waitForState('the resting order cancelled', (s) => orderById(s, resting).status === 'cancelled');
    await desk.click(ids.orderRow(resting));
    await desk.waitForMessage('orders/timeline', /^Ended: cancelled/);
    await desk.screenshot(path.join(t.artifacts, 'view-orders.png'));
  });

  await t.step('the audit log lists what happened and filters by actor', async () => {
    await showView(desk, 'audit');
    const all = await desk.waitForMessage('audit/count', /^\d+ of \d+ entries$/);
    await desk.fill('audit/filter/actor', 'nobody');
    await desk.waitForMessage('audit/count', /^0 of \d+ entries$/);
    await desk.fill('audit/filter/actor', 'operator');
    const mine = await desk.waitForMessage('audit/count', /^[1-9]\d* of \d+ entries$/);
    console.log(`   audit: ${all.text}; by operator: ${mine.text}`);
    const rows = (await desk.messages()).filter((m) => m.where.startsWith('audit/row/'));
    t.check(rows.length > 0 && rows.every((m) => m.text.split('\t')[2] === 'operator'),
            `every row shown is the operator's: ${JSON.stringify(rows.slice(0, 3))}`);
    await desk.fill('audit/filter/actor', '');
  });

  await t.step('a screenshot of every view', async () => {
    for (const v of VIEWS) {
      await showView(desk, v);
      await desk.frames(3);
      await desk.screenshot(path.join(t.artifacts, `view-${v}.png`));
    }
  });

  await t.step('the open view and the filters come back after a reload', async () => {
    await showView(desk, 'orders');
    await desk.fill('orders/filter/ticker', 'MSFT');
    await desk.waitForMessage('orders/count', /^1 of 2 orders$/);
    await desk.page.waitForTimeout(1500);  // the layout is saved once a second
    t.check(await desk.syncNow() === null, 'saving to IndexedDB failed');
    await desk.reload();
    await desk.waitForMessage('orders/count', /^1 of 2 orders$/);
    t.check(await desk.hasWidget('orders/export'), 'the Orders view is open again');
  });
};
