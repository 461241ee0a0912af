// The page's side of the host: JavaScript functions (web/js/library.js) the
// C++ host calls. Each returns at once; the page does the asynchronous part.
#pragma once

extern "C" {
// The C++ side is up (webgl2: the canvas has a WebGL2 context): the page
// starts the single-writer lock, mounts IDBFS and loads it, then calls
// stonks_open().
void stonks_js_started(int webgl2);
// Something committed: copy the IDBFS directory to IndexedDB soon (debounced).
void stonks_js_request_sync();
// The host's phase changed (the sandbox's "running", "corrupt", "failed",
// "moved"; a server desk's "connecting", "running", "unauthorized"), with the
// detail the page shows (a corruption's file and offset, why a token failed).
void stonks_js_phase_changed(const char* phase, const char* detail);
// The first frame of the desk was drawn (the page's ready promise, timings).
void stonks_js_first_desk_frame();
// HttpApiClient::send: fetch `target` ("/api/orders?status=open") with the
// operator's token; the page answers with stonks_http_done(id, status, body).
void stonks_js_http(unsigned id, const char* method, const char* target, const char* body);
// ImGui copied text (Ctrl+C in a field): to navigator.clipboard.
void stonks_js_copy_text(const char* text);
// The Replay pane's "Open CSV...": the page shows its file picker and hands
// the chosen file's name and text to stonks_csv_picked().
void stonks_js_pick_csv();
}
