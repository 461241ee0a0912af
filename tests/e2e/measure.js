#!/usr/bin/env node
// Measures the browser app for scripts/bench: bundle bytes (wasm + JS, raw
// and gzip), navigation -> first drawn desk frame in headless chromium on a
// fresh profile, and again after a reload over a journal of 100k events in
// IndexedDB; then a CSV of a million bars replayed at Max speed in the
// Replay view, from the Start click to the report on screen. Prints a table
// and, last, one JSON line.
//   node tests/e2e/measure.js [--app DIR] [--events N] [--runs N] [--replay-bars N] [--only frame,replay]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { serve, launch, REPO } = require('./lib/browser');
const { DeskPage } = require('./lib/desk_page');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

function bundle(app) {
  const sizes = {};
  for (const f of ['stonks.wasm', 'stonks.js', 'index.html']) {
    const data = fs.readFileSync(path.join(app, f));
    sizes[f] = { raw: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
  }
  return sizes;
}

// ms from navigation start to the desk's first frame (performance.now() there).
async function firstFrame(page, url, reload) {
  if (reload) await page.reload(); else await page.goto(url);
  await page.waitForFunction(() => window.stonks && window.stonks.isReady, null, { timeout: 60000 });
  return page.evaluate(() => window.stonks.firstFrameMs);
}

// Grows the journal by `events` events through the API hook, the way the
// desk's own traffic does: quotes on 20 tickers and now and then an order
// (auto-approved, so it fills). Runs inside the page; resolves the seq reached.
function growJournal(page, events) {
  return page.evaluate(async (target) => {
    const s = window.stonks;
    s.api('PUT', '/api/sim', { speed: 0 });
    // Quotes wander within 0.05% of each ticker's price: no price-shock lockouts.
    const tickers = s.stateJson().market.quotes.slice(0, 20).map((q) => ({ t: q.ticker, p: Number(q.bid) }));
    const start = s.stateJson().last_seq;
    let seq = start, i = 0;
    while (seq - start < target) {
      for (let k = 0; k < 1000; k++, i++) {
        const { t, p } = tickers[i % tickers.length];
        const mid = p * (1 + (((i * 7919) % 100) - 50) / 100000);
        const bid = mid.toFixed(2), ask = (mid + 0.04).toFixed(2);
        s.api('POST', '/api/quotes', { ticker: t, bid, ask, bid_size: 500, ask_size: 500 });
        if (i % 50 === 0) s.api('POST', '/api/orders', { ticker: t, side: i % 100 ? 'sell' : 'buy', qty: 1, type: 'market' });
      }
      seq = s.stateJson().last_seq;
      await new Promise((r) => setTimeout(r, 0));  // let the page breathe (and save)
    }
    const err = await s.syncNow();
    if (err) throw new Error(err);
    return seq - start;
  }, events);
}

// The bench's replay rows as a file (bench/replay_workload.cc's shape, not
// its exact numbers): one-minute bars of 50 symbols RPL0..RPL49, every
// symbol each minute, each a random walk in cents of up to 1% a bar from
// 20..69 with wicks, volume 1,000,000; ISO-8601 times and a Symbol column
// (~56 bytes a row). Seeded: the same file every run. Returns its bytes.
function writeReplayCsv(file, bars) {
  const symbols = 50;
  let seed = 20261202;
  const rand = () => {  // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let z = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z;
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
  const close = Array.from({ length: symbols }, (_, i) => (20 + i) * 100);  // cents
  const cents = (c) => (c / 100).toFixed(2);
  const fd = fs.openSync(file, 'w');
  let bytes = fs.writeSync(fd, 'Datetime,Symbol,Open,High,Low,Close,Volume\n');
  let lines = [];
  let at = Date.UTC(2026, 0, 1);
  for (let k = 0; k < bars; k++) {
    const i = k % symbols;
    if (i === 0) at += 60000;
    const open = close[i];
    const c = Math.max(1, open + Math.round(open / 100 * (rand() * 2 - 1)));
    const wick = Math.floor(open / 100 * rand() * 0.3);
    const high = Math.max(open, c) + wick, low = Math.max(1, Math.min(open, c) - wick);
    const time = new Date(at).toISOString().replace('.000Z', 'Z');
    lines.push(`${time},RPL${i},${cents(open)},${cents(high)},${cents(low)},${cents(c)},1000000`);
    close[i] = c;
    if (lines.length === 10000 || k + 1 === bars) {
      bytes += fs.writeSync(fd, lines.join('\n') + '\n');
      lines = [];
    }
  }
  fs.closeSync(fd);
  return bytes;
}

// The operator's way: the Replay view, SMA 10/30 x 10 on every symbol (the
// bench's replay_backtest), the file through the page's picker, Start at
// the default speed (Max). Times, in the page's clock: the picked file's
// text handed to the desk; the Start click (its mouse release) to the first
// frame showing the replay running (the POST: the body built, the CSV
// parsed, the runner opened) and to the first frame with the report.
async function replayMaxSpeed(url, bars) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'stonks-replay-')), 'rpl_1m.csv');
  const result = { bars, csv_bytes: writeReplayCsv(file, bars) };
  const b = await launch();
  try {
    const desk = new DeskPage(b.context.pages()[0] || await b.context.newPage());
    await desk.open(url);
    await desk.api('PUT', '/api/sim', { speed: 0 });  // a quiet desk: the frames are the replay's
    await desk.click('view/replay');
    await desk.fill('replay/param/fast', '10');
    await desk.fill('replay/param/slow', '30');
    await desk.fill('replay/param/qty', '10');
    await desk.page.evaluate(() => {
      const picked = Module._stonks_csv_picked;
      window.replayTimes = {};
      Module._stonks_csv_picked = (name, text) => {
        const r = picked(name, text);
        window.replayTimes.picked = performance.now();
        return r;
      };
      addEventListener('change', () => { window.replayTimes.chosen = performance.now(); }, true);
      addEventListener('mouseup', () => { window.replayTimes.click = performance.now(); }, true);
    });
    await desk.click('replay/open_csv');
    await desk.page.waitForSelector('#stonks-csv-picker', { state: 'attached', timeout: 10000 });
    await desk.page.setInputFiles('#stonks-csv-picker', file);
    await desk.page.waitForFunction(() => window.replayTimes.picked, null, { timeout: 120000 });
    await desk.frames(2);
    // Watched from inside the page, every 5 ms: what the last drawn frame showed.
    await desk.page.evaluate(() => {
      const t = window.replayTimes;
      t.watch = setInterval(() => {
        const shown = window.stonks.messages();
        if (!t.running && shown.some((m) => m.where === 'replay/progress')) t.running = performance.now();
        if (!t.done && shown.some((m) => m.where === 'replay/report')) {
          t.done = performance.now();
          t.progress = shown.find((m) => m.where === 'replay/progress').text;
          clearInterval(t.watch);
        }
      }, 5);
    });
    await desk.click('replay/start');
    await desk.page.waitForFunction(() => window.replayTimes.done, null, { timeout: 300000, polling: 100 });
    const t = await desk.page.evaluate(() => window.replayTimes);
    if (!new RegExp(`^${bars} / ${bars} bars, `).test(t.progress)) throw new Error(`replay: ${t.progress}`);
    if (desk.errors.length) throw new Error(`replay: page errors: ${desk.errors.join('; ')}`);
    result.pick_ms = t.picked - t.chosen;
    result.start_ms = t.running - t.click;
    result.replay_ms = t.done - t.running;
    result.total_ms = t.done - t.click;
    result.progress = t.progress;
  } finally {
    await b.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  return result;
}

