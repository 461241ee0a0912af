// stonks-server as a real process for the browser tests: a fresh data dir,
// a fixed free port (so a restart comes back where the page looks), the
// admin token it prints on its first start, and HTTP calls with a token.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

class StonksServer {
  // binary: the stonks-server executable; app: the built browser app to serve;
  // args: more flags (e.g. a broker's); env: more environment (its keys).
  constructor(binary, app, { args = [], env = {} } = {}) {
    this.binary = binary;
    this.app = app;
    this.args = args;
    this.env = env;
    this.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stonks-e2e-server-'));
    this.child = null;
    this.token = null;
    this.port = 0;
    this.log = '';
  }

  get url() { return `http://127.0.0.1:${this.port}/`; }

  // Starts (or restarts on the same port and data dir); resolves once it listens.
  async start() {
    if (!this.port) this.port = await freePort();
    const args = ['--listen', `127.0.0.1:${this.port}`, '--data-dir', this.dataDir, '--app-dir', this.app,
                  ...this.args];
    const child = spawn(this.binary, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...this.env } });
    this.child = child;
    child.stderr.on('data', (chunk) => { this.log += chunk; });
    await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`stonks-server did not start: ${out}${this.log}`)), 30000);
      child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`stonks-server exited (${code}): ${this.log}`)); });
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const token = /admin token[^:]*: (\S+)/.exec(out);
        if (token) this.token = token[1];
        if (/listening on http:\/\/127\.0\.0\.1:\d+/.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    if (!this.token) throw new Error('stonks-server printed no admin token on its first start');
  }

  // SIGKILL: no snapshot, no flush beyond what was acknowledged.
  kill() {
    const child = this.child;
    this.child = null;
    if (!child) return Promise.resolve();
    return new Promise((resolve) => {
      child.removeAllListeners('exit');
      child.on('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async stop() {
    await this.kill();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  // One HTTP call with the admin token: {status, body (parsed JSON or null)}.
  request(method, target, body) {
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers = { Authorization: `Bearer ${this.token}`, 'Content-Length': Buffer.byteLength(text) };
    if (text) headers['Content-Type'] = 'application/json';
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: this.port, method, path: target, headers }, (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c) => { data += c; });
        res.on('end', () => resolve({ status: res.statusCode, body: data ? JSON.parse(data) : null }));
      });
      req.on('error', reject);
      req.end(text);
    });
  }
}

module.exports = { StonksServer };
