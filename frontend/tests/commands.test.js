import { test } from "node:test";
import assert from "node:assert/strict";
import { handleCommand, createIdentifyOverlay, IDENTIFY_MS } from "../js/commands.js";
import { FakeDocument, FakeTimers, quietLog } from "./fakes.js";
import { setup } from "./connection-harness.js";

function actions() {
  const calls = [];
  return { calls, reload: () => calls.push(["reload"]), identify: (screen) => calls.push(["identify", screen]) };
}

test("reload and identify are understood; anything else is ignored", () => {
  const a = actions();
  assert.equal(handleCommand({ type: "command", name: "reload" }, a), true);
  assert.equal(handleCommand({ type: "command", name: "identify", screen: { name: "Lobby", location: "Hall" } }, a), true);
  assert.equal(handleCommand({ type: "command", name: "identify" }, a), true);
  for (const odd of [{ name: "format-disk" }, {}, null, { name: "constructor" }]) assert.equal(handleCommand(odd, a), false);
  assert.deepEqual(a.calls, [["reload"], ["identify", { name: "Lobby", location: "Hall" }], ["identify", null]]);
});

function overlay() {
  const doc = new FakeDocument();
  const body = doc.createElement("body");
  const timers = new FakeTimers();
  return { body, timers, view: createIdentifyOverlay(body, { doc, timers }) };
}

test("identify shows the name and location as plain text for 10 s", () => {
  const { body, timers, view } = overlay();
  const nasty = "<img src=x onerror=alert(1)>";
  view.show({ name: nasty, location: "Town hall — entrance" });
  const el = body.querySelector(".identify");
  assert.equal(el.querySelector(".identify__name").textContent, nasty);
  assert.equal(el.querySelector(".identify__location").textContent, "Town hall — entrance");
  assert.deepEqual(el.innerHTMLWrites, []);
  timers.tick(IDENTIFY_MS - 1);
  assert.equal(body.children.length, 1);
  timers.tick(1);
  assert.equal(body.children.length, 0);
});

test("a second identify replaces the first and restarts the 10 s", () => {
  const { body, timers, view } = overlay();
  view.show({ name: "A" });
  timers.tick(6000);
  view.show({ name: "B", location: null });
  assert.equal(body.children.length, 1);
  assert.equal(body.textContent, "B");
  timers.tick(6000);
  assert.equal(body.children.length, 1);
  timers.tick(4000);
  assert.equal(body.children.length, 0);
});

test("the connection hands commands and played acks over, and ignores unknown_type errors", () => {
  const warnings = [];
  const log = { ...quietLog, warn: (...args) => warnings.push(args) };
  const { conn, latest, events } = setup({ log });
  conn.start();
  latest().open();
  latest().receive({ type: "welcome", screen: { id: 7 }, client: "0.4.0" });
  latest().receive({ type: "command", name: "identify", screen: { name: "Lobby" } });
  latest().receive({ type: "played.ack", ids: ["a", "b"] });
  latest().receive({ type: "played.ack" });
  latest().receive({ type: "error", code: "unknown_type", message: "Unknown type: status" });
  latest().receive({ type: "something.new" });
  assert.deepEqual(events.map((e) => e[0]), ["welcome", "command", "playedAck", "playedAck"]);
  assert.deepEqual(events[1][1], { type: "command", name: "identify", screen: { name: "Lobby" } });
  assert.deepEqual(events[2][1], ["a", "b"]);
  assert.deepEqual(events[3][1], []);
  assert.equal(latest().closedWith, null);
  assert.equal(conn.send({ type: "status" }), true);
  assert.deepEqual(latest().sent[latest().sent.length - 1], { type: "status" });
  assert.deepEqual(warnings, [], "unknown_type is expected from an older server, unknown types from a newer one");
});

test("send reports false without a socket", () => {
  const { conn } = setup();
  assert.equal(conn.send({ type: "status" }), false);
});
