import { test } from "node:test";
import assert from "node:assert/strict";
import { createLayout, regionOrientation, regionShape } from "../js/layout.js";
import { createPlayer } from "../js/player.js";
import { FakeDocument, FakeTimers, flush, quietLog } from "./fakes.js";
import { FULL, MAIN_TICKER, manifestOf, playlist, slidesManifest } from "./manifests.js";

function slide(id, duration = 5) {
  return { id, type: "image_text", title: `Slide ${id}`, duration, heading: `Heading ${id}`, text_html: "", image: null };
}

function setup(options = {}) {
  const doc = new FakeDocument();
  const root = doc.createElement("main");
  const timers = new FakeTimers();
  const states = [];
  const shows = [];
  const plays = [];
  const loads = []; // [region name, version] of every load a region's player was given
  const makePlayer = (el, opts) => {
    const player = createPlayer(el, opts);
    const load = player.load;
    player.load = (next) => {
      loads.push([el.getAttribute("data-region"), next.version]);
      load(next);
    };
    return player;
  };
  const layout = createLayout(root, {
    doc,
    makePlayer,
    env: {},
    playerOptions: { timers, ready: () => null, fadeMs: 0, log: quietLog },
    onState: (s) => states.push(s),
    onShow: (s) => shows.push(s ? s.id : null),
    onPlayed: (p) => plays.push(p.slide),
    ...options,
  });
  const grids = () => root.children.map((grid) => [grid.getAttribute("data-layout"), grid.getAttribute("data-state")]);
  const region = (name) => root.querySelectorAll(".region").find((el) => el.getAttribute("data-region") === name && el.parentNode.getAttribute("data-state") === "current");
  const shownIn = (name) => region(name).children.filter((c) => c.getAttribute("data-state") === "current").map((c) => c.getAttribute("data-slide-id") || c.className).join(",");
  async function advance(ms, step = 100) {
    for (let t = 0; t < ms; t += step) {
      timers.tick(Math.min(step, ms - t));
      await flush();
    }
  }
  return { doc, root, timers, layout, states, shows, plays, loads, grids, region, shownIn, advance };
}

const mainTicker = (version, main, ticker) => manifestOf(version, { main, ticker }, MAIN_TICKER);

test("a layout is a CSS grid with one playing region per named area", async () => {
  const { root, layout, states, grids, region, shownIn } = setup();
  layout.load(mainTicker("a", [playlist(1, [slide(1)]), playlist(2, [slide(2)])], [playlist(3, [slide(3)])]));
  await flush();
  assert.deepEqual(grids(), [["main_ticker", "current"]]);
  const grid = root.children[0];
  assert.equal(grid.className, "layout");
  const { gridTemplateColumns, gridTemplateRows, gridTemplateAreas } = grid.style;
  assert.deepEqual({ gridTemplateColumns, gridTemplateRows, gridTemplateAreas },
    { gridTemplateColumns: "1fr", gridTemplateRows: "7fr 1fr", gridTemplateAreas: '"main" "ticker"' });
  assert.equal(region("main").style.gridArea, "main");
  assert.equal(shownIn("main"), "1");
  assert.equal(shownIn("ticker"), "3");
  assert.equal(states[states.length - 1], "playing");
});

test("a region plays its playlists' slides one after another and loops", async () => {
  const { layout, shownIn, advance } = setup();
  layout.load(mainTicker("a", [playlist(1, [slide(1, 5)]), playlist(2, [slide(2, 3), slide(3, 1)])], [playlist(9, [slide(9, 60)])]));
  await flush();
  const seen = [shownIn("main")];
  for (const ms of [5000, 3000, 1000]) {
    await advance(ms);
    seen.push(shownIn("main"));
  }
  assert.deepEqual(seen, ["1", "2", "3", "1"]);
  assert.equal(shownIn("ticker"), "9");
});

