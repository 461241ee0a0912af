// The page's side of the desk host: Module setup, the tab's phase (who
// writes, what the overlay says) and the calls web/js_bridge.h declares.
// Phases: loading -> detecting, then for the sandbox locking -> elsewhere |
// opening -> loaded -> running | corrupt | failed -> moving -> moved ->
// locking ...; for a server's desk (web/js/remote.js) token -> connecting ->
// running | unauthorized -> token ...
Module.canvas = document.getElementById('canvas');
Module.print = function(text) { console.log(text); };
Module.printErr = function(text) { console.error(text); };

var StonksHost = {
  phase: 'loading',
  handOverAsked: false,  // asked while still opening: hand over once open

  // main() ran: the window exists (or WebGL2 failed after all).
  started: function(webgl2) {
    if (!webgl2) {
      StonksOverlay.show({title: 'This browser cannot show the desk',
                          text: 'Creating a WebGL2 context failed. Try enabling hardware acceleration.'});
      return;
    }
    StonksInput.install();
    StonksHost.phase = 'detecting';
    StonksRemote.detect(StonksRemote.start, StonksHost.startSandbox);
  },

  // Served by scripts/run (not stonks-server): this tab runs the paper sandbox.
  startSandbox: function() {
    StonksWriter.onHandOverAsked(StonksHost.handOver);
    document.addEventListener('visibilitychange', function() {
      if (document.visibilityState === 'hidden') StonksHost.saveNow();
    });
    window.addEventListener('pagehide', StonksHost.saveNow);
    StonksHost.askPersistentStorage();
    StonksHost.takeLock(false);
  },

  takeLock: function(wait) {
    StonksHost.phase = 'locking';
    StonksOverlay.show({busy: true, title: wait ? 'Taking over the desk…' : 'Opening the desk…',
                        text: wait ? 'Waiting for the other tab to save and hand over.' : ''});
    StonksWriter.acquire(wait, StonksHost.openStore, StonksHost.showElsewhere);
  },

  showElsewhere: function() {
    StonksHost.phase = 'elsewhere';
    StonksOverlay.show({
      title: 'stonks-oracle is open in another tab',
      text: 'Only one tab at a time runs the desk and saves it, so this tab shows nothing and changes nothing. ' +
            'Taking over here saves and stops the other tab first.',
      actions: [{id: 'take-over', label: 'Take over here', run: function() {
        StonksWriter.askHandOver();
        StonksHost.takeLock(true);
      }}]});
  },

  // This tab is the writer: load IndexedDB, then open the engine over it.
  openStore: function() {
    StonksHost.phase = 'opening';
    StonksStore.load().then(function() {
      StonksHost.phase = 'loaded';
      if (StonksHost.handOverAsked) return StonksHost.handOver();
      Module._stonks_open();  // phaseChanged() follows
    }, function(err) {
      StonksHost.phaseChanged('failed', 'Loading from IndexedDB failed: ' + (err.message || err));
    });
  },

  // From DeskHost::set_phase (RemoteHost::set_phase for a server's desk).
  phaseChanged: function(phase, detail) {
    StonksHost.phase = phase;
    if (StonksRemote.active) {
      if (phase === 'running') StonksOverlay.hide(); else StonksRemote.phaseChanged(phase, detail);
      return;
    }
    if (phase === 'running') {
      StonksOverlay.hide();
    } else if (phase === 'corrupt') {
      StonksHost.showCorrupt(detail);
    } else if (phase === 'failed') {
      StonksOverlay.show({title: 'The desk could not open its saved data', detail: detail,
                          text: 'Nothing was changed or deleted.',
                          actions: [{id: 'retry', label: 'Try again', run: StonksHost.openStore}]});
    } else if (phase === 'moved') {
      StonksOverlay.show({title: 'The desk moved to another tab',
                          text: 'This tab saved its work and stopped; the other tab runs the desk now.',
                          actions: [{id: 'take-back', label: 'Take it back here', run: function() {
                            StonksWriter.askHandOver();
                            StonksHost.takeLock(true);
                          }}]});
    }
  },

  // Recovery found damage: never start empty over it; a reset needs a second click.
  showCorrupt: function(detail) {
    StonksOverlay.show({
      title: 'The saved desk is damaged',
      text: 'Recovery stopped at the place below, and nothing was changed. Resetting the sandbox deletes ' +
            'every saved order, approval, lockout and setting in this browser and starts fresh.',
      detail: detail,
      actions: [{id: 'reset', label: 'Reset sandbox…', kind: 'danger', run: function() {
        StonksOverlay.show({
          title: 'Delete the saved desk?',
          text: 'This cannot be undone. The damaged data is deleted and a fresh sandbox starts.',
          detail: detail,
          actions: [{id: 'reset-confirm', label: 'Delete everything and start fresh', kind: 'danger', run: function() {
                       StonksStore.wipe().then(function() { Module._stonks_open(); });
                     }},
                    {id: 'reset-cancel', label: 'Cancel', kind: 'quiet', run: function() {
                       StonksHost.showCorrupt(detail);
                     }}]});
      }}]});
  },

  // Another tab asked for the desk: save, stop, then let go of the lock.
  handOver: function() {
    if (StonksHost.phase === 'opening') {
      StonksHost.handOverAsked = true;
      return;
    }
    if (!StonksWriter.holding() || ['running', 'corrupt', 'failed', 'loaded'].indexOf(StonksHost.phase) < 0) return;
    StonksHost.handOverAsked = false;
    StonksHost.phase = 'moving';
    Module._stonks_release();  // snapshot and close; phaseChanged('moved') follows
    StonksStore.sync().then(StonksWriter.release);
  },

  saveNow: function() {
    Module._stonks_save_layout();  // the layout too, on a server's desk as well
    if (StonksHost.phase !== 'running') return;
    Module._stonks_snapshot();
    StonksStore.sync();
  },

  storageAnswered: false,
  askPersistentStorage: function() {
    var answer = function(granted) {
      StonksHost.storageAnswered = true;
      Module._stonks_storage_persistent(granted ? 1 : 0);
    };
    if (!navigator.storage || !navigator.storage.persist) return answer(false);
    navigator.storage.persisted().then(function(already) {
      return already || navigator.storage.persist();
    }).then(answer, function() { answer(false); });
  },

  requestSync: function() { StonksStore.requestSync(); },
  firstDeskFrame: function() { StonksHooks.deskDrawn(); },
};

Module.stonksHost = StonksHost;
