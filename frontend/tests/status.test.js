import { test } from "node:test";
import assert from "node:assert/strict";
import { createStatus, statusMessage } from "../js/status.js";
import { FakeTimers } from "./fakes.js";

function setup(options = {}) {
  const timers = new FakeTimers();
  const sent = [];
  let mode = "local-storage";
  const status = createStatus({
    send: (m) => sent.push({ at: timers.now, ...m }),
    client: "0.4.0",
    timers,
    clock: () => timers.now + 1500, // the page loaded 1.5 s before the test's zero
    wallClock: () => Date.parse("2026-11-23T17:00:00Z") + timers.now,
    resolution: "1920x1080",
    userAgent: "Kiosk/1.0",
    offlineCache: () => mode,
    ...options,
  });
  return { timers, sent, status, setMode: (m) => (mode = m) };
}

test("the report carries the whole status, after welcome", () => {
  const { timers, sent, status } = setup();
  status.setSlide(5);
  timers.tick(61000);
  assert.deepEqual(sent, [], "nothing before welcome");
  status.connected();
  assert.deepEqual(sent, [{
    at: 61000,
    type: "status",
    client: "0.4.0",
    slide: 5,
    uptime: 62,
    resolution: "1920x1080",
    user_agent: "Kiosk/1.0",
    offline_cache: "local-storage",
    errors: [],
  }]);
});

test("a status goes out every 60 s", () => {
  const { timers, sent, status } = setup();
  status.connected();
  timers.tick(180000);
  assert.deepEqual(sent.map((m) => m.at), [0, 60000, 120000, 180000]);
});

test("changes are sent at most once per 5 s, the latest state winning", () => {
  const { timers, sent, status } = setup();
  status.connected();
  timers.tick(1000);
  status.setSlide(1);
  status.setSlide(2);
  status.error("image failed");
  timers.tick(3999);
  assert.equal(sent.length, 1);
  timers.tick(1);
  assert.equal(sent.length, 2);
  assert.equal(sent[1].at, 5000);
  assert.equal(sent[1].slide, 2);
  assert.equal(sent[1].errors.length, 1);
  timers.tick(20000);
  status.setSlide(3); // long after the last: at once
  assert.equal(sent.length, 3);
  assert.equal(sent[2].at, 25000);
  status.setSlide(3); // no change, no send
  timers.tick(10000);
  assert.equal(sent.length, 3);
});

test("errors: the last ten, each at most 200 characters, with an ISO time", () => {
  const { timers, sent, status } = setup();
  for (let i = 0; i < 12; i += 1) {
    status.error(`error ${i} ${"x".repeat(300)}`);
    timers.tick(1000);
  }
  status.connected();
  const { errors } = sent[0];
  assert.equal(errors.length, 10);
  assert.ok(errors[0].message.startsWith("error 2 "));
  assert.ok(errors.every((e) => e.message.length === 200));
  assert.equal(errors[0].at, "2026-11-23T17:00:02.000Z");
});

test("the offline mode is reported as it is when sent", () => {
  const { sent, status, setMode, timers } = setup();
  status.connected();
  setMode("service-worker");
  status.changed();
  timers.tick(5000);
  assert.deepEqual(sent.map((m) => m.offline_cache), ["local-storage", "service-worker"]);
});

test("nothing is sent while disconnected, and welcome starts over", () => {
  const { timers, sent, status } = setup();
  status.connected();
  status.disconnected();
  status.setSlide(8);
  timers.tick(300000);
  assert.equal(sent.length, 1);
  status.connected();
  assert.equal(sent[1].slide, 8);
  assert.equal(sent[1].at, 300000);
});

test("statusMessage floors the uptime and never sends undefined for the slide", () => {
  const m = statusMessage({ client: "c", slide: undefined, uptimeMs: 1999.9, resolution: "1x1", userAgent: "u", offlineCache: "local-storage", errors: [] });
  assert.equal(m.uptime, 1);
  assert.equal(m.slide, null);
});

test("the minute report keeps the 5 s gap after a change-driven one", () => {
  const { timers, sent, status } = setup();
  status.connected();
  timers.tick(58000);
  status.setSlide(4);
  timers.tick(2000); // the minute is up, 2 s after the last report
  assert.deepEqual(sent.map((m) => m.at), [0, 58000]);
  timers.tick(3000);
  assert.deepEqual(sent.map((m) => m.at), [0, 58000, 63000]);
});
