// Proof of play: one event per slide shown, kept in localStorage until the
// server acknowledges it, so none is lost offline or across a reload. The
// server dedupes by id, so sending an event twice is harmless.

export const PLAYED_KEY = "infoscreen.played";
export const PLAYED_CAP = 5000;
export const PLAYED_BATCH = 100;
export const PLAYED_EVERY_MS = 30000;
// Up to this many events the buffer is written at every change; a larger one (a screen long offline)
// at most every WRITE_EVERY_MS, and when the page goes away: rewriting half a megabyte per slide
// costs more than the few seconds a power cut could lose.
export const WRITE_AT_ONCE_UP_TO = 200;
export const WRITE_EVERY_MS = 10000;

function defaultStorage() {
  try {
    return globalThis.localStorage || null;
  } catch {
    return null;
  }
}

function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function randomId(cryptoImpl = globalThis.crypto) {
  const bytes = new Uint8Array(16);
  if (cryptoImpl && cryptoImpl.getRandomValues) cryptoImpl.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  return hex(bytes);
}

export function playedEvent({ slide, startedAt, endedAt }, id) {
  return {
    id,
    slide,
    started_at: new Date(startedAt).toISOString(),
    duration: Math.round(Math.max(0, endedAt - startedAt) / 100) / 10,
  };
}

export function createPlayedLog({
  storage = defaultStorage(), cap = PLAYED_CAP, newId = randomId, log = console, timers = globalThis,
} = {}) {
  let events = read();
  let writeLater = null;

  function read() {
    try {
      const parsed = JSON.parse((storage && storage.getItem(PLAYED_KEY)) || "[]");
      return Array.isArray(parsed) ? parsed.filter((e) => e && typeof e.id === "string") : [];
    } catch {
      return []; // unreadable: start over rather than never record again
    }
  }

  function changed() {
    if (events.length <= WRITE_AT_ONCE_UP_TO) write();
    else if (writeLater === null) writeLater = timers.setTimeout(write, WRITE_EVERY_MS);
  }

  function write() {
    timers.clearTimeout(writeLater);
    writeLater = null;
    try {
      if (!storage) return;
      if (events.length === 0) storage.removeItem(PLAYED_KEY);
      else storage.setItem(PLAYED_KEY, JSON.stringify(events));
    } catch (err) {
      log.warn("cannot keep played events", err); // they live on in memory
    }
  }

  return {
    record(play) {
      events.push(playedEvent(play, newId()));
      if (events.length > cap) events.splice(0, events.length - cap);
      changed();
    },
    batch(size = PLAYED_BATCH) {
      return events.slice(0, size);
    },
    ack(ids) {
      const done = new Set(ids);
      const before = events.length;
      events = events.filter((e) => !done.has(e.id));
      if (events.length !== before) changed();
    },
    clear() {
      events = [];
      write();
    },
    // Writes what is not yet written (the page is going away).
    flush() {
      if (writeLater !== null) write();
    },
    get size() {
      return events.length;
    },
  };
}

// Sends the buffer while connected: a batch after `welcome` and every 30 s,
// and the next batch as soon as the previous one is fully acknowledged.
export function createPlayedSender({ buffer, send, timers = globalThis, everyMs = PLAYED_EVERY_MS, batchSize = PLAYED_BATCH }) {
  let every = null;
  let inFlight = new Set();

  function flush() {
    const batch = buffer.batch(batchSize);
    inFlight = new Set(batch.map((e) => e.id));
    if (batch.length > 0) send({ type: "played", events: batch });
  }

  return {
    start() {
      this.stop();
      flush();
      every = timers.setInterval(flush, everyMs);
    },
    stop() {
      timers.clearInterval(every);
      every = null;
      inFlight = new Set();
    },
    acked(ids) {
      const list = Array.isArray(ids) ? ids.filter((id) => typeof id === "string") : [];
      buffer.ack(list);
      for (const id of list) inFlight.delete(id);
      if (every !== null && list.length > 0 && inFlight.size === 0 && buffer.size > 0) flush();
    },
  };
}
