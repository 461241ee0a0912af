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
  stonks_js_copy_text: function(text) {
    var s = UTF8ToString(text);
    if (navigator.clipboard) navigator.clipboard.writeText(s).catch(function() {});
  },
});
