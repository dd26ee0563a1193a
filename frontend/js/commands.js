// Commands an admin sends to a screen: `reload`, and `identify`, which shows
// the screen's name and location over the content for 10 s.

import { textElement } from "./renderers/dom.js";

export const IDENTIFY_MS = 10000;

// Returns true when the command was understood; unknown ones are ignored.
export function handleCommand(message, { reload, identify }) {
  switch (message && message.name) {
    case "reload":
      reload();
      return true;
    case "identify":
      identify(message.screen && typeof message.screen === "object" ? message.screen : null);
      return true;
    default:
      return false;
  }
}

function text(value) {
  return typeof value === "string" ? value : "";
}

export function createIdentifyOverlay(parent, { doc = parent.ownerDocument, timers = globalThis, ms = IDENTIFY_MS } = {}) {
  let el = null;
  let timer = null;

  function hide() {
    timers.clearTimeout(timer);
    timer = null;
    if (el) el.remove();
    el = null;
  }

  return {
    show(screen) {
      hide();
      el = doc.createElement("div");
      el.className = "identify";
      el.setAttribute("role", "status");
      el.appendChild(textElement(doc, "p", "identify__name", text(screen && screen.name)));
      const location = text(screen && screen.location);
      if (location) el.appendChild(textElement(doc, "p", "identify__location", location));
      parent.appendChild(el);
      timer = timers.setTimeout(hide, ms);
    },
    hide,
  };
}
