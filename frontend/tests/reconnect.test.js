import { test } from "node:test";
import assert from "node:assert/strict";
import { createConnection, HEARTBEAT_MS } from "../js/connection.js";
import { createStore } from "../js/store.js";
import { FakeTimers, FakeStorage, quietLog } from "./fakes.js";
import { setup } from "./connection-harness.js";

test("close code 4002 reloads the page (within 30 s) and does not reconnect", () => {
  const { conn, latest, sockets, reloads, timers } = setup({ random: () => 0.5 });
  conn.start();
  latest().open();
  latest().serverClose(4002);
  timers.tick(14999);
  assert.deepEqual(reloads, []);
  timers.tick(1);
  assert.deepEqual(reloads, [15000]);
  timers.tick(600000);
  assert.equal(sockets.length, 1);
});

test("reconnect delays grow while nothing works, up to the cap", () => {
  const { conn, latest, sockets, timers } = setup();
  conn.start();
  const delays = [];
  for (let i = 0; i < 9; i += 1) {
    latest().serverClose(i % 2 ? 1006 : 4029); // never opened, or rate limited
    delays.push(Math.round(timers.lastDelay()));
    timers.tick(timers.lastDelay());
  }
  assert.deepEqual(delays, [500, 999, 1998, 3996, 7992, 15984, 29970, 29970, 29970]);
  assert.equal(sockets.length, 10);
});

for (const [label, reply] of [
  ["welcome", { type: "welcome", screen: { id: 1 } }],
  ["pairing.code", { type: "pairing.code", code: "ABCDEF", expires_at: "2099-01-01T00:00:00Z" }],
]) {
  test(`the backoff starts over after a connection that reached ${label}`, () => {
    const { conn, latest, timers } = setup();
    conn.start();
    for (let i = 0; i < 4; i += 1) {
      latest().serverClose(1006);
      timers.tick(timers.lastDelay());
    }
    assert.ok(timers.lastDelay() > 3000);
    latest().open();
    latest().receive(reply);
    latest().serverClose(1006);
    assert.ok(timers.lastDelay() < 500);
  });
}

test("an expired pairing code is replaced by reconnecting", () => {
  const { conn, latest, sockets, timers } = setup();
  conn.start();
  latest().open();
  latest().receive({ type: "pairing.code", code: "ABCDEF", expires_at: new Date(5 * 60000).toISOString() });
  for (let i = 0; i < 9; i += 1) {
    timers.tick(HEARTBEAT_MS);
    latest().receive({ type: "heartbeat.ack" });
  }
  timers.tick(HEARTBEAT_MS - 1);
  assert.equal(sockets.length, 1);
  timers.tick(1);
  assert.equal(sockets[0].closedWith, 1000);
  timers.tick(500);
  assert.equal(sockets.length, 2);
  latest().open();
  assert.deepEqual(latest().sent[0], { type: "hello", protocol: 1, client: "0.4.0" });
});

test("a screen clock far ahead of the server does not loop through codes", () => {
  const { conn, latest, sockets, timers } = setup({ now: () => Date.parse("2030-01-01T00:00:00Z") });
  conn.start();
  latest().open();
  latest().receive({ type: "pairing.code", code: "ABCDEF", expires_at: "2026-11-23T17:15:00+00:00" });
  timers.tick(59000);
  assert.equal(sockets.length, 1);
});

test("the pairing code timer stops once paired", () => {
  const { conn, latest, sockets, timers } = setup();
  conn.start();
  latest().open();
  latest().receive({ type: "pairing.code", code: "ABCDEF", expires_at: new Date(60000).toISOString() });
  latest().receive({ type: "paired", token: "t" });
  latest().receive({ type: "welcome", screen: {} });
  timers.tick(HEARTBEAT_MS - 1); // past the code's expiry, before a heartbeat
  assert.equal(sockets.length, 1);
  assert.equal(sockets[0].closedWith, null);
});

test("heartbeats go out every 30 s and a silent server is given up on", () => {
  const { conn, latest, sockets, events, timers } = setup();
  conn.start();
  latest().open();
  latest().receive({ type: "welcome", screen: {} });
  timers.tick(HEARTBEAT_MS);
  latest().receive({ type: "heartbeat.ack" });
  timers.tick(HEARTBEAT_MS);
  latest().receive({ type: "heartbeat.ack" });
  assert.deepEqual(sockets[0].sent.map((m) => m.type), ["hello", "heartbeat", "heartbeat"]);
  timers.tick(2 * HEARTBEAT_MS); // two heartbeats without an answer
  assert.equal(sockets.length, 1);
  timers.tick(HEARTBEAT_MS);
  assert.equal(sockets[0].closedWith, 1000);
  assert.deepEqual(events[events.length - 1], ["disconnected", undefined]);
  timers.tick(500);
  assert.equal(sockets.length, 2);
});

test("a WebSocket constructor that throws is retried with backoff", () => {
  const timers = new FakeTimers();
  let calls = 0;
  class Broken {
    constructor() {
      calls += 1;
      throw new Error("SecurityError");
    }
  }
  const conn = createConnection({ store: createStore(new FakeStorage(), quietLog), url: "ws://x/", WebSocket: Broken, timers, random: () => 0.999, firstConnectSpreadMs: 0, log: quietLog });
  conn.start();
  timers.tick(500 + 999 + 1998);
  assert.equal(calls, 4);
  conn.stop();
  timers.tick(60000);
  assert.equal(calls, 4);
});

test("stop closes the socket and stops reconnecting", () => {
  const { conn, latest, sockets, timers } = setup();
  conn.start();
  latest().open();
  conn.stop();
  assert.equal(sockets[0].closedWith, 1000);
  timers.tick(600000);
  assert.equal(sockets.length, 1);
});

test("the first connect waits a random part of the spread window, so a fleet powering up does not connect at once", () => {
  const { conn, sockets, timers } = setup({ random: () => 0.5, firstConnectSpreadMs: 3000 });
  conn.start();
  timers.tick(1499);
  assert.equal(sockets.length, 0);
  timers.tick(1);
  assert.equal(sockets.length, 1);
});
