import { test } from "node:test";
import assert from "node:assert/strict";
import { isManifest, playableSlides, slideDurationMs } from "../js/manifest.js";

test("isManifest wants a string version and a slides array", () => {
  assert.equal(isManifest({ version: "a", slides: [] }), true);
  for (const bad of [null, [], "x", { version: "a" }, { version: 1, slides: [] }, { version: "a", slides: {} }]) {
    assert.equal(isManifest(bad), false, JSON.stringify(bad));
  }
});

test("playableSlides drops entries that are not objects", () => {
  const a = { id: 1 };
  assert.deepEqual(playableSlides({ version: "v", slides: [a, null, 3, "x", [1]] }), [a]);
  assert.deepEqual(playableSlides(null), []);
});

test("slide durations are in seconds, with a default and a floor", () => {
  assert.equal(slideDurationMs({ duration: 7 }), 7000);
  assert.equal(slideDurationMs({ duration: 0.2 }), 1000);
  for (const bad of [{}, { duration: 0 }, { duration: -4 }, { duration: "abc" }, null]) {
    assert.equal(slideDurationMs(bad), 10000, JSON.stringify(bad));
  }
});