// Grows the journal by `events`, then times the first frame after reloading over it.
async function firstFramesAfterJournal(url, events, runs, result) {
  const b = await launch();
  try {
    const page = b.context.pages()[0] || await b.context.newPage();
    await firstFrame(page, url, false);
    const t0 = Date.now();
    result.journal_events = await growJournal(page, events);
    result.journal_build_s = (Date.now() - t0) / 1000;
    result.store_bytes = await page.evaluate(() => {
      let total = 0;
      const walk = (dir) => FS.readdir(dir).forEach((n) => {
        if (n === '.' || n === '..') return;
        const p = dir + '/' + n, st = FS.stat(p);
        if (FS.isDir(st.mode)) walk(p); else total += st.size;
      });
      walk('/stonks');
      return total;
    });
    for (let r = 0; r < runs; r++) result.first_frame_after_journal_ms.push(await firstFrame(page, url, true));
  } finally {
    await b.close();
  }
}

async function main() {
  const app = arg('--app', path.join(REPO, 'build', 'wasm', 'web', 'app'));
  const events = Number(arg('--events', 100000));
  const runs = Number(arg('--runs', 3));
  const replayBars = Number(arg('--replay-bars', 1000000));
  const only = arg('--only', 'frame,replay').split(',');
  const sizes = bundle(app);
  const server = await serve(app);
  const result = { bundle: sizes, first_frame_ms: [], first_frame_after_journal_ms: [], journal_events: 0 };
  try {
    if (only.includes('frame')) {
      for (let r = 0; r < runs; r++) {
        const b = await launch();
        const page = b.context.pages()[0] || await b.context.newPage();
        result.first_frame_ms.push(await firstFrame(page, server.url, false));
        await b.close();
      }
      await firstFramesAfterJournal(server.url, events, runs, result);
    }
    if (only.includes('replay') && replayBars > 0) result.replay = await replayMaxSpeed(server.url, replayBars);
  } finally {
    server.stop();
  }

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const kb = (n) => (n / 1024).toFixed(1) + ' KB';
  const sec = (ms) => (ms / 1000).toFixed(2) + ' s';
  const wasm = sizes['stonks.wasm'], js = sizes['stonks.js'];
  console.log('browser app');
  console.log(`  bundle wasm+js       ${kb(wasm.raw + js.raw)} raw, ${kb(wasm.gzip + js.gzip)} gzip ` +
              `(wasm ${kb(wasm.gzip)}, js ${kb(js.gzip)} gzip; goal < 700 KB gzip)`);
  if (result.first_frame_ms.length) {
    console.log(`  first frame          ${median(result.first_frame_ms).toFixed(0)} ms median of ${runs} (goal < 1500 ms)`);
    console.log(`  first frame, ${result.journal_events} events in IndexedDB (${kb(result.store_bytes)} of files)` +
                `  ${median(result.first_frame_after_journal_ms).toFixed(0)} ms median of ${runs} (goal < 2000 ms)`);
  }
  if (result.replay) {
    const r = result.replay;
    console.log(`  replay at Max, ${r.bars} bars (${(r.csv_bytes / 1e6).toFixed(1)} MB of CSV)` +
                `  ${sec(r.total_ms)} from Start to the report (goal < 2 s): ${sec(r.start_ms)} to start` +
                ` (upload and parse), then ${sec(r.replay_ms)} replaying` +
                ` (${Math.round(r.bars / r.replay_ms * 1000)} bars/s); reading the file in the picker ${sec(r.pick_ms)}`);
  }
  console.log(JSON.stringify(result));
}

main().catch((e) => { console.error(e); process.exit(1); });
