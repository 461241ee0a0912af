// DeskPage: one browser tab showing the desk, driven like an operator would:
// real mouse presses and keys on the canvas at the rectangles the desk
// reports (window.stonks.widgetRect), and reads of what the page shows.
'use strict';

// ImGui 1.86 loses a press and release inside one frame: every press and
// every key is held across this many drawn frames.
const HOLD_FRAMES = 2;
// Console errors the browser itself logs, not the app: headless chromium
// refuses navigator.storage.persist() this way.
const BROWSER_NOISE = /^Permissions check failed/;

class DeskPage {
  constructor(page) {
    this.page = page;
    this.errors = [];
    page.on('pageerror', (e) => this.errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !BROWSER_NOISE.test(m.text())) this.errors.push(m.text());
    });
  }

  async open(url) {
    await this.page.goto(url);
    await this.ready();
  }

  async reload() {
    await this.page.reload();
    await this.ready();
  }

  // The desk is drawn and answering.
  async ready() {
    // Ready, and the browser has answered navigator.storage.persist() (its
    // answer changes what the status line shows).
    await this.page.waitForFunction(() => window.stonks && window.stonks.isReady && window.stonks.storageAnswered(),
                                    null, { timeout: 30000 });
    await this.frames(2);
  }

  // Waits until `n` more frames were drawn. The desk draws on demand, and a
  // step that sends no event (a move to where the mouse already is) would
  // wait forever: ask for the frames.
  async frames(n) {
    const start = await this.page.evaluate(() => { window.stonks.redraw(); return window.stonks.frameCount(); });
    await this.page.waitForFunction((c) => window.stonks.frameCount() >= c, start + n, { timeout: 10000 });
  }

  async rect(id, timeout = 10000) {
    const handle = await this.page.waitForFunction((wid) => window.stonks.widgetRect(wid), id, { timeout })
        .catch(() => { throw new Error(`widget ${id} is not on screen`); });
    return handle.jsonValue();
  }

  async hasWidget(id) { return this.page.evaluate((wid) => !!window.stonks.widgetRect(wid), id); }

  // Moves there, presses, holds a few frames, releases. The rectangle is read
  // again once the mouse is there, in case the layout moved meanwhile.
  async click(id) {
    let x = -1, y = -1;
    for (let tries = 0; tries < 5; tries++) {
      const r = await this.rect(id);
      const cx = r.x + r.w / 2, cy = r.y + r.h / 2;
      if (Math.abs(cx - x) < 1 && Math.abs(cy - y) < 1) break;
      x = cx;
      y = cy;
      await this.page.mouse.move(x, y);
      await this.frames(HOLD_FRAMES);
    }
    await this.page.mouse.down();
    await this.frames(HOLD_FRAMES);
    await this.page.mouse.up();
    await this.frames(HOLD_FRAMES);
  }

  async key(name) {
    await this.page.keyboard.down(name);
    await this.frames(HOLD_FRAMES);
    await this.page.keyboard.up(name);
    await this.frames(HOLD_FRAMES);
  }

  // Clicks a text field, selects what it holds and types `text` over it.
  async fill(id, text) {
    await this.click(id);
    await this.page.keyboard.down('Control');
    await this.key('a');
    await this.page.keyboard.up('Control');
    await this.key('Delete');
    await this.page.keyboard.type(text);
    await this.frames(HOLD_FRAMES);
  }

  state() { return this.page.evaluate(() => window.stonks.stateJson()); }
  messages() { return this.page.evaluate(() => window.stonks.messages()); }
  api(method, path, body) {
    return this.page.evaluate(([m, p, b]) => window.stonks.api(m, p, b), [method, path, body]);
  }
  phase() { return this.page.evaluate(() => window.stonks.phase()); }
  overlayText() { return this.page.evaluate(() => document.getElementById('overlay').hidden ? '' : document.getElementById('overlay').innerText); }
  syncNow() { return this.page.evaluate(() => window.stonks.syncNow()); }

  // Polls `fn(state)` against the engine state until it returns truthy.
  async waitForState(what, fn, timeout = 10000) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      last = await this.state();
      const r = fn(last);
      if (r) return r;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await this.page.waitForTimeout(50);
    }
  }

  // Waits for a message (toast, inline error, dialog text) matching `where` and `pattern`.
  async waitForMessage(where, pattern, timeout = 10000) {
    const deadline = Date.now() + timeout;
    let last = [];
    for (;;) {
      last = await this.messages();
      const m = last.find((x) => (where === null || x.where === where) && pattern.test(x.text));
      if (m) return m;
      if (Date.now() > deadline) {
        throw new Error(`no message at ${where} matching ${pattern}; shown: ${JSON.stringify(last)}`);
      }
      await this.page.waitForTimeout(50);
    }
  }

  async screenshot(file) { await this.page.screenshot({ path: file }); }
}

module.exports = { DeskPage };