test("a change in one region leaves the others playing undisturbed", async () => {
  const { doc, layout, loads, region, shownIn, advance } = setup();
  const main = playlist(1, [slide(1, 5), slide(2, 5)]);
  layout.load(mainTicker("a", [main], [playlist(3, [slide(3)], "old")]));
  await flush();
  await advance(5000);
  assert.equal(shownIn("main"), "2");
  const mainSlide = region("main").children[0];
  doc.mutations.length = 0;
  loads.length = 0;

  layout.load(mainTicker("b", [main], [playlist(3, [slide(4)], "new")]));
  await flush();
  assert.equal(shownIn("ticker"), "4");
  assert.deepEqual(region("main").children, [mainSlide], "the main region was not rebuilt");
  assert.equal(doc.mutations.filter((m) => m.parent === region("main")).length, 0);
  await advance(4900);
  assert.equal(shownIn("main"), "2", "nor restarted");
  await advance(100);
  assert.equal(shownIn("main"), "1");
});

test("a new grid is built hidden and replaces the old one only once every region shows", async () => {
  const { doc, root, layout, grids, shownIn } = setup({
    playerOptions: { timers: new FakeTimers(), ready: () => null, fadeMs: 0, log: quietLog },
  });
  layout.load(slidesManifest("a", [slide(1)]));
  await flush();
  const old = root.children[0];
  doc.mutations.length = 0;

  layout.load(mainTicker("b", [playlist(1, [slide(5)])], [playlist(2, [slide(6)])]));
  assert.deepEqual(grids(), [["full", "current"], ["main_ticker", "pending"]], "the old grid plays on while the new one loads");
  await flush();
  assert.deepEqual(grids(), [["main_ticker", "current"]]);
  assert.equal(old.parentNode, null);
  assert.equal(shownIn("main"), "5");
  assert.equal(shownIn("ticker"), "6");
  // The old grid left only after the new one was in the root: the root was never empty.
  const rootOps = doc.mutations.filter((m) => m.parent === root).map((m) => m.op);
  assert.deepEqual(rootOps, ["append", "remove"]);
});

test("only the lead region reports its slide and holds slide boundaries", async () => {
  const asked = [];
  const { layout, shows, advance } = setup({ atBoundary: () => asked.push("boundary") && false });
  layout.load(mainTicker("a", [playlist(1, [slide(1, 5), slide(2, 5)])], [playlist(3, [slide(3, 1), slide(4, 1)])]));
  await flush();
  await advance(5000);
  assert.deepEqual(shows, [1, 2], "the ticker's slides are not reported");
  assert.equal(asked.length, 1, "asked once, at the end of the main region's slide");
  assert.equal(layout.cycling, true);
});

test("with an empty main region the ticker leads, and the empty region stays dark", async () => {
  const { layout, shows, shownIn } = setup();
  layout.load(mainTicker("a", [], [playlist(3, [slide(3)])]));
  await flush();
  assert.equal(shownIn("main"), "idle-view");
  assert.equal(shownIn("ticker"), "3");
  assert.deepEqual(shows, [3]);
});

test("with nothing anywhere, the first region says so", async () => {
  const { layout, region, states } = setup();
  layout.load(mainTicker("a", [], []));
  await flush();
  assert.equal(region("main").querySelectorAll(".idle-view__message").length, 1);
  assert.equal(region("ticker").querySelectorAll(".idle-view__message").length, 0);
  assert.deepEqual(states, ["idle"]);
  assert.equal(layout.cycling, false);
});

test("the same manifest twice changes nothing", async () => {
  const { layout, loads, doc } = setup();
  const manifest = manifestOf("a", { main: [playlist(1, [slide(1)])] }, FULL);
  layout.load(manifest);
  await flush();
  doc.mutations.length = 0;
  layout.load(manifest);
  await flush();
  assert.equal(doc.mutations.length, 0);
  assert.deepEqual(loads.map(([name]) => name), ["main", "main"]);
});

test("stop takes every region off the screen and records what was playing", async () => {
  const { root, layout, plays } = setup();
  layout.load(mainTicker("a", [playlist(1, [slide(1)])], [playlist(2, [slide(2)])]));
  await flush();
  layout.stop();
  assert.deepEqual(root.children, []);
  assert.deepEqual(plays.sort(), [1, 2]);
});

test("a region far wider than tall is a strip", () => {
  assert.equal(regionShape(1920, 135), "strip");
  assert.equal(regionShape(1920, 1080), "box");
  assert.equal(regionShape(480, 1080), "box");
});

test("a region at least as tall as wide is portrait, as the CSS orientation media feature has it", () => {
  assert.equal(regionOrientation(480, 1080), "portrait");
  assert.equal(regionOrientation(1080, 1080), "portrait");
  assert.equal(regionOrientation(1920, 1080), "landscape");
});
