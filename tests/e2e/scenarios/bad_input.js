// (9) Bad form input shows the error inline beside the field the API names
// and changes nothing: quantity 0 and ticker "aa pl" on the ticket, duration
// 0 on the lockout form.
'use strict';
const path = require('path');
const { ids, sendTicket, createLockout } = require('../lib/desk_flows');

module.exports = async function (t) {
  const browser = await t.launch();
  const desk = await t.newDesk(browser.context);
  await desk.open(t.url);
  await desk.api('PUT', '/api/sim', { speed: 0 });
  const before = await desk.state();
  const unchanged = async (what) => {
    const s = await desk.state();
    t.check(s.orders.length === before.orders.length, `${what}: an order was recorded`);
    t.check(s.lockouts.length === before.lockouts.length, `${what}: a lockout was recorded`);
    t.check(s.approvals.length === before.approvals.length, `${what}: an approval was recorded`);
  };

  await t.step('9a. quantity 0 on the ticket', async () => {
    await sendTicket(desk, { ticker: 'AAPL', qty: 0 });
    t.check((await desk.waitForMessage(ids.ticketQty, /./)).error, 'the qty message is an error');
    await unchanged('qty 0');
  });

  await t.step('9b. ticker "aa pl" on the ticket', async () => {
    await sendTicket(desk, { ticker: 'aa pl', qty: 5 });
    t.check((await desk.waitForMessage(ids.ticketTicker, /./)).error, 'the ticker message is an error');
    await unchanged('ticker "aa pl"');
  });

  await t.step('9c. duration 0 on the lockout form', async () => {
    await createLockout(desk, { ticker: 'AAPL', reason: 'bad duration', minutes: 0 });
    t.check((await desk.waitForMessage(ids.lockoutDuration, /./)).error, 'the duration message is an error');
    await unchanged('duration 0');
    await desk.screenshot(path.join(t.artifacts, 'bad-input.png'));
  });
};
