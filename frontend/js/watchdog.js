// A classic script, run before the modules: if they never start (a cache left
// half-updated, a syntax this browser lacks), reload rather than stay black.
(function () {
  var WAIT_MS = 60000;
  setTimeout(function () {
    if (!window.infoscreenStarted) window.location.reload();
  }, WAIT_MS);
})();
