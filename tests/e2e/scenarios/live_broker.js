// (10) The Broker section of a desk served by a live stonks-server
// (--broker alpaca against the fake Alpaca broker, both real processes): the
// link shows connected with a latency and a rate budget; Live, clicked and
// confirmed in the panel, switches the server to live mode; a live order
// approved with a click reaches the broker exactly once and ends filled in
// the panel; a trade made at the broker behind the engine's back is flagged
// as a difference, and the engine keeps what it booked.
'use strict';
const path = require('path');
const { StonksServer } = require('../lib/stonks_server');
const { FakeBroker } = require('../lib/fake_broker');
const { ids, showView, pendingApprovals, orderById } = require('../lib/desk_flows');

const KEY_ID = 'PKE2EKEYID4LIVE';
const SECRET = 'e2e-live-secret-0a1b2c3d4e5f';
const where = { connection: 'desk/connection', link: 'broker/link', latency: 'broker/latency',
                rate: 'broker/rate_limit', differences: 'broker/differences' };
const RATE_LIMIT = 1000;
// The broker status the page polls every 2 s, after the server's own account
// refresh (200 ms here): a change at the broker shows within a few seconds.
const BROKER_TIMEOUT_MS = 15000;

// The live flags: the fake broker for trading and market data, and short
// timeouts and polls so that what the broker does shows quickly.
function liveFlags(broker) {
  return ['--broker', 'alpaca', '--alpaca-url', broker.baseUrl, '--alpaca-data-url', broker.baseUrl,
          '--alpaca-timeout-ms', '1000', '--alpaca-poll-ms', '100', '--alpaca-account-ms', '200'];
}

