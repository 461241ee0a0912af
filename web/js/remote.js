// The page's side of a desk served by stonks-server (web/remote_host.h):
// whether the page came from one, the operator's token, and the fetch()
// behind HttpApiClient. The token lives in this tab's sessionStorage only
// (gone when the browser session ends) and only JavaScript holds it.
var StonksRemote = {
  active: false,
  token: null,
  tokenKey: 'stonks-oracle-token',

  // /healthz names the server: stonks-server, or scripts/serve.py for the sandbox.
  detect: function(onRemote, onSandbox) {
    fetch('/healthz', {cache: 'no-store'}).then(function(r) {
      return r.ok ? r.json() : null;
    }).then(function(j) {
      if (j && j.server === 'stonks-server') onRemote(); else onSandbox();
    }, onSandbox);
  },

  start: function() {
    StonksRemote.active = true;
    StonksHost.storageAnswered = true;  // nothing is stored in this browser
    var kept = null;
    try { kept = sessionStorage.getItem(StonksRemote.tokenKey); } catch (e) {}
    if (kept) return StonksRemote.connect(kept);
    StonksRemote.askToken('');
  },

  askToken: function(why) {
    StonksHost.phase = 'token';
    StonksOverlay.show({
      title: 'Sign in to stonks-server',
      text: (why ? why + ' ' : '') + 'Paste the token the server gave you (stonks-server token add NAME). ' +
            'It is kept in this tab until the browser session ends.',
      input: {id: 'token', label: 'Operator token', type: 'password'},
      actions: [{id: 'connect', label: 'Connect', run: function() {
        var token = document.getElementById('overlay-token').value.trim();
        if (!token) return StonksRemote.askToken('The token is empty.');
        StonksRemote.connect(token);
      }}]});
  },

  connect: function(token) {
    StonksRemote.token = token;
    try { sessionStorage.setItem(StonksRemote.tokenKey, token); } catch (e) {}
    StonksHost.phase = 'connecting';
    StonksOverlay.show({busy: true, title: 'Connecting to the server…', text: location.host});
    ccall('stonks_remote_start', null, ['string'], [location.host]);
  },

  // From RemoteHost::set_phase (through StonksHost.phaseChanged).
  phaseChanged: function(phase, detail) {
    if (phase === 'unauthorized') {
      try { sessionStorage.removeItem(StonksRemote.tokenKey); } catch (e) {}
      StonksRemote.askToken('The server refused the token (' + detail + ').');
    } else if (phase === 'connecting' && detail) {
      StonksOverlay.show({busy: true, title: 'Connecting to the server…',
                          text: 'No answer yet; retrying. ' + detail});
    }
  },

  // HttpApiClient::send: answers through stonks_http_done(id, status, body),
  // status 0 when no HTTP answer came.
  request: function(id, method, target, body) {
    var init = {method: method, cache: 'no-store', headers: {'Authorization': 'Bearer ' + StonksRemote.token}};
    if (body) {
      init.body = body;
      init.headers['Content-Type'] = 'application/json';
    }
    var done = function(status, text) {
      ccall('stonks_http_done', null, ['number', 'number', 'string'], [id, status, text]);
    };
    fetch(target, init).then(function(r) {
      return r.text().then(function(text) { done(r.status, text); });
    }).catch(function(err) { done(0, String(err && err.message || err)); });
  },
};

Module.stonksRemote = StonksRemote;
