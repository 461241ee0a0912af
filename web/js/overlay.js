// The page's overlay (index.html #overlay): everything shown instead of the
// desk -- loading, another tab, a desk that moved, damage found on recovery.
var StonksOverlay = {
  // o: {title, text, detail, busy, actions: [{id, label, kind, run}]}
  show: function(o) {
    var el = function(id) { return document.getElementById(id); };
    el('overlay-spinner').hidden = !o.busy;
    el('overlay-title').textContent = o.title;
    el('overlay-text').textContent = o.text || '';
    el('overlay-detail').hidden = !o.detail;
    el('overlay-detail').textContent = o.detail || '';
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
    var first = actions.querySelector('button');
    if (first) first.focus();
  },
  hide: function() {
    document.getElementById('overlay').hidden = true;
    Module.canvas.focus();
  },
  visible: function() { return !document.getElementById('overlay').hidden; },
};
