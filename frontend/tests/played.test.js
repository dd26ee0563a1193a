import { test } from "node:test";
import assert from "node:assert/strict";
import { createPlayedLog, createPlayedSender, playedEvent, randomId, PLAYED_KEY, WRITE_AT_ONCE_UP_TO, WRITE_EVERY_MS } from "../js/played.js";
import { FakeStorage, FakeTimers, quietLog } from "./fakes.js";

function ids() {
  let n = 0;
  return () => `id-${(n += 1)}`;
}

function play(slide, startedAt = 0, endedAt = 10000) {
  return { slide, startedAt, endedAt };
}

test("an event has an id, the slide, an ISO start and its duration to a tenth of a second", () => {
  assert.deepEqual(playedEvent({ slide: 5, startedAt: Date.parse("2026-11-23T17:00:00Z"), endedAt: Date.parse("2026-11-23T17:00:09.96Z") }, "x"), {
    id: "x",
    slide: 5,
    started_at: "2026-11-23T17:00:00.000Z",
    duration: 10,
  });
  assert.equal(playedEvent(play(1, 0, 1234), "y").duration, 1.2);
  assert.match(randomId(), /^[0-9a-f]{32}$/);
  assert.notEqual(randomId(), randomId());
  assert.match(randomId(null), /^[0-9a-f]{32}$/);
});

test("events survive a reload through storage, and only acknowledged ids leave", () => {
  const storage = new FakeStorage();
  const first = createPlayedLog({ storage, newId: ids(), log: quietLog });
  first.record(play(1));
  first.record(play(2));
  first.record(play(3));
  const again = createPlayedLog({ storage, log: quietLog });
  assert.deepEqual(again.batch().map((e) => e.slide), [1, 2, 3]);
  again.ack(["id-2", "unknown"]);
  assert.deepEqual(createPlayedLog({ storage, log: quietLog }).batch().map((e) => e.id), ["id-1", "id-3"]);
  again.ack(["id-1", "id-3"]);
  assert.equal(storage.getItem(PLAYED_KEY), null);
});

test("the buffer keeps the newest 5,000 events", () => {
  const old = Array.from({ length: 4999 }, (_, i) => playedEvent(play(i), `old-${i + 1}`));
  const storage = new FakeStorage({ [PLAYED_KEY]: JSON.stringify(old) });
  const timers = new FakeTimers();
  const log = createPlayedLog({ storage, newId: ids(), log: quietLog, timers });
  for (let i = 1; i <= 4; i += 1) log.record(play(i));
  assert.equal(log.size, 5000);
  assert.equal(log.batch(1)[0].id, "old-4");
  assert.equal(log.batch(5000)[4999].id, "id-4");
  timers.tick(WRITE_EVERY_MS);
  assert.equal(JSON.parse(storage.getItem(PLAYED_KEY)).length, 5000);
});

test("a small buffer is written at every change; a large one at most every 10 s, and when the page goes away", () => {
  const storage = new FakeStorage();
  const writes = [];
  const setItem = storage.setItem.bind(storage);
  storage.setItem = (key, value) => {
    writes.push(JSON.parse(value).length);
    setItem(key, value);
  };
  const timers = new FakeTimers();
  const log = createPlayedLog({ storage, newId: ids(), log: quietLog, timers });
  for (let i = 0; i < WRITE_AT_ONCE_UP_TO; i += 1) log.record(play(i));
  assert.equal(writes.length, WRITE_AT_ONCE_UP_TO, "each of the first events is kept at once");
  writes.length = 0;
  for (let i = 0; i < 100; i += 1) {
    log.record(play(i));
    timers.tick(1000); // a slide a second: 100 slides in 100 s
  }
  assert.ok(writes.length <= 10, `${writes.length} writes of a large buffer in 100 s`);
  log.record(play(1));
  log.flush();
  assert.equal(JSON.parse(storage.getItem(PLAYED_KEY)).length, WRITE_AT_ONCE_UP_TO + 101, "nothing is lost on pagehide");
  log.flush();
  assert.equal(writes[writes.length - 1], WRITE_AT_ONCE_UP_TO + 101);
});

test("an unreadable or failing storage never stops recording", () => {
  const corrupt = createPlayedLog({ storage: new FakeStorage({ [PLAYED_KEY]: "{oops" }), newId: ids(), log: quietLog });
  corrupt.record(play(1));
  assert.equal(corrupt.size, 1);
  const full = { getItem: () => null, setItem() { throw new Error("QuotaExceededError"); }, removeItem() {} };
  const log = createPlayedLog({ storage: full, newId: ids(), log: quietLog });
  log.record(play(1));
  assert.equal(log.batch()[0].slide, 1);
});

function sender(count) {
  const timers = new FakeTimers();
  const buffer = createPlayedLog({ storage: new FakeStorage(), newId: ids(), log: quietLog, timers });
  for (let i = 0; i < count; i += 1) buffer.record(play(i));
  const sent = [];
  const s = createPlayedSender({ buffer, send: (m) => sent.push(m), timers });
  return { timers, buffer, sent, s };
}

test("batches of at most 100 go out on welcome, the next one as soon as the last is acknowledged", () => {
  const { buffer, sent, s } = sender(250);
  s.start();
  assert.equal(sent.length, 1);
  assert.equal(sent[0].type, "played");
  assert.equal(sent[0].events.length, 100);
  s.acked(sent[0].events.map((e) => e.id));
  assert.equal(sent[1].events.length, 100);
  assert.equal(sent[1].events[0].id, "id-101");
  s.acked(sent[1].events.map((e) => e.id));
  assert.equal(sent[2].events.length, 50);
  s.acked(sent[2].events.map((e) => e.id));
  assert.equal(sent.length, 3);
  assert.equal(buffer.size, 0);
});

test("unacknowledged events are sent again every 30 s while connected, and not after", () => {
  const { timers, sent, s, buffer } = sender(3);
  s.start();
  timers.tick(29999);
  assert.equal(sent.length, 1);
  timers.tick(1);
  assert.equal(sent.length, 2);
  assert.deepEqual(sent[1].events, sent[0].events, "the same ids: the server dedupes");
  s.acked(["id-1"]); // a partial ack waits for the timer
  assert.equal(sent.length, 2);
  assert.equal(buffer.size, 2);
  s.stop();
  timers.tick(120000);
  assert.equal(sent.length, 2);
  s.acked(["id-2", "id-3"]); // a late ack still empties the buffer
  assert.equal(buffer.size, 0);
});

test("nothing is sent when there is nothing to send", () => {
  const { timers, sent, s } = sender(0);
  s.start();
  timers.tick(90000);
  assert.deepEqual(sent, []);
});
