import { test } from "node:test";
import assert from "node:assert/strict";
import { createConnection, socketUrl } from "../js/connection.js";
import { createStore, TOKEN_KEY, MANIFEST_KEY } from "../js/store.js";
import { FakeTimers, FakeStorage, makeFakeWebSocket, quietLog } from "./fakes.js";
import { setup, MANIFEST } from "./connection-harness.js";

test("the URL follows the page's scheme and host", () => {
  assert.equal(socketUrl({ protocol: "https:", host: "tv.example.org" }), "wss://tv.example.org/ws/screen/");
  assert.equal(socketUrl({ protocol: "http:", host: "localhost:8000" }), "ws://localhost:8000/ws/screen/");
});

test("a new screen says hello without a token and gets a pairing code", () => {
  const { conn, latest, events } = setup();
  conn.start();
  latest().open();
  assert.deepEqual(latest().sent, [{ type: "hello", protocol: 1, client: "0.4.0" }]);
  latest().receive({ type: "pairing.code", code: "H7KQ3M", expires_at: "2099-01-01T00:00:00Z" });
  assert.deepEqual(events, [["pairingCode", { code: "H7KQ3M", expiresAt: "2099-01-01T00:00:00Z" }]]);
});

test("a paired screen sends its token and the cached manifest version", () => {
  const storage = new FakeStorage({ [TOKEN_KEY]: "tok", [MANIFEST_KEY]: JSON.stringify(MANIFEST) });
  const { conn, latest } = setup({ storage });
  conn.start();
  assert.equal(latest().url, "ws://screens.test/ws/screen/");
  latest().open();
  assert.deepEqual(latest().sent, [{ type: "hello", protocol: 1, token: "tok", version: "v1", client: "0.4.0" }]);
});

test("paired stores the token; welcome and manifest follow on the same socket", () => {
  const { conn, latest, sockets, events, storage, timers } = setup();
  conn.start();
  latest().open();
  latest().receive({ type: "pairing.code", code: "H7KQ3M", expires_at: "2099-01-01T00:00:00Z" });
  latest().receive({ type: "paired", token: "new-token" });
  latest().receive({ type: "welcome", screen: { id: 7, name: "Lobby left" } });
  latest().receive({ type: "manifest", manifest: MANIFEST });
  latest().receive({ type: "theme", theme: { background: "#101010" } });
  assert.equal(storage.getItem(TOKEN_KEY), "new-token");
  assert.deepEqual(JSON.parse(storage.getItem(MANIFEST_KEY)), MANIFEST);
  assert.deepEqual(events.map((e) => e[0]), ["pairingCode", "paired", "welcome", "manifest", "theme"]);
  assert.deepEqual(events[4][1], { background: "#101010" });
  assert.deepEqual(events[2][1], { id: 7, name: "Lobby left" });
  assert.equal(sockets.length, 1);
  assert.equal(latest().closedWith, null);

  // The next connection identifies itself.
  latest().serverClose(1006);
  timers.tick(1000);
  latest().open();
  assert.deepEqual(latest().sent[0], { type: "hello", protocol: 1, token: "new-token", version: "v1", client: "0.4.0" });
});

for (const [label, kill] of [
  ["close code 4001", (ws) => ws.serverClose(4001)],
  ["an unpaired message", (ws) => ws.receive({ type: "unpaired" })],
  ["an invalid_token error", (ws) => ws.receive({ type: "error", code: "invalid_token", message: "no" })],
]) {
  test(`${label} forgets the token and the content, then asks for a pairing code`, () => {
    const storage = new FakeStorage({ [TOKEN_KEY]: "tok", [MANIFEST_KEY]: JSON.stringify(MANIFEST) });
    const { conn, latest, events, timers } = setup({ storage });
    conn.start();
    latest().open();
    kill(latest());
    latest().serverClose(4001); // the server always closes after the message
    assert.equal(storage.getItem(TOKEN_KEY), null);
    assert.equal(storage.getItem(MANIFEST_KEY), null);
    assert.equal(events.filter((e) => e[0] === "unpaired").length, 1);
    timers.tick(1000);
    latest().open();
    assert.deepEqual(latest().sent[0], { type: "hello", protocol: 1, client: "0.4.0" });
  });
}

test("a bad frame, an unknown type or a failing handler never stop the session", () => {
  const timers = new FakeTimers();
  const { FakeWebSocket, sockets } = makeFakeWebSocket();
  const seen = [];
  const conn = createConnection({
    store: createStore(new FakeStorage(), quietLog),
    url: "ws://x/ws/screen/",
    WebSocket: FakeWebSocket,
    timers,
    firstConnectSpreadMs: 0,
    log: quietLog,
    handlers: {
      manifest(m) {
        seen.push(m.version);
        throw new Error("renderer exploded");
      },
    },
  });
  conn.start();
  sockets[0].open();
  sockets[0].receive("{not json");
  sockets[0].receive("null");
  sockets[0].receive({ type: "from.the.future" });
  sockets[0].receive({ type: "manifest", manifest: { nope: true } });
  sockets[0].receive({ type: "paired" });
  sockets[0].receive({ type: "manifest", manifest: MANIFEST });
  sockets[0].receive({ type: "manifest", manifest: { ...MANIFEST, version: "v2" } });
  assert.deepEqual(seen, ["v1", "v2"]);
  assert.equal(sockets.length, 1);
});
