// Input the GLFW emulation of Emscripten 3.1.6 misses or gets wrong: canvas
// size and devicePixelRatio, touch and pen as pointer events, paste, keys
// meant for the page's own buttons; and waking the desk's on-demand frames.
var StonksInput = {
  // Registered before main() runs, so before GLFW's own window listeners:
  // keys typed into the overlay's buttons (Tab, Enter, Backspace) stay the
  // page's, and GLFW's page-wide preventDefault of Tab never sees them.
  // Typing into the overlay's input still works (nothing prevents the
  // default); its Enter is the one key the page acts on.
  guardKeys: function() {
    ['keydown', 'keyup', 'keypress'].forEach(function(type) {
      window.addEventListener(type, function(e) {
        if (!StonksOverlay.visible()) return;
        e.stopImmediatePropagation();
        if (type === 'keydown' && e.key === 'Enter' && e.target.tagName === 'INPUT' && StonksOverlay.enterAction) {
          e.preventDefault();
          StonksOverlay.enterAction();
        }
      }, true);
    });
  },

  install: function() {
    var canvas = Module.canvas;
    var wake = function() { Module._stonks_wake(); };
    ['mousemove', 'mousedown', 'mouseup', 'wheel', 'keydown', 'keyup', 'keypress', 'focus', 'blur']
        .forEach(function(type) { window.addEventListener(type, wake, {capture: true, passive: true}); });
    canvas.addEventListener('mousedown', function() { canvas.focus(); });

    // Touch and pen: GLFW would click at the old mouse position; the desk
    // replays move, press, release one frame each (web/gl_window.h).
    ['touchstart', 'touchmove', 'touchend', 'touchcancel'].forEach(function(type) {
      window.addEventListener(type, function(e) {
        if (e.target !== canvas) return;
        e.preventDefault();  // no emulated mouse events either
        e.stopPropagation();
      }, {capture: true, passive: false});
    });
    var at = function(e) {
      var r = canvas.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    };
    canvas.addEventListener('pointerdown', function(e) {
      if (e.pointerType === 'mouse') return;
      canvas.focus();
      var p = at(e);
      Module._stonks_touch(p[0], p[1], 0);
      Module._stonks_touch(p[0], p[1], 1);
      canvas.setPointerCapture(e.pointerId);
    });
    canvas.addEventListener('pointermove', function(e) {
      if (e.pointerType === 'mouse' || !e.buttons) return;
      var p = at(e);
      Module._stonks_touch(p[0], p[1], 1);
    });
    ['pointerup', 'pointercancel'].forEach(function(type) {
      canvas.addEventListener(type, function(e) {
        if (e.pointerType === 'mouse') return;
        var p = at(e);
        Module._stonks_touch(p[0], p[1], 0);
      });
    });

    // Paste: GLFW's clipboard is empty; the text goes in as typed characters.
    window.addEventListener('paste', function(e) {
      if (StonksOverlay.visible() || !e.clipboardData) return;
      e.preventDefault();
      ccall('stonks_paste', null, ['string'], [e.clipboardData.getData('text/plain')]);
    });

    // Size and devicePixelRatio (zoom or another screen changes the ratio;
    // the media query notices moves that fire no resize).
    // The backing store is set here, not with glfwSetWindowSize: Emscripten's
    // GLFW asks for fullscreen instead when the size equals the screen's.
    var resize = function() {
      var ratio = window.devicePixelRatio || 1;
      var w = canvas.clientWidth, h = canvas.clientHeight;
      Browser.setCanvasSize(Math.round(w * ratio), Math.round(h * ratio));  // GLFW follows it
      Module._stonks_resize(w, h, ratio);
    };
    var watchRatio = function() {
      var mq = matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
      mq.addEventListener('change', function() { resize(); watchRatio(); }, {once: true});
    };
    window.addEventListener('resize', resize);
    resize();
    watchRatio();
  },
};
StonksInput.guardKeys();
