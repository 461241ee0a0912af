// (8) Two tabs never both write: a second tab says the desk is open in
// another tab and changes nothing; "Take over here" moves the desk -- the
// first tab saves, stops and says so, and only then the second one opens it.
'use strict';
const path = require('path');
const { activeLockouts } = require('../lib/desk_flows');

module.exports = async function (t) {
  const browser = await t.launch();
  const first = await t.newDesk(browser.context);
  await first.open(t.url);
  const lock = await first.api('POST', '/api/admin/trading/lockouts',
                               { ticker: 'AMZN', reason: 'set up by the test', duration_minutes: 120 });
  t.check(lock.status === 201, `creating a lockout answered ${lock.status}`);

  const second = await t.newDesk(browser.context);
  await t.step('8a. the second tab shows "open in another tab" and does not write', async () => {
    await second.page.goto(t.url);
    await second.page.waitForFunction(() => window.stonks && window.stonks.phase() === 'elsewhere', null, { timeout: 30000 });
    const text = await second.overlayText();
    t.check(/stonks-oracle is open in another tab/.test(text), `overlay says: ${text}`);
    t.check(await second.page.isVisible('#overlay-take-over'), 'it offers to take over');
    const r = await second.api('POST', '/api/admin/trading/lockouts',
                               { ticker: 'TSLA', reason: 'from the second tab', duration_minutes: 5 });
    t.check(r.status === 503, `a write from the second tab answered ${r.status}`);
    t.check(await second.page.evaluate(() => window.stonks.stateJson()) === null, 'the second tab has no engine');
    const s = await first.state();
    t.check(!s.lockouts.some((l) => l.ticker === 'TSLA'), 'nothing from the second tab reached the store');
    t.check((await first.phase()) === 'running', 'the first tab keeps running');
    await second.screenshot(path.join(t.artifacts, 'second-tab.png'));
  });

  await t.step('8b. "Take over here": the first tab saves and stops, then the second opens', async () => {
    const created = await first.api('POST', '/api/admin/trading/lockouts',
                                    { ticker: 'GOOGL', reason: 'just before the hand-over', duration_minutes: 90 });
    t.check(created.status === 201, 'the first tab still writes before the hand-over');
    await second.page.click('#overlay-take-over');
    await second.ready();
    t.check((await first.phase()) === 'moved', `the first tab is ${await first.phase()}`);
    t.check(/moved to another tab/.test(await first.overlayText()), 'the first tab says the desk moved');
    const r = await first.api('POST', '/api/admin/trading/lockouts',
                              { ticker: 'TSLA', reason: 'from the old tab', duration_minutes: 5 });
    t.check(r.status === 503, `the old tab still writes (${r.status})`);
    const s = await second.state();
    t.check(activeLockouts(s).some((l) => l.ticker === 'GOOGL'), 'the hand-over kept the last write');
    t.check(activeLockouts(s).some((l) => l.ticker === 'AMZN'), 'and the earlier ones');
  });
};
