// IndexedDB under the desk's files: IDBFS mounted at /stonks, loaded before
// the engine opens, saved after commits (debounced) and on demand. One sync
// at a time; a request during a sync queues exactly one more.
var StonksStore = {
  kDebounceMs: 250,  // with a sync's own time: about half a second behind at most
  mounted: false,
  chain: Promise.resolve(),
  queued: null,  // a sync waiting for the running one
  timer: null,

  // IndexedDB -> /stonks. Resolves once the files are there.
  load: function() {
    if (!StonksStore.mounted) {
      FS.mkdir('/stonks');
      FS.mount(IDBFS, {}, '/stonks');
      StonksStore.mounted = true;
    }
    return new Promise(function(resolve, reject) {
      FS.syncfs(true, function(err) { err ? reject(err) : resolve(); });
    });
  },

  // A commit happened: save soon.
  requestSync: function() {
    if (StonksStore.timer !== null || StonksStore.queued) return;
    StonksStore.timer = setTimeout(function() {
      StonksStore.timer = null;
      StonksStore.sync();
    }, StonksStore.kDebounceMs);
  },

  // /stonks -> IndexedDB now. Resolves with null or the error.
  sync: function() {
    if (StonksStore.queued) return StonksStore.queued;
    var run = StonksStore.chain.then(function() {
      StonksStore.queued = null;
      StonksStore.report(1, '');
      return new Promise(function(resolve) {
        FS.syncfs(false, function(err) {
          StonksStore.report(err ? 3 : 2, err ? 'IndexedDB: ' + (err.message || err) : 'this browser (IndexedDB)');
          resolve(err || null);
        });
      });
    });
    StonksStore.queued = run;
    StonksStore.chain = run;
    return run;
  },

  // Deletes the desk's files (the operator confirmed a reset over damage) and saves that.
  wipe: function() {
    ['/stonks/journal', '/stonks/desk'].forEach(function(dir) {
      var names = [];
      try { names = FS.readdir(dir); } catch (e) { return; }
      names.forEach(function(n) { if (n !== '.' && n !== '..') FS.unlink(dir + '/' + n); });
    });
    return StonksStore.sync();
  },

  // 1 saving, 2 saved, 3 failed: what the desk shows (web/exports.cc).
  report: function(code, detail) {
    StonksStore.status = {1: 'saving', 2: 'saved', 3: 'failed'}[code];
    ccall('stonks_sync_status', null, ['number', 'string'], [code, detail]);
  },
  status: 'off',
};
