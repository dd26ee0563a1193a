// A connection wired to fakes, shared by the connection test files.

import { createConnection } from "../js/connection.js";
import { createStore } from "../js/store.js";
import { FakeTimers, FakeStorage, makeFakeWebSocket, quietLog } from "./fakes.js";
import { slidesManifest } from "./manifests.js";

export const MANIFEST = slidesManifest("v1", []);

// A connection wired to fakes; `random` defaults to the top of each backoff window.
export function setup({ storage = new FakeStorage(), random = () => 0.999, now, firstConnectSpreadMs = 0, log = quietLog } = {}) {
  const timers = new FakeTimers();
  const { FakeWebSocket, sockets } = makeFakeWebSocket();
  const events = [];
  const handler = (name) => (arg) => events.push([name, arg]);
  const reloads = [];
  const conn = createConnection({
    store: createStore(storage, quietLog),
    url: "ws://screens.test/ws/screen/",
    WebSocket: FakeWebSocket,
    timers,
    random,
    firstConnectSpreadMs,
    now: now || (() => timers.now),
    reload: () => reloads.push(timers.now),
    log,
    handlers: Object.fromEntries(["pairingCode", "paired", "welcome", "manifest", "unpaired", "disconnected", "command", "playedAck", "emergency", "emergencyEnd", "theme", "campaigns"].map((n) => [n, handler(n)])),
  });
  const latest = () => sockets[sockets.length - 1];
  return { conn, timers, sockets, latest, events, storage, reloads };
}
