// The screen's status report (docs/protocol.md, `status`): what it shows, how
// long it has run, how it survives going offline, and its last errors. Sent
// after `welcome`, every minute, and on every change, at most once per 5 s.

export const STATUS_EVERY_MS = 60000;
export const STATUS_MIN_GAP_MS = 5000;
export const MAX_ERRORS = 10;
export const MAX_ERROR_LENGTH = 200;

export function statusMessage({ client, slide, uptimeMs, resolution, userAgent, offlineCache, errors }) {
  return {
    type: "status",
    client,
    slide: slide === undefined ? null : slide,
    uptime: Math.max(0, Math.floor(uptimeMs / 1000)),
    resolution,
    user_agent: userAgent,
    offline_cache: offlineCache,
    errors: errors.slice(),
  };
}

function defaultClock() {
  return globalThis.performance.now(); // monotonic, from page load
}

function defaultResolution() {
  const s = globalThis.screen;
  return s ? `${s.width}x${s.height}` : "";
}

export function createStatus({
  send,
  client,
  timers = globalThis,
  clock = defaultClock, // ms since page load; also paces the sends, so a clock change cannot stall them
  wallClock = Date.now,
  resolution = defaultResolution(),
  userAgent = (globalThis.navigator && globalThis.navigator.userAgent) || "",
  offlineCache = () => "local-storage",
}) {
  let slide = null;
  const errors = [];
  let connected = false;
  let lastSentAt = null;
  let pending = null;
  let every = null;

  function sendNow() {
    timers.clearTimeout(pending);
    pending = null;
    lastSentAt = clock();
    send(statusMessage({ client, slide, uptimeMs: clock(), resolution, userAgent, offlineCache: offlineCache(), errors }));
  }

  function changed() {
    if (!connected || pending !== null) return;
    const wait = lastSentAt === null ? 0 : Math.min(STATUS_MIN_GAP_MS, lastSentAt + STATUS_MIN_GAP_MS - clock());
    if (wait <= 0) sendNow();
    else pending = timers.setTimeout(sendNow, wait);
  }

  return {
    // The socket reached `welcome`.
    connected() {
      this.disconnected();
      connected = true;
      sendNow();
      every = timers.setInterval(changed, STATUS_EVERY_MS); // the minute report keeps the 5 s gap too
    },
    disconnected() {
      connected = false;
      timers.clearTimeout(pending);
      timers.clearInterval(every);
      pending = every = null;
    },
    setSlide(id) {
      const next = id === undefined ? null : id;
      if (next === slide) return;
      slide = next;
      changed();
    },
    error(message) {
      errors.push({ at: new Date(wallClock()).toISOString(), message: String(message).slice(0, MAX_ERROR_LENGTH) });
      if (errors.length > MAX_ERRORS) errors.splice(0, errors.length - MAX_ERRORS);
      changed();
    },
    // Something else in the report changed (the offline mode).
    changed,
    get errors() {
      return errors.slice();
    },
  };
}
