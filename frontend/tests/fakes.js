// Test doubles: virtual timers, a scriptable WebSocket, a tiny DOM, storage.

export class FakeTimers {
  constructor() {
    this.now = 0;
    this.nextId = 1;
    this.pending = new Map(); // id -> {at, fn, every}
    this.log = []; // every delay ever requested, in order
  }
  setTimeout(fn, ms = 0) {
    return this.add(fn, ms, null);
  }
  setInterval(fn, ms) {
    return this.add(fn, ms, ms);
  }
  add(fn, ms, every) {
    const id = this.nextId++;
    this.log.push({ id, ms, fn, every });
    this.pending.set(id, { at: this.now + ms, fn, every });
    return id;
  }
  clearTimeout(id) {
    this.pending.delete(id);
  }
  clearInterval(id) {
    this.pending.delete(id);
  }
  // Runs due timers in time order until `ms` of virtual time have passed.
  tick(ms) {
    const end = this.now + ms;
    for (;;) {
      let next = null;
      for (const [id, t] of this.pending) if (t.at <= end && (!next || t.at < next[1].at)) next = [id, t];
      if (!next) break;
      const [id, t] = next;
      this.now = t.at;
      if (t.every === null) this.pending.delete(id);
      else t.at += t.every;
      t.fn();
    }
    this.now = end;
  }
  lastDelay() {
    return this.log[this.log.length - 1].ms;
  }
}

export function makeFakeWebSocket() {
  const sockets = [];
  class FakeWebSocket {
    constructor(url) {
      this.url = url;
      this.sent = [];
      this.closedWith = null;
      sockets.push(this);
    }
    send(data) {
      this.sent.push(JSON.parse(data));
    }
    close(code) {
      this.closedWith = code;
    }
    // Server side of the script:
    open() {
      this.onopen && this.onopen({});
    }
    receive(message) {
      this.onmessage && this.onmessage({ data: typeof message === "string" ? message : JSON.stringify(message) });
    }
    serverClose(code) {
      this.onclose && this.onclose({ code });
    }
  }
  return { FakeWebSocket, sockets };
}

export class FakeStorage {
  constructor(entries = {}) {
    this.map = new Map(Object.entries(entries));
  }
  getItem(key) {
    return this.map.has(key) ? this.map.get(key) : null;
  }
  setItem(key, value) {
    this.map.set(key, String(value));
  }
  removeItem(key) {
    this.map.delete(key);
  }
}

export const quietLog = { info() {}, warn() {}, error() {} };

// An element's inline style: custom properties only.
export class FakeStyle {
  constructor() {
    this.properties = new Map();
  }
  setProperty(name, value) {
    this.properties.set(name, String(value));
  }
  removeProperty(name) {
    this.properties.delete(name);
  }
  getPropertyValue(name) {
    return this.properties.get(name) || "";
  }
}

class FakeElement {
  constructor(doc, tagName) {
    this.ownerDocument = doc;
    this.style = new FakeStyle();
    this.tagName = tagName.toUpperCase();
    this.className = "";
    this.attributes = new Map();
    this.children = [];
    this.parentNode = null;
    this.innerHTMLWrites = [];
    this._text = "";
    this.listeners = new Map(); // event name -> Set of functions
  }
  addEventListener(name, fn) {
    if (!this.listeners.has(name)) this.listeners.set(name, new Set());
    this.listeners.get(name).add(fn);
  }
  removeEventListener(name, fn) {
    if (this.listeners.has(name)) this.listeners.get(name).delete(fn);
  }
  dispatch(name) {
    for (const fn of Array.from(this.listeners.get(name) || [])) fn({ type: name });
  }
  get id() {
    return this.getAttribute("id") || "";
  }
  set id(value) {
    this.setAttribute("id", value);
  }
  setAttribute(name, value) {
    this.attributes.set(name, String(value));
  }
  getAttribute(name) {
    return this.attributes.has(name) ? this.attributes.get(name) : null;
  }
  appendChild(child) {
    if (child.parentNode) child.remove();
    child.parentNode = this;
    this.children.push(child);
    this.ownerDocument.mutations.push({ op: "append", parent: this, child });
    return child;
  }
  remove() {
    const parent = this.parentNode;
    if (!parent) return;
    parent.children = parent.children.filter((c) => c !== this);
    this.parentNode = null;
    this.ownerDocument.mutations.push({ op: "remove", parent, child: this });
  }
  // Connected when its topmost ancestor is the document's body.
  get isConnected() {
    let node = this;
    while (node.parentNode) node = node.parentNode;
    return node === this.ownerDocument.body;
  }
  get textContent() {
    return this._text + this.children.map((c) => c.textContent).join("");
  }
  set textContent(value) {
    this.children = [];
    this._text = String(value);
  }
  set innerHTML(value) {
    this.innerHTMLWrites.push(value);
    this._text = "";
    this.children = [];
  }
  matches(selector) {
    if (selector.startsWith("#")) return this.id === selector.slice(1);
    if (selector.startsWith(".")) return this.className.split(" ").includes(selector.slice(1));
    return this.tagName === selector.toUpperCase();
  }
  querySelectorAll(selector) {
    const found = [];
    for (const child of this.children) {
      if (child.matches(selector)) found.push(child);
      found.push(...child.querySelectorAll(selector));
    }
    return found;
  }
  querySelector(selector) {
    return this.querySelectorAll(selector)[0] || null;
  }
}

// The element and everything under it, in document order.
export function allElements(el) {
  return [el, ...el.children.flatMap(allElements)];
}

// A <video> whose playback a test scripts: progress(), end(), fail(code).
class FakeVideo extends FakeElement {
  constructor(doc) {
    super(doc, "video");
    this.muted = false;
    this.currentTime = 0;
    this.duration = NaN;
    this.error = null;
    this.readyState = 0;
    this.plays = 0;
    this.paused = true;
    this.refuseSound = false; // play() with sound is refused, as by the autoplay policy
  }
  play() {
    this.plays += 1;
    if (this.refuseSound && !this.muted) {
      const refusal = new Error("play() failed because the user didn't interact with the document first.");
      refusal.name = "NotAllowedError";
      return Promise.reject(refusal);
    }
    this.paused = false;
    return Promise.resolve();
  }
  pause() {
    this.paused = true;
  }
  load(seconds) {
    this.duration = seconds;
    this.readyState = 4;
    this.dispatch("durationchange");
    this.dispatch("loadeddata");
  }
  progress(seconds) {
    this.currentTime += seconds;
    this.dispatch("timeupdate");
  }
  end() {
    this.paused = true;
    this.dispatch("ended");
  }
  fail(code) {
    this.error = { code };
    this.dispatch("error");
  }
}

export class FakeDocument {
  constructor() {
    this.mutations = [];
    this.body = new FakeElement(this, "body");
  }
  createElement(tagName) {
    return tagName === "video" ? new FakeVideo(this) : new FakeElement(this, tagName);
  }
}

export const flush = () => new Promise((resolve) => setImmediate(resolve));
