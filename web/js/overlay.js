// The page's overlay (index.html #overlay): everything shown instead of the
// desk -- loading, another tab, a desk that moved, damage found on recovery,
// the server's sign-in.
var StonksOverlay = {
  enterAction: null,  // what Enter in the overlay's input runs
  // o: {title, text, detail, busy, input: {id, label, type}, actions: [{id, label, kind, run}]}
  // An input is #overlay-<id>; Enter in it runs the first action.
  show: function(o) {
    var el = function(id) { return document.getElementById(id); };
    el('overlay-spinner').hidden = !o.busy;
    el('overlay-title').textContent = o.title;
    el('overlay-text').textContent = o.text || '';
    el('overlay-detail').hidden = !o.detail;
    el('overlay-detail').textContent = o.detail || '';
    var fields = el('overlay-fields');
    fields.textContent = '';
    var input = null;
    if (o.input) {
      var label = document.createElement('label');
      label.htmlFor = 'overlay-' + o.input.id;
      label.textContent = o.input.label;
      input = document.createElement('input');
      input.id = 'overlay-' + o.input.id;
      input.type = o.input.type || 'text';
      input.autocomplete = 'off';
      input.spellcheck = false;
      fields.appendChild(label);
      fields.appendChild(input);
    }
    fields.hidden = !input;
    // Key listeners never see the overlay's keys (StonksInput.guardKeys), so Enter is run from there.
    StonksOverlay.enterAction = input && o.actions && o.actions.length ? o.actions[0].run : null;
    var actions = el('overlay-actions');
    actions.textContent = '';
    (o.actions || []).forEach(function(a) {
      var b = document.createElement('button');
      b.id = 'overlay-' + a.id;
      b.textContent = a.label;
      if (a.kind) b.className = a.kind;
      b.addEventListener('click', a.run);
      actions.appendChild(b);
    });
    el('overlay').hidden = false;
    var first = input || actions.querySelector('button');
    if (first) first.focus();
  },
  hide: function() {
    document.getElementById('overlay').hidden = true;
    Module.canvas.focus();
  },
  visible: function() { return !document.getElementById('overlay').hidden; },
};