module.exports = async function (t) {
  t.check(t.serverBinary, 'this scenario needs --server <stonks-server binary>');
  t.check(t.fakeBroker, 'this scenario needs --fake-broker <tests/broker/fake_alpaca.py>');
  const broker = new FakeBroker(t.fakeBroker, { keyId: KEY_ID, secret: SECRET });
  let server;
  try {
    await broker.start();
    // A window longer than the test: the budget only goes down while it runs.
    await broker.control('POST', '/_control/rate_limit', { limit: RATE_LIMIT, window_s: 600 });
    await broker.control('POST', '/_control/quotes', { AAPL: { bid: '99.90', ask: '100.10' } });
    const account = await broker.control('POST', '/_control/account', { status: 'ACTIVE', trading_blocked: false });
    t.check(account.cash === '100000', `the fake broker starts with cash ${account.cash}`);

    server = new StonksServer(t.serverBinary, t.app, {
      args: liveFlags(broker), env: { APCA_API_KEY_ID: KEY_ID, APCA_API_SECRET_KEY: SECRET } });
    await server.start();
    const call = async (method, target, body, expect) => {
      const r = await server.request(method, target, body);
      t.check(r.status === expect, `${method} ${target} answered ${r.status}: ${JSON.stringify(r.body)}`);
      return r.body;
    };
    // The engine's book starts where the broker's does, so the panel has nothing to flag yet.
    await call('POST', '/api/account/deposits', { amount: '100000.00' }, 201);
    await call('POST', '/api/quotes', { ticker: 'AAPL', bid: '99.90', ask: '100.10' }, 201);
    await call('PUT', '/api/admin/trading/approval-config', { require_approval_for_live: true }, 200);

    const browser = await t.launch();
    const desk = await t.newDesk(browser.context);

    await t.step('10a. the operator signs in to the live server', async () => {
      await desk.page.goto(server.url);
      await desk.page.waitForSelector('#overlay-token', { timeout: 30000 });
      await desk.page.type('#overlay-token', server.token);
      await desk.page.keyboard.press('Enter');
      await desk.ready();
      await desk.waitForMessage(where.connection, /Connected to 127\.0\.0\.1/);
    });

    await t.step('10b. the Broker view shows the link connected, its latency and the rate budget', async () => {
      await showView(desk, 'broker', BROKER_TIMEOUT_MS);
      const link = await desk.waitForMessage(where.link, /^Connected$/, BROKER_TIMEOUT_MS);
      t.check(!link.error, `the link is drawn as an error: ${link.text}`);
      const latency = await desk.waitForMessage(where.latency, /^Latency \d+ ms$/, BROKER_TIMEOUT_MS);
      const ms = Number(/\d+/.exec(latency.text)[0]);
      t.check(ms < 1000, `a round trip to a broker on this machine shown as ${ms} ms`);
      const rate = await desk.waitForMessage(where.rate, /^Rate budget \d+\/\d+, refills at /, BROKER_TIMEOUT_MS);
      const [remaining, limit] = /(\d+)\/(\d+)/.exec(rate.text).slice(1).map(Number);
      t.check(limit === RATE_LIMIT, `the budget's limit is shown as ${limit}, the broker's is ${RATE_LIMIT}`);
      t.check(remaining > 0 && remaining < RATE_LIMIT, `${remaining} left: the server's requests spend the budget`);
      await desk.waitForMessage(where.differences, /^Broker and engine agree$/, BROKER_TIMEOUT_MS);
      console.log(`   ${link.text}; ${latency.text}; ${rate.text}`);
    });

    let order;
    await t.step('10c. a live order approved with a click reaches the broker once and ends filled', async () => {
      // The server takes live mode once its account check has seen the account ACTIVE.
      await waitFor(async () => (await server.request('GET', '/api/broker')).body.account !== null,
                    'the server to have read the broker account');
      await showView(desk, 'trading');
      await desk.click(ids.modeLive);
      await desk.waitForMessage('dialog', /Switch to LIVE trading\?/);
      await desk.click(ids.confirmOk);
      await desk.waitForState('the panel to show live mode', (s) => s.mode === 'live');
      const mode = await call('GET', '/api/admin/trading/mode', undefined, 200);
      t.check(mode.mode === 'live', `the server is in ${mode.mode} mode`);
      order = await call('POST', '/api/orders', { ticker: 'AAPL', side: 'buy', qty: 10 }, 201);
      t.check(order.status === 'pending_approval', `a live order is ${order.status}, not held for approval`);
      const s = await desk.waitForState('the pending approval', (st) => pendingApprovals(st).length === 1 && st);
      const approval = pendingApprovals(s)[0];
      t.check(approval.order_id === order.id, `the approval is for order ${approval.order_id}`);
      t.check((await broker.orders()).length === 0, 'the broker got the order before it was approved');
      await desk.click(ids.approve(approval.id));
      const filled = await desk.waitForState('the order filled in the panel',
                                             (st) => orderById(st, order.id).status === 'filled' && st,
                                             BROKER_TIMEOUT_MS);
      const mine = orderById(filled, order.id);
      t.check(mine.filled_qty === 10, `filled ${mine.filled_qty} of 10`);
      const at = await broker.orders();
      t.check(at.length === 1, `the broker holds ${at.length} orders: ${JSON.stringify(at)}`);
      t.check(at[0].posts === 1, `the order was POSTed ${at[0].posts} times`);
      t.check(at[0].order.client_order_id.endsWith(`-${order.id}`),
              `the broker's order ${at[0].order.client_order_id} is not engine order ${order.id}`);
      t.check(at[0].order.status === 'filled' && at[0].order.filled_qty === '10',
              `at the broker: ${at[0].order.status}, ${at[0].order.filled_qty} filled`);
      await showView(desk, 'broker');
      await desk.waitForMessage(where.differences, /^Broker and engine agree$/, BROKER_TIMEOUT_MS);
    });

    await t.step('10d. a trade behind the engine\'s back is flagged as a difference, never booked', async () => {
      // Someone buys 5 more AAPL at the broker directly; the control API fills it.
      await broker.control('POST', '/_control/lifecycles', { next: { outcome: 'never' } });
      const placed = await broker.request('POST', '/v2/orders',
                                          { symbol: 'AAPL', qty: '5', side: 'buy', type: 'market', time_in_force: 'day' },
                                          { auth: true });
      t.check(placed.status === 200, `the broker answered ${placed.status}: ${JSON.stringify(placed.body)}`);
      await broker.control('POST', `/_control/orders/${placed.body.id}/fill`, { price: '100.10' });
      const position = await desk.waitForMessage(where.differences, /AAPL: engine holds 10, broker 15/,
                                                 BROKER_TIMEOUT_MS);
      t.check(position.error, 'the position difference is not drawn as an error');
      const cash = await desk.waitForMessage(where.differences, /cash: engine 98999\.00, broker 98498\.50/);
      t.check(cash.error, 'the cash difference is not drawn as an error');
      const shown = await desk.messages();
      t.check(!shown.some((m) => m.where === where.differences && /agree/.test(m.text)),
              `the panel says both agree beside the differences: ${JSON.stringify(shown)}`);
      const s = await desk.state();
      const aapl = s.portfolio.positions.find((p) => p.ticker === 'AAPL');
      t.check(aapl && aapl.qty === 10, `the engine's AAPL became ${aapl && aapl.qty}: the difference was overwritten`);
    });

    await t.step('10e. a screenshot of the flagged Broker section', async () => {
      await desk.frames(2);
      await desk.screenshot(path.join(t.artifacts, 'live-broker-difference.png'));
    });
    // The tab goes before the servers do: left open, its polls of a stopped
    // server would log refused connections as page errors.
    await desk.page.close();
  } finally {
    if (server) await server.stop();
    await broker.stop();
  }
};

async function waitFor(fn, what, timeout = 10000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await fn()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
