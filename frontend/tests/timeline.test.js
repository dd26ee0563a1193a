import { test } from "node:test";
import assert from "node:assert/strict";
import { intervalAt, manifestInstants, nextChange, readTrack, regionPlaylistsAt, slideLiveAt } from "../js/timeline.js";
import { manifestRegions } from "../js/manifest.js";
import { createLayout, RECHECK_MS } from "../js/layout.js";
import { FakeDocument, FakeTimers, flush, quietLog } from "./fakes.js";
import { MAIN_TICKER, manifestOf, playlist } from "./manifests.js";

const HOUR = 3600 * 1000;
// Monday 23 November 2026, 00:00 in Copenhagen (UTC+1).
const DAY = Date.parse("2026-11-23T00:00:00+01:00");
const iso = (ms) => new Date(ms).toISOString();

function slide(id, extra = {}) {
  return { id, type: "image_text", title: `Slide ${id}`, duration: 5, heading: `Heading ${id}`, text_html: "", image: null, ...extra };
}

// Main: playlist 1 from 08:00 to 16:00, playlist 2 otherwise; the ticker has no schedule.
function scheduled() {
  const manifest = manifestOf("v", { main: [playlist(1, [slide(1)]), playlist(2, [slide(2)])], ticker: [playlist(3, [slide(3)])] }, MAIN_TICKER);
  manifest.timeline = {
    from: iso(DAY),
    until: iso(DAY + 24 * HOUR),
    regions: {
      main: [
        { from: "2026-11-23T00:00:00+01:00", until: "2026-11-23T08:00:00+01:00", playlists: [2] },
        { from: "2026-11-23T08:00:00+01:00", until: "2026-11-23T16:00:00+01:00", playlists: [1] },
        { from: "2026-11-23T16:00:00+01:00", until: "2026-11-24T00:00:00+01:00", playlists: [2] },
      ],
      ticker: [{ from: iso(DAY), until: iso(DAY + 24 * HOUR), playlists: [3] }],
    },
  };
  return manifest;
}

test("a track is read leniently: rows without valid instants are left out", () => {
  const rows = readTrack([
    { from: "2026-11-23T08:00:00+01:00", until: "2026-11-23T16:00:00+01:00", playlists: [1, "2", 3] },
    { from: "nonsense", until: "2026-11-23T16:00:00+01:00", playlists: [1] },
    { from: "2026-11-23T16:00:00+01:00", until: "2026-11-23T15:00:00+01:00", playlists: [1] },
    null,
    "row",
  ]);
  assert.deepEqual(rows, [{ from: DAY + 8 * HOUR, until: DAY + 16 * HOUR, playlists: [1, 3], campaign: null }]);
  assert.deepEqual(readTrack("not a track"), []);
  assert.equal(intervalAt(rows, DAY + 16 * HOUR), null, "intervals are half-open");
  assert.equal(intervalAt(rows, DAY + 8 * HOUR).from, DAY + 8 * HOUR);
});

test("a region plays the playlists of the interval holding the instant", () => {
  const manifest = scheduled();
  assert.deepEqual(regionPlaylistsAt(manifest, "main", DAY + 8 * HOUR - 1), [2]);
  assert.deepEqual(regionPlaylistsAt(manifest, "main", DAY + 8 * HOUR), [1]);
  assert.deepEqual(regionPlaylistsAt(manifest, "main", DAY + 16 * HOUR), [2]);
  const at = (ms) => manifestRegions(manifest, ms).map((r) => [r.name, r.slides.map((s) => s.id)]);
  assert.deepEqual(at(DAY + 9 * HOUR), [["main", [1]], ["ticker", [3]]]);
  assert.deepEqual(at(DAY + 20 * HOUR), [["main", [2]], ["ticker", [3]]]);
});

test("outside the horizon, or without a timeline, a region plays everything placed in it rather than nothing", () => {
  const manifest = scheduled();
  assert.equal(regionPlaylistsAt(manifest, "main", DAY + 30 * HOUR), null);
  assert.deepEqual(manifestRegions(manifest, DAY + 30 * HOUR)[0].slides.map((s) => s.id), [1, 2]);
  delete manifest.timeline;
  assert.deepEqual(manifestRegions(manifest, DAY + 9 * HOUR)[0].slides.map((s) => s.id), [1, 2]);
});

test("a slide leaves at its expiry, and the region's version says so", () => {
  const expiring = slide(5, { until: "2026-11-23T10:30:00+01:00" });
  const manifest = manifestOf("v", { main: [playlist(1, [slide(4), expiring])] });
  assert.equal(slideLiveAt(expiring, DAY + 10 * HOUR), true);
  assert.equal(slideLiveAt(expiring, DAY + 10.5 * HOUR), false);
  assert.equal(slideLiveAt(slide(4, { until: null }), DAY), true);
  const before = manifestRegions(manifest, DAY + 10 * HOUR)[0];
  const after = manifestRegions(manifest, DAY + 11 * HOUR)[0];
  assert.deepEqual(before.slides.map((s) => s.id), [4, 5]);
  assert.deepEqual(after.slides.map((s) => s.id), [4]);
  assert.notEqual(before.version, after.version);
});

test("the next change is the nearest interval edge or expiry after now", () => {
  const manifest = scheduled();
  manifest.playlists["3"].slides.push(slide(6, { until: "2026-11-23T12:00:00+01:00" }));
  const instants = manifestInstants(manifest);
  assert.equal(nextChange(instants, DAY + 9 * HOUR), DAY + 12 * HOUR);
  assert.equal(nextChange(instants, DAY + 12 * HOUR), DAY + 16 * HOUR);
  assert.equal(nextChange(instants, DAY + 24 * HOUR), null);
});

test("offline, the layout switches a region exactly at its interval's start and leaves the other region alone", async () => {
  const doc = new FakeDocument();
  const root = doc.createElement("main");
  const timers = new FakeTimers();
  const start = DAY + 8 * HOUR - 1000; // a second before 08:00
  const now = () => start + timers.now;
  const layout = createLayout(root, {
    doc,
    env: {},
    playerOptions: { timers, now, ready: () => null, fadeMs: 0, log: quietLog },
  });
  const shown = (name) => {
    const region = root.querySelectorAll(".region").find((el) => el.getAttribute("data-region") === name);
    return region.children.filter((c) => c.getAttribute("data-state") === "current").map((c) => c.getAttribute("data-slide-id")).join(",");
  };
  layout.load(scheduled());
  await flush();
  assert.equal(shown("main"), "2");
  const ticker = root.querySelectorAll(".slide").find((el) => el.getAttribute("data-slide-id") === "3");
  timers.tick(999);
  await flush();
  assert.equal(shown("main"), "2", "not before 08:00");
  timers.tick(1);
  await flush();
  assert.equal(shown("main"), "1", "at 08:00 exactly");
  assert.ok(root.querySelectorAll(".slide").includes(ticker), "the ticker's slide element survives");
  // With nothing due for hours, the layout still looks again every minute (a clock set right).
  assert.ok(Array.from(timers.pending.values()).some((t) => t.at === timers.now + RECHECK_MS));
  layout.stop();
  assert.equal(timers.pending.size, 0, "stopped, it keeps no timer");
});
