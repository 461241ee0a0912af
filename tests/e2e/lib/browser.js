// Debian's chromium under playwright-core: the flags that work on these
// machines (shared/TOOLCHAIN.md), a fresh persistent profile per test so
// IndexedDB survives reloads within it, and the app served by scripts/serve.py.
'use strict';
const { chromium } = require('playwright-core');
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const CHROMIUM = process.env.STONKS_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--enable-unsafe-swiftshader',  // WebGL2 in software; --use-gl=swiftshader alone renders black
  // Background tabs must keep their timers: the second-tab test runs two at once.
  '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];
const REPO = path.resolve(__dirname, '..', '..', '..');

// Serves `dir` on a free port; resolves {url, stop()}.
function serve(dir) {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [path.join(REPO, 'scripts', 'serve.py'), dir, '--port', '0'],
                        { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`serve.py exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve({ url: line.trim(), stop: () => child.kill('SIGTERM') });
    });
  });
}

// A persistent context in a new temp profile; close() also deletes the profile.
async function launch({ viewport = { width: 1440, height: 900 }, deviceScaleFactor = 1 } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'stonks-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport, deviceScaleFactor,
  });
  return {
    context,
    profile,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

module.exports = { serve, launch, REPO, CHROMIUM_ARGS, CHROMIUM };
