import { test } from "node:test";
import assert from "node:assert/strict";
import { isManifest, manifestGrid, manifestRegions, playableSlides, sameGrid, slideDurationMs } from "../js/manifest.js";
import { MAIN_TICKER, manifestOf, playlist, slidesManifest } from "./manifests.js";

test("isManifest wants a string version, a layout with regions and playlists", () => {
  assert.equal(isManifest(slidesManifest("a", [])), true);
  const bad = [null, [], "x", { version: "a" }, { version: "a", slides: [] }, { version: 1, layout: { regions: [] }, playlists: {} },
    { version: "a", layout: { regions: {} }, playlists: {} }, { version: "a", layout: { regions: [] }, playlists: [] }];
  for (const value of bad) assert.equal(isManifest(value), false, JSON.stringify(value));
});

test("playableSlides drops entries that are not objects", () => {
  const a = { id: 1 };
  assert.deepEqual(playableSlides({ version: "v", slides: [a, null, 3, "x", [1]] }), [a]);
  assert.deepEqual(playableSlides(null), []);
});

test("a region plays its playlists' slides one after another, versioned by its playlists", () => {
  const news = playlist(1, [{ id: 10 }, { id: 11 }]);
  const events = playlist(2, [{ id: 20 }, null]);
  const bus = playlist(3, [{ id: 30 }]);
  const manifest = manifestOf("v", { main: [events, news], ticker: [bus] }, MAIN_TICKER);
  const regions = manifestRegions(manifest);
  assert.deepEqual(regions.map((r) => [r.name, r.slides.map((s) => s.id)]), [["main", [20, 10, 11]], ["ticker", [30]]]);
  const changedNews = manifestOf("w", { main: [events, playlist(1, [{ id: 12 }], "p1-new")], ticker: [bus] }, MAIN_TICKER);
  const [main, ticker] = manifestRegions(changedNews);
  assert.notEqual(main.version, regions[0].version);
  assert.equal(ticker.version, regions[1].version);
});

test("regions naming a missing playlist or a repeated name are skipped, and a manifest always has a region", () => {
  const manifest = manifestOf("v", { main: [playlist(1, [{ id: 1 }])] });
  manifest.layout.regions.push({ name: "main", playlists: [1] }, { name: "ghost", playlists: [99] }, { playlists: [1] }, null);
  assert.deepEqual(manifestRegions(manifest).map((r) => [r.name, r.slides.length]), [["main", 1], ["ghost", 0]]);
  assert.deepEqual(manifestRegions(null), [{ name: "main", version: "", slides: [] }]);
  assert.deepEqual(manifestRegions(manifestOf("v", {})), [{ name: "main", version: "", slides: [] }]);
});

test("two manifests share a grid when template, tracks and region names agree", () => {
  const a = manifestOf("a", { main: [playlist(1, [])], ticker: [] }, MAIN_TICKER);
  const b = manifestOf("b", { main: [], ticker: [playlist(2, [{ id: 1 }])] }, MAIN_TICKER);
  assert.equal(sameGrid(manifestGrid(a), manifestGrid(b)), true);
  assert.equal(sameGrid(manifestGrid(a), manifestGrid(slidesManifest("c", []))), false);
  assert.deepEqual(manifestGrid(a), { key: "main_ticker", columns: "1fr", rows: "7fr 1fr", areas: ["main", "ticker"], regions: ["main", "ticker"] });
});

test("slide durations are in seconds, with a default and a floor", () => {
  assert.equal(slideDurationMs({ duration: 7 }), 7000);
  assert.equal(slideDurationMs({ duration: 0.2 }), 1000);
  for (const bad of [{}, { duration: 0 }, { duration: -4 }, { duration: "abc" }, null]) {
    assert.equal(slideDurationMs(bad), 10000, JSON.stringify(bad));
  }
});
