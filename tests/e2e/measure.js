#!/usr/bin/env node
// Measures the browser app for scripts/bench: bundle bytes (wasm + JS, raw
// and gzip), navigation -> first drawn desk frame in headless chromium on a
// fresh profile, and again after a reload over a journal of 100k events in
// IndexedDB. Prints a table and, last, one JSON line.
//   node tests/e2e/measure.js [--app DIR] [--events N] [--runs N]
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { serve, launch, REPO } = require('./lib/browser');

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

async function main() {
  const app = arg('--app', path.join(REPO, 'build', 'wasm', 'web', 'app'));
  const events = Number(arg('--events', 100000));
  const runs = Number(arg('--runs', 3));
  const sizes = bundle(app);
  const server = await serve(app);
  const result = { bundle: sizes, first_frame_ms: [], first_frame_after_journal_ms: [], journal_events: 0 };
  try {
    for (let r = 0; r < runs; r++) {
      const b = await launch();
      const page = b.context.pages()[0] || await b.context.newPage();
      result.first_frame_ms.push(await firstFrame(page, server.url, false));
      await b.close();
    }
    const b = await launch();
    const page = b.context.pages()[0] || await b.context.newPage();
    await firstFrame(page, server.url, false);
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
    for (let r = 0; r < runs; r++) result.first_frame_after_journal_ms.push(await firstFrame(page, server.url, true));
    await b.close();
  } finally {
    server.stop();
  }

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const kb = (n) => (n / 1024).toFixed(1) + ' KB';
  const wasm = sizes['stonks.wasm'], js = sizes['stonks.js'];
  console.log('browser app');
  console.log(`  bundle wasm+js       ${kb(wasm.raw + js.raw)} raw, ${kb(wasm.gzip + js.gzip)} gzip ` +
              `(wasm ${kb(wasm.gzip)}, js ${kb(js.gzip)} gzip; goal < 700 KB gzip)`);
  console.log(`  first frame          ${median(result.first_frame_ms).toFixed(0)} ms median of ${runs} (goal < 1500 ms)`);
  console.log(`  first frame, ${result.journal_events} events in IndexedDB (${kb(result.store_bytes)} of files)` +
              `  ${median(result.first_frame_after_journal_ms).toFixed(0)} ms median of ${runs} (goal < 2000 ms)`);
  console.log(JSON.stringify(result));
}

main().catch((e) => { console.error(e); process.exit(1); });
