// Damage found on recovery is shown, never started over: a byte flipped in
// the middle of a journal segment in IndexedDB makes the page name the file
// and offset; Reset needs a confirmation (Cancel keeps the data), then wipes
// the store and starts a fresh sandbox, which a reload keeps.
'use strict';
const path = require('path');

// Runs in a page of the app's origin that is not the desk: flips the middle
// byte of the largest journal segment in IDBFS's database. Resolves its path.
function damageSegment() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('/stonks');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const store = open.result.transaction('FILE_DATA', 'readwrite').objectStore('FILE_DATA');
      let best = null;
      store.openCursor().onsuccess = (e) => {
        const c = e.target.result;
        if (c) {
          if (/\/journal\/seg-/.test(c.key) && (!best || c.value.contents.length > best.value.contents.length)) {
            best = { key: c.key, value: c.value };
          }
          c.continue();
          return;
        }
        if (!best) return reject(new Error('no journal segment in IndexedDB'));
        const bytes = new Uint8Array(best.value.contents);
        bytes[bytes.length >> 1] ^= 0xff;
        best.value.contents = bytes;
        store.put(best.value, best.key).onsuccess = () => resolve(best.key);
      };
    };
  });
}

module.exports = async function (t) {
  const browser = await t.launch();
  const desk = await t.newDesk(browser.context);
  await desk.open(t.url);
  await desk.api('PUT', '/api/sim', { speed: 0 });
  for (let i = 0; i < 5; i++) {
    await desk.api('POST', '/api/admin/trading/lockouts', { ticker: 'AAPL', reason: `lockout ${i}`, duration_minutes: 60 });
  }
  t.check(await desk.syncNow() === null, 'saving failed');

  let segment;
  await t.step('the journal is damaged while no desk is open', async () => {
    await desk.page.goto(`${t.url}not-the-desk`);  // same origin, the desk page is gone
    await desk.page.waitForTimeout(300);
    segment = await desk.page.evaluate(damageSegment);
    desk.errors.length = 0;  // that page's own 404 is no error of the app's
  });

  await t.step('the page names the damage and starts nothing', async () => {
    await desk.page.goto(t.url);
    await desk.page.waitForFunction(() => window.stonks && window.stonks.phase() === 'corrupt', null, { timeout: 30000 });
    const text = await desk.overlayText();
    const file = segment.split('/').pop();
    t.check(/damaged/.test(text), `overlay: ${text}`);
    t.check(text.includes(file) && /offset/i.test(text), `the message names ${file} and the offset: ${text}`);
    t.check(await desk.page.evaluate(() => window.stonks.stateJson()) === null, 'no engine runs over damage');
    await desk.screenshot(path.join(t.artifacts, 'corrupt-store.png'));
  });

  await t.step('Reset asks first; Cancel keeps the data', async () => {
    await desk.page.click('#overlay-reset');
    t.check(/cannot be undone/.test(await desk.overlayText()), 'the confirmation says what it does');
    await desk.page.click('#overlay-reset-cancel');
    t.check((await desk.phase()) === 'corrupt' && /damaged/.test(await desk.overlayText()), 'still the damage message');
    const kept = await desk.page.evaluate((p) => FS.readdir('/stonks/journal').includes(p), segment.split('/').pop());
    t.check(kept, 'the damaged files are still there');
  });

  await t.step('Reset confirmed: a fresh sandbox, kept across a reload', async () => {
    await desk.page.click('#overlay-reset');
    await desk.page.click('#overlay-reset-confirm');
    await desk.ready();
    let s = await desk.state();
    t.check(s.lockouts.length === 0, 'the fresh sandbox has no lockouts');
    t.check(await desk.syncNow() === null, 'saving failed');
    await desk.reload();
    s = await desk.state();
    t.check(s.lockouts.length === 0 && (await desk.phase()) === 'running', 'the reset survived the reload');
  });
};
