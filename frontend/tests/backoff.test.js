import { test } from "node:test";
import assert from "node:assert/strict";
import { backoffDelay, expiryDelay, MIN_CODE_LIFETIME_MS } from "../js/backoff.js";

// Deterministic stand-in for Math.random (mulberry32).
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test("the ceiling doubles from 500 ms and is capped at 30 s", () => {
  const almostOne = () => 1 - 1e-12;
  const ceilings = [0, 1, 2, 3, 4, 5, 6, 7, 20, 2000].map((n) => Math.round(backoffDelay(n, { random: almostOne })));
  assert.deepEqual(ceilings, [500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]);
});

test("full jitter: the delay is random() times the ceiling, down to zero", () => {
  assert.equal(backoffDelay(3, { random: () => 0 }), 0);
  assert.equal(backoffDelay(3, { random: () => 0.25 }), 1000);
  assert.equal(backoffDelay(10, { random: () => 0.5 }), 15000);
});

test("every delay stays within [0, min(cap, base * 2^attempt))", () => {
  const random = seeded(42);
  for (let attempt = 0; attempt < 12; attempt += 1) {
    const ceiling = Math.min(30000, 500 * 2 ** attempt);
    for (let i = 0; i < 200; i += 1) {
      const d = backoffDelay(attempt, { random });
      assert.ok(d >= 0 && d < ceiling, `attempt ${attempt}: ${d}`);
    }
  }
});

test("base and cap can be changed; bad attempts count as zero", () => {
  assert.equal(backoffDelay(2, { base: 100, cap: 250, random: () => 0.5 }), 125);
  assert.equal(backoffDelay(-3, { random: () => 0.5 }), 250);
  assert.equal(backoffDelay(undefined, { random: () => 0.5 }), 250);
});

function spread(delays, ceiling, buckets) {
  const counts = new Array(buckets).fill(0);
  for (const d of delays) counts[Math.min(buckets - 1, Math.floor((d / ceiling) * buckets))] += 1;
  return counts;
}

test("a thousand screens that lose the server together do not retry in lockstep", () => {
  const random = seeded(7);
  const first = Array.from({ length: 1000 }, () => backoffDelay(0, { random }));
  // Ten 50 ms slots over the first 500 ms: each gets roughly a tenth.
  for (const count of spread(first, 500, 10)) assert.ok(count > 60 && count < 140, `slot with ${count}`);
  assert.ok(new Set(first.map(Math.round)).size > 300, "first delays collapse onto few instants");

  const capped = Array.from({ length: 1000 }, () => backoffDelay(9, { random }));
  // At the cap, no single second of the 30 s window takes more than 8 %.
  for (const count of spread(capped, 30000, 30)) assert.ok(count < 80, `second with ${count}`);
});

test("expiryDelay counts down to the code's expiry", () => {
  const now = Date.parse("2026-11-23T17:00:00+00:00");
  assert.equal(expiryDelay({ expires_at: "2026-11-23T17:15:00+00:00" }, now), 15 * 60000);
});

test("expiryDelay waits at least a minute for a past or unreadable expiry", () => {
  const now = Date.parse("2026-11-23T17:30:00+00:00");
  assert.equal(expiryDelay({ expires_at: "2026-11-23T17:15:00+00:00" }, now), MIN_CODE_LIFETIME_MS);
  assert.equal(expiryDelay({ expires_at: "not a date" }, now), MIN_CODE_LIFETIME_MS);
  assert.equal(expiryDelay({ expires_at: undefined }, now), MIN_CODE_LIFETIME_MS);
});

test("expiryDelay never exceeds what setTimeout can hold", () => {
  assert.equal(expiryDelay({ expires_at: "2999-01-01T00:00:00Z" }, 0), 2147483647);
});

test("expiryDelay trusts the server's relative expires_in over the screen's clock", () => {
  const clockHourAhead = Date.parse("2026-11-23T18:00:00+00:00");
  const message = { expires_in: 900, expires_at: "2026-11-23T17:15:00+00:00" };
  assert.equal(expiryDelay(message, clockHourAhead), 900 * 1000);
});
