// window.stonks: what tests (tests/e2e) and the measurement script read and
// set. Reads are synchronous; api() goes through Sandbox::handle like the panel.
var StonksHooks = {
  readyResolve: null,
  install: function() {
    var json = function(fn) { return JSON.parse(ccall(fn, 'string', [], [])); };
    var api = function(method, path, body) {
      var text = body === undefined || body === null ? '' : (typeof body === 'string' ? body : JSON.stringify(body));
      var r = JSON.parse(ccall('stonks_api', 'string', ['string', 'string', 'string'], [method, path, text]));
      return {status: r.status, body: r.body ? JSON.parse(r.body) : null};
    };
    window.stonks = {
      // Resolves when the desk has drawn its first frame (never for a tab that is not the writer).
      ready: new Promise(function(resolve) { StonksHooks.readyResolve = resolve; }),
      isReady: false,
      firstFrameMs: null,  // performance.now() at the desk's first frame
      phase: function() { return StonksHost.phase; },
      host: function() { return json('stonks_host_json'); },
      frameCount: function() { return Module._stonks_frame_count(); },
      // Draws a few frames even if nothing changed (tests wait on frames).
      redraw: function() { Module._stonks_wake(); },
      stateJson: function() { return json('stonks_state_json'); },
      widgets: function() { return json('stonks_widgets_json'); },
      widgetRect: function(id) {
        return window.stonks.widgets().find(function(w) { return w.id === id; }) || null;
      },
      messages: function() { return json('stonks_messages_json'); },
      pendingCount: function() { return Module._stonks_pending_count(); },
      api: api,
      setSimSpeed: function(speed) { return api('PUT', '/api/sim', {speed: speed}); },
      setSimSeed: function(seed) { return api('PUT', '/api/sim', {seed: seed}); },
      // {state: 'off'|'saving'|'saved'|'failed', persistent} and a promise of a full save.
      persistence: function() {
        var h = window.stonks.host();
        return {state: h.persistence, detail: h.persistence_detail, persistent: h.storage_persistent};
      },
      storageAnswered: function() { return StonksHost.storageAnswered; },
      syncNow: function() { return StonksStore.sync().then(function(err) { return err ? String(err) : null; }); },
    };
  },
  deskDrawn: function() {
    window.stonks.isReady = true;
    window.stonks.firstFrameMs = performance.now();
    StonksHooks.readyResolve();
  },
};
StonksHooks.install();
