// Emergency messages: shown at once over everything on the screen, kept in storage so a
// screen that reboots during one shows it before it is even connected, and acknowledged
// to the server only once the browser has painted it. The player keeps running underneath
// (main.js leaves that time out of proof of play), so ending the message uncovers the
// current slide at once, without a blank frame.

import { textElement } from "./renderers/dom.js";
import { strings } from "./strings.js";

export function isEmergency(message) {
  return Boolean(message) && Number.isInteger(message.id) && message.id > 0 &&
    typeof message.heading === "string" && typeof message.text === "string";
}

// Calls fn once the current DOM change is on screen: a frame callback runs before its
// paint, so the one after it runs once that frame was painted.
export function afterPaint(fn, raf = (cb) => globalThis.requestAnimationFrame(cb)) {
  raf(() => raf(fn));
}

export function createEmergencyOverlay(parent, {
  store,
  doc = parent.ownerDocument,
  label = strings.emergency,
  onAck = () => {}, // (id) the message is on screen
  onCover = () => {}, // (true) the screen's content is covered from now on, (false) uncovered
  paint = afterPaint,
} = {}) {
  let shown = store.getEmergencies(); // oldest first; the newest is on screen
  let el = null;

  function build(message) {
    const overlay = doc.createElement("div");
    overlay.className = "emergency";
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("data-emergency-id", String(message.id));
    const box = doc.createElement("div");
    box.className = "emergency__box";
    box.appendChild(textElement(doc, "p", "emergency__label", label));
    box.appendChild(textElement(doc, "h1", "emergency__heading", message.heading));
    if (message.text) box.appendChild(textElement(doc, "p", "emergency__text", message.text));
    overlay.appendChild(box);
    return overlay;
  }

  function render() {
    const newest = shown[shown.length - 1];
    const old = el;
    if (newest && old && old.getAttribute("data-emergency-id") === String(newest.id)) return;
    if (newest && !old) onCover(true);
    el = newest ? parent.appendChild(build(newest)) : null; // on top of the old one, then the old one goes
    if (old) old.remove();
    if (!newest && old) onCover(false);
  }

  function keep(next) {
    shown = next;
    store.setEmergencies(shown);
    render();
  }

  render();

  return {
    // Shows a message (again, after a reconnect: then it is acknowledged again, which the server ignores).
    show(message) {
      if (!isEmergency(message)) return false;
      const { id, heading, text } = message;
      if (!shown.some((entry) => entry.id === id)) keep(shown.concat({ id, heading, text }));
      paint(() => onAck(id));
      return true;
    },
    end(id) {
      if (shown.some((entry) => entry.id === id)) keep(shown.filter((entry) => entry.id !== id));
    },
    clear() {
      if (shown.length) keep([]);
    },
    get ids() {
      return shown.map((entry) => entry.id);
    },
  };
}
