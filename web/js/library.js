// C++ -> page calls (declared in web/js_bridge.h); the page logic is in host.js.
mergeInto(LibraryManager.library, {
  stonks_js_started: function(webgl2) { Module.stonksHost.started(!!webgl2); },
  stonks_js_request_sync: function() { Module.stonksHost.requestSync(); },
  stonks_js_phase_changed: function(phase, detail) {
    Module.stonksHost.phaseChanged(UTF8ToString(phase), UTF8ToString(detail));
  },
  stonks_js_first_desk_frame: function() { Module.stonksHost.firstDeskFrame(); },
  stonks_js_http: function(id, method, target, body) {
    Module.stonksRemote.request(id, UTF8ToString(method), UTF8ToString(target), UTF8ToString(body));
  },
  // A hidden <input type=file> (made once per picker): the chosen file's
  // text goes to the heap through malloc, not ccall's stack (a CSV or an
  // export may be megabytes), then to `picked(name, text)`.
  $stonksPickFile__deps: ['malloc', 'free'],
  $stonksPickFile: function(id, accept, picked) {
    var input = document.getElementById(id);
    if (!input) {
      input = document.createElement('input');
      input.type = 'file';
      input.id = id;
      input.accept = accept;
      input.style.display = 'none';
      input.addEventListener('change', function() {
        var file = input.files && input.files[0];
        if (!file) return;
        file.text().then(function(text) {
          var put = function(s) {
            var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
            stringToUTF8(s, p, n);
            return p;
          };
          var name = put(file.name), body = put(text);
          picked(name, body);
          _free(name);
          _free(body);
          input.value = '';  // the same file again is a new pick
        });
      });
      document.body.appendChild(input);
    }
    input.click();
  },
  stonks_js_pick_csv__deps: ['$stonksPickFile'],
  stonks_js_pick_csv: function() {
    stonksPickFile('stonks-csv-picker', '.csv,text/csv,text/plain',
                   function(name, text) { Module._stonks_csv_picked(name, text); });
  },
  stonks_js_pick_import__deps: ['$stonksPickFile'],
  stonks_js_pick_import: function() {
    stonksPickFile('stonks-import-picker', '.json,application/json',
                   function(name, text) { Module._stonks_import_picked(name, text); });
  },
  // The layout lives under one key; a browser refusing storage keeps none.
  stonks_js_load_settings__deps: ['malloc'],
  stonks_js_load_settings: function() {
    var s = '';
    try { s = localStorage.getItem('stonks.desk.layout') || ''; } catch (e) {}
    var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
  },
  stonks_js_save_settings: function(ini) {
    try { localStorage.setItem('stonks.desk.layout', UTF8ToString(ini)); } catch (e) {}
  },
  // A Blob behind a temporary link with a download name: the browser saves it.
  stonks_js_save_file: function(name, text) {
    var file = UTF8ToString(name);
    var blob = new Blob([UTF8ToString(text)], {type: /\.json$/.test(file) ? 'application/json' : 'text/csv'});
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = file;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function() { URL.revokeObjectURL(a.href); }, 60000);
  },
  // A short tone per alert kind (Web Audio); browsers allow sound only
  // after the page had a click or a key, which an operator's desk has.
  stonks_js_play_tone: function(kind) {
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return;
    if (!Module.stonksAudio) Module.stonksAudio = new Ctx();
    var ctx = Module.stonksAudio;
    if (ctx.state === 'suspended') ctx.resume();
    var hz = [880, 660, 520, 440, 330][kind] || 600;  // AlertKind's order: higher for what needs the operator
    var osc = ctx.createOscillator();
    var gain = ctx.createGain();
    osc.frequency.value = hz;
    gain.gain.setValueAtTime(0.0001, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.2, ctx.currentTime + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.25);
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.3);
    Module.stonksTones = (Module.stonksTones || 0) + 1;  // what the tests count
  },
  // A system notification, only while the tab is hidden and where the user
  // allowed them.
  stonks_js_notify: function(text) {
    if (!document.hidden || !window.Notification || Notification.permission !== 'granted') return;
    new Notification('stonks-oracle', {body: UTF8ToString(text), tag: 'stonks-alert'});
  },
  stonks_js_ask_notify_permission: function() {
    if (window.Notification && Notification.permission === 'default') Notification.requestPermission();
  },
  stonks_js_copy_text: function(text) {
    var s = UTF8ToString(text);
    Module.stonksLastCopy = s;  // what the tests read back (the clipboard itself needs a permission)
    if (navigator.clipboard) navigator.clipboard.writeText(s).catch(function() {});
  },
});
