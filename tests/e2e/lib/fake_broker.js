// The fake Alpaca broker (tests/broker/fake_alpaca.py) as a real process for
// the browser tests: python3 on an ephemeral 127.0.0.1 port, its control API
// (/_control/*, routes and JSON in fake_alpaca.py's docstring) and /v2 calls
// made with the keys, as someone trading at the broker directly would.
'use strict';
const { spawn } = require('child_process');
const http = require('http');

const START_TIMEOUT_MS = 10000;

class FakeBroker {
  // script: the path of fake_alpaca.py; keyId/secret: the keys it accepts.
  constructor(script, { keyId = 'fake-key-id', secret = 'fake-secret-key' } = {}) {
    this.script = script;
    this.keyId = keyId;
    this.secret = secret;
    this.child = null;
    this.port = 0;
    this.log = '';
  }

  get baseUrl() { return `http://127.0.0.1:${this.port}`; }

  // Resolves once it printed the port it listens on.
  start() {
    const args = ['-B', this.script, '--port', '0', '--key-id', this.keyId, '--secret', this.secret];
    const child = spawn('python3', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stderr.on('data', (chunk) => { this.log += chunk; });
    return new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`the fake broker did not start: ${out}${this.log}`)),
                               START_TIMEOUT_MS);
      child.on('error', (e) => { clearTimeout(timer); reject(e); });
      child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`the fake broker exited (${code}): ${this.log}`)); });
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const m = /fake-alpaca listening on 127\.0\.0\.1:(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          this.port = Number(m[1]);
          resolve();
        }
      });
    });
  }

  // SIGTERM; resolves when it has exited.
  stop() {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.removeAllListeners('exit');
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  // One request: {status, body (parsed JSON or null)}. `auth`: send the keys.
  request(method, target, body, { auth = false } = {}) {
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers = { 'Content-Length': Buffer.byteLength(text) };
    if (text) headers['Content-Type'] = 'application/json';
    if (auth) Object.assign(headers, { 'APCA-API-KEY-ID': this.keyId, 'APCA-API-SECRET-KEY': this.secret });
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

  // A control call's JSON answer; throws unless it answered 200.
  async control(method, target, body) {
    const r = await this.request(method, target, body);
    if (r.status !== 200) throw new Error(`fake broker ${method} ${target} answered ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  }

  // Every order the broker ever stored, oldest first: [{posts, order, fills, ...}].
  async orders() { return (await this.control('GET', '/_control/orders')).orders; }

  // The broker's own view: {account, positions, quotes, rate_limit, ...}.
  state() { return this.control('GET', '/_control/state'); }
}

module.exports = { FakeBroker };
