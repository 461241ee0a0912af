#!/usr/bin/env node
// Runs one end-to-end scenario (scenarios/<name>.js) against the built app:
//   node tests/e2e/run.js <scenario> [--app DIR] [--artifacts DIR] [--server BIN] [--fake-broker PY]
// Serves the app, gives the scenario fresh browser profiles, prints each
// step, saves screenshots of every open tab when a step fails. Exit 0 = pass.
// Scenarios of the server's desk start stonks-server themselves (--server), and
// a live one the fake Alpaca broker (--fake-broker: tests/broker/fake_alpaca.py).
'use strict';
const fs = require('fs');
const path = require('path');
const { serve, launch, REPO } = require('./lib/browser');
const { DeskPage } = require('./lib/desk_page');

function parseArgs(argv) {
  const args = { app: path.join(REPO, 'build', 'wasm', 'web', 'app'), artifacts: path.join(REPO, 'build', 'e2e-artifacts') };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--app') args.app = argv[++i];
    else if (argv[i] === '--artifacts') args.artifacts = argv[++i];
    else if (argv[i] === '--server') args.server = argv[++i];
    else if (argv[i] === '--fake-broker') args.fakeBroker = argv[++i];
    else rest.push(argv[i]);
  }
  args.scenario = rest[0];
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const file = args.scenario && path.join(__dirname, 'scenarios', `${args.scenario}.js`);
  if (!file || !fs.existsSync(file)) {
    const known = fs.readdirSync(path.join(__dirname, 'scenarios')).map((f) => f.replace(/\.js$/, ''));
    console.error(`usage: run.js <scenario> [--app DIR] [--artifacts DIR] [--server BIN] [--fake-broker PY]; scenarios: ${known.join(', ')}`);
    return 2;
  }
  if (!fs.existsSync(path.join(args.app, 'stonks.wasm'))) {
    console.error(`run.js: no built app in ${args.app} (build the stonks_web target)`);
    return 2;
  }
  fs.mkdirSync(args.artifacts, { recursive: true });

  const server = await serve(args.app);
  const browsers = [];
  const desks = [];
  const t0 = Date.now();
  const t = {
    url: server.url,
    app: args.app,
    serverBinary: args.server,
    fakeBroker: args.fakeBroker,
    artifacts: args.artifacts,
    async launch(options) {
      const b = await launch(options);
      browsers.push(b);
      return b;
    },
    async newDesk(context) {
      const page = context.pages().find((p) => p.url() === 'about:blank') || await context.newPage();
      const desk = new DeskPage(page);
      desks.push(desk);
      return desk;
    },
    async step(name, fn) {
      const s = Date.now();
      await fn();
      console.log(`ok - ${name} (${Date.now() - s} ms)`);
    },
    check(condition, message) {
      if (!condition) throw new Error(message);
    },
  };

  let status = 0;
  try {
    await require(file)(t);
    for (const d of desks) {
      if (d.errors.length) throw new Error(`the page reported errors: ${d.errors.join(' | ')}`);
    }
    console.log(`PASS ${args.scenario} (${Date.now() - t0} ms)`);
  } catch (e) {
    status = 1;
    console.error(`FAIL ${args.scenario}: ${e.stack || e}`);
    for (const [i, d] of desks.entries()) {
      const shot = path.join(args.artifacts, `${args.scenario}-failure-${i + 1}.png`);
      await d.page.screenshot({ path: shot }).then(() => console.error(`  screenshot: ${shot}`), () => {});
      if (d.errors.length) console.error(`  page errors (tab ${i + 1}): ${d.errors.join(' | ')}`);
    }
  } finally {
    for (const b of browsers) await b.close().catch(() => {});
    server.stop();
  }
  return status;
}

main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(2); });
