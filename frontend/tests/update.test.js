import { test } from "node:test";
import assert from "node:assert/strict";
import { createUpdater } from "../js/update.js";
import { CLIENT_VERSION } from "../js/connection.js";
import { FakeTimers } from "./fakes.js";

function setup({ random = () => 0.5, cycling = true } = {}) {
  const timers = new FakeTimers();
  const reloads = [];
  const updater = createUpdater({ current: CLIENT_VERSION, reload: () => reloads.push(timers.now), isCycling: () => cycling, timers, random });
  return { timers, reloads, updater };
}

test("this client is version 0.4.0", () => {
  assert.equal(CLIENT_VERSION, "0.4.0");
});

test("a newer deployed client reloads at the first slide boundary after a random delay", () => {
  const { timers, reloads, updater } = setup({ random: () => 0.5 });
  updater.check("0.5.0");
  timers.tick(10000);
  assert.equal(updater.atBoundary(), false, "a boundary before the delay is not used");
  timers.tick(19999);
  assert.equal(updater.atBoundary(), false);
  timers.tick(1);
  assert.deepEqual(reloads, [], "never mid-slide");
  timers.tick(7000);
  assert.deepEqual(reloads, []);
  assert.equal(updater.atBoundary(), true, "holds the loop");
  assert.deepEqual(reloads, [37000]);
});

test("the delay is spread over 0–60 s", () => {
  for (const [r, due] of [[0, 0], [0.999, 59940]]) {
    const { timers, reloads, updater } = setup({ random: () => r, cycling: false });
    updater.check("0.5.0");
    timers.tick(due);
    assert.deepEqual(reloads, [due]);
  }
});

test("with no slide boundary coming (idle, pairing) it reloads when the delay ends", () => {
  const { timers, reloads, updater } = setup({ random: () => 0.25, cycling: false });
  updater.check("0.5.0");
  timers.tick(14999);
  assert.deepEqual(reloads, []);
  timers.tick(1);
  assert.deepEqual(reloads, [15000]);
});

test("the same version, no version (an older server) or a repeated welcome change nothing", () => {
  const { timers, reloads, updater } = setup({ random: () => 0.5 });
  updater.check(CLIENT_VERSION);
  updater.check(undefined);
  updater.check("");
  timers.tick(120000);
  assert.equal(updater.atBoundary(), false);
  updater.check("0.5.0");
  timers.tick(20000);
  updater.check("0.5.0"); // a reconnect's welcome does not restart the wait
  timers.tick(10000);
  assert.equal(updater.atBoundary(), true);
  assert.deepEqual(reloads, [150000]);
});

test("a rollback to this version before the reload cancels it", () => {
  const { timers, updater } = setup();
  updater.check("0.5.0");
  updater.check(CLIENT_VERSION);
  timers.tick(120000);
  assert.equal(updater.atBoundary(), false);
  assert.equal(updater.pending, null);
});
