import { test } from "node:test";
import assert from "node:assert/strict";
import { countdownParts, eventTimes, wallTime } from "../js/renderers/dates.js";

test("a server time is read as the wall-clock time it names, whatever its offset", () => {
  assert.equal(wallTime("2026-07-04T14:30:00+02:00").toISOString(), "2026-07-04T14:30:00.000Z");
  assert.equal(wallTime("2026-12-05T14:00:00+01:00").toISOString(), "2026-12-05T14:00:00.000Z");
  for (const bad of ["", "5 December", null, 42]) assert.equal(wallTime(bad), null);
});

test("an event over several days joins its dates", () => {
  const when = eventTimes("2026-12-04T10:00:00+01:00", "2026-12-06T18:00:00+01:00", "en");
  assert.deepEqual(when, { date: "Friday 4 December – Sunday 6 December", time: "10:00–18:00" });
});

test("an unknown language formats in English", () => {
  assert.deepEqual(eventTimes("2026-12-05T14:00:00+01:00", null, "xx"), { date: "Saturday 5 December", time: "14:00" });
});

test("countdown parts count each started second and end at the target", () => {
  assert.deepEqual(countdownParts(90061000, 0), { days: 1, hours: 1, minutes: 1, seconds: 1 });
  assert.deepEqual(countdownParts(1000, 1), { days: 0, hours: 0, minutes: 0, seconds: 1 });
  assert.equal(countdownParts(1000, 1000), null);
  assert.equal(countdownParts(0, 5000), null);
  assert.equal(countdownParts(NaN, 0), null);
});
