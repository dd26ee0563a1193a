import { test } from "node:test";
import assert from "node:assert/strict";
import { createEmergencyOverlay, isEmergency } from "../js/emergency.js";
import { createStore, EMERGENCIES_KEY } from "../js/store.js";
import { FakeDocument, FakeStorage, quietLog } from "./fakes.js";
import { setup } from "./connection-harness.js";

const FIRE = { type: "emergency", id: 7, heading: "Fire alarm", text: "Leave the building\nby the nearest exit." };
const STORM = { type: "emergency", id: 8, heading: "Storm", text: "" };

// Frames run only when the test says so, as a browser paints them.
function fakeFrames() {
  let queue = [];
  return {
    raf: (fn) => queue.push(fn),
    frame() {
      const due = queue;
      queue = [];
      due.forEach((fn) => fn());
    },
  };
}

function screen({ storage = new FakeStorage() } = {}) {
  const doc = new FakeDocument();
  const body = doc.createElement("body");
  const player = body.appendChild(doc.createElement("main"));
  const frames = fakeFrames();
  const acks = [];
  const covers = [];
  const overlay = createEmergencyOverlay(body, {
    doc,
    store: createStore(storage, quietLog),
    label: "Important message",
    onAck: (id) => acks.push(id),
    onCover: (on) => covers.push(on),
    paint: (fn) => frames.raf(() => frames.raf(fn)),
  });
  const shown = () => body.querySelectorAll(".emergency");
  return { doc, body, player, frames, acks, covers, overlay, storage, shown };
}

test("a message covers the screen at once, as plain text, and is acknowledged only after it was painted", () => {
  const { body, player, frames, acks, covers, overlay, shown } = screen();
  const nasty = { ...FIRE, heading: "<img src=x onerror=alert(1)>" };
  assert.equal(overlay.show(nasty), true);
  assert.equal(shown().length, 1);
  const el = shown()[0];
  assert.equal(el.getAttribute("role"), "alert");
  assert.equal(el.querySelector(".emergency__heading").textContent, nasty.heading);
  assert.equal(el.querySelector(".emergency__text").textContent, FIRE.text);
  assert.equal(el.querySelector(".emergency__label").textContent, "Important message");
  assert.deepEqual(el.innerHTMLWrites, []);
  assert.equal(body.children[body.children.length - 1], el, "above the player and everything else");
  assert.equal(body.children[0], player, "the player stays, so ending uncovers its slide at once");
  assert.deepEqual(covers, [true]);

  assert.deepEqual(acks, []);
  frames.frame(); // the frame that paints it
  assert.deepEqual(acks, []);
  frames.frame(); // the next one: it was on screen
  assert.deepEqual(acks, [7]);
});

test("a screen rebooting during a message shows it before connecting, and acks it when the server sends it", () => {
  const storage = new FakeStorage();
  screen({ storage }).overlay.show(FIRE);
  assert.deepEqual(JSON.parse(storage.getItem(EMERGENCIES_KEY)).map((m) => m.id), [7]);

  const rebooted = screen({ storage });
  assert.equal(rebooted.shown().length, 1);
  assert.equal(rebooted.shown()[0].querySelector(".emergency__heading").textContent, "Fire alarm");
  assert.deepEqual(rebooted.covers, [true]);
  assert.deepEqual(rebooted.overlay.ids, [7]);

  rebooted.overlay.show(FIRE); // sent again after welcome: not drawn twice, acknowledged again
  rebooted.frames.frame();
  rebooted.frames.frame();
  assert.equal(rebooted.shown().length, 1);
  assert.deepEqual(rebooted.acks, [7]);
});

test("ending uncovers the screen and forgets the message; an unknown end changes nothing", () => {
  const { overlay, covers, storage, shown } = screen();
  overlay.show(FIRE);
  overlay.end(99);
  assert.equal(shown().length, 1);
  overlay.end(7);
  assert.equal(shown().length, 0);
  assert.deepEqual(covers, [true, false]);
  assert.equal(storage.getItem(EMERGENCIES_KEY), null);
  assert.deepEqual(overlay.ids, []);
});

test("the newest message is on top; ending it shows the older one with no frame uncovered", () => {
  const { doc, body, overlay, covers, shown } = screen();
  overlay.show(FIRE);
  overlay.show(STORM);
  assert.equal(shown().length, 1);
  assert.equal(shown()[0].querySelector(".emergency__heading").textContent, "Storm");
  assert.equal(shown()[0].querySelector(".emergency__text"), null, "no empty text paragraph");
  doc.mutations.length = 0;
  overlay.end(8);
  assert.deepEqual(doc.mutations.filter((m) => m.parent === body).map((m) => m.op), ["append", "remove"], "the older one goes up before the newer one comes down");
  assert.equal(shown()[0].querySelector(".emergency__heading").textContent, "Fire alarm");
  assert.deepEqual(covers, [true], "covered throughout");
  overlay.clear();
  assert.equal(shown().length, 0);
  assert.deepEqual(covers, [true, false]);
});

test("malformed messages are not shown, and a corrupt store reads as none", () => {
  const { overlay, shown } = screen();
  for (const bad of [null, {}, { id: "7", heading: "x", text: "" }, { id: 7, heading: 3, text: "" }, { id: 0, heading: "x", text: "" }, { id: 7, heading: "x" }]) {
    assert.equal(overlay.show(bad), false);
    assert.equal(isEmergency(bad), false);
  }
  assert.equal(shown().length, 0);
  for (const raw of ["{oops", "{}", '[{"id": "x"}]']) {
    assert.deepEqual(createStore(new FakeStorage({ [EMERGENCIES_KEY]: raw }), quietLog).getEmergencies(), [], raw);
  }
});

test("the connection names the messages on screen in hello and hands emergency frames over", () => {
  const storage = new FakeStorage({ "infoscreen.token": "tok", [EMERGENCIES_KEY]: JSON.stringify([{ id: 7, heading: "Fire", text: "" }]) });
  const { conn, latest, events } = setup({ storage });
  conn.start();
  latest().open();
  assert.deepEqual(latest().sent[0].emergencies, [7]);
  latest().receive(FIRE);
  latest().receive({ type: "emergency", id: "7", heading: "x" }); // malformed: not handed over
  latest().receive({ type: "emergency.end", id: 7 });
  assert.deepEqual(events, [["emergency", FIRE], ["emergencyEnd", 7]]);
  assert.equal(latest().closedWith, null);
});

test("a screen without messages, or without a token, sends no emergencies in hello", () => {
  const { conn, latest } = setup({ storage: new FakeStorage({ [EMERGENCIES_KEY]: JSON.stringify([{ id: 7, heading: "Fire", text: "" }]) }) });
  conn.start();
  latest().open();
  assert.equal("emergencies" in latest().sent[0], false);
});
