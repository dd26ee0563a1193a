// The emergency status page: "acknowledged by N of M" and the missing screens, re-read every second.
// Screen names are written with textContent: they are user text.
(function () {
  "use strict";
  var section = document.querySelector("[data-emergency-status]");
  if (!section) return;
  var summary = section.querySelector("[data-emergency-summary]");
  var missing = section.querySelector("[data-emergency-missing]");
  var wasActive = section.dataset.active === "true";

  function item(text) {
    var li = document.createElement("li");
    li.textContent = text;
    return li;
  }

  function show(status) {
    summary.textContent = status.summary;
    var items = status.missing.map(function (s) { return item(s.name + " — " + s.location + " — " + s.state); });
    if (status.not_listed) items.push(item(status.not_listed));
    if (status.none_missing) items.push(item(status.none_missing));
    missing.replaceChildren.apply(missing, items);
    // Ended elsewhere (another admin): the page shows who ended it and drops the End button.
    if (wasActive && !status.active) window.location.reload();
  }

  function poll() {
    fetch(section.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) { if (status) show(status); })
      .catch(function () {}) // the next poll tries again
      .then(function () { setTimeout(poll, Number(section.dataset.pollMs) || 1000); });
  }

  setTimeout(poll, Number(section.dataset.pollMs) || 1000);
})();
