// One writer across tabs: the tab holding the Web Lock owns the store; others
// ask it to hand over on a BroadcastChannel and get the lock only after the
// holder has saved and stopped.
var StonksWriter = {
  kLock: 'stonks-oracle-writer',
  channel: typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('stonks-oracle') : null,
  releaseLock: null,  // resolves the held lock's promise

  // Calls onAcquired once this tab is the writer, or onBusy when another tab
  // is and wait is false. With wait, queues until the holder releases.
  acquire: function(wait, onAcquired, onBusy) {
    if (!navigator.locks) {  // no Web Locks (an old browser): one tab assumed
      onAcquired();
      return;
    }
    navigator.locks.request(StonksWriter.kLock, wait ? {} : {ifAvailable: true}, function(lock) {
      if (!lock) {
        onBusy();
        return undefined;
      }
      return new Promise(function(resolve) {
        StonksWriter.releaseLock = resolve;
        onAcquired();
      });
    });
  },

  release: function() {
    if (!StonksWriter.releaseLock) return;
    StonksWriter.releaseLock();
    StonksWriter.releaseLock = null;
  },

  holding: function() { return StonksWriter.releaseLock !== null || !navigator.locks; },

  askHandOver: function() {
    if (StonksWriter.channel) StonksWriter.channel.postMessage({type: 'take-over'});
  },

  onHandOverAsked: function(handler) {
    if (!StonksWriter.channel) return;
    StonksWriter.channel.addEventListener('message', function(e) {
      if (e.data && e.data.type === 'take-over') handler();
    });
  },
};
