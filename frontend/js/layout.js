// Draws a manifest's layout: a CSS grid whose named regions each run their
// own player (player.js) over their playlists' slides.
//
// A manifest with the same grid updates the regions in place: a region whose
// playlists did not change plays on undisturbed, and a changed one swaps at
// once, as a player does, without a blank frame. A new grid is built hidden
// and shown in place of the old one only when each of its regions has its
// first view up, so the screen never shows a half-built layout.
//
// What each region plays follows the manifest's timeline (timeline.js): the
// layout looks again at every instant the timeline names, and at least once a
// minute (a clock set right, a tab woken from sleep), and a region whose
// playlists change swaps like any update.

import { createPlayer } from "./player.js";
import { manifestGrid, manifestRegions, sameGrid } from "./manifest.js";
import { manifestInstants, nextChange } from "./timeline.js";
import { renderIdle } from "./renderers/index.js";

// The longest wait before the layout checks its timeline again.
export const RECHECK_MS = 60 * 1000;

// A region far wider than tall is a strip (a ticker): screen.css sets its text on one line.
const STRIP_RATIO = 4;

export function regionShape(width, height) {
  return width >= STRIP_RATIO * height ? "strip" : "box";
}

// As the CSS `orientation` media feature, for a region: a sidebar on a landscape screen is portrait.
export function regionOrientation(width, height) {
  return height >= width ? "portrait" : "landscape";
}

// An empty region in a layout with content elsewhere stays dark instead of
// repeating "nothing to show".
function renderEmpty(doc) {
  const el = doc.createElement("div");
  el.className = "idle-view";
  return el;
}

export function createLayout(root, {
  doc = root.ownerDocument,
  makePlayer = createPlayer,
  playerOptions = {}, // passed on to every region's player (timers, renderers…)
  onState = () => {}, // "playing" once any region plays, else "idle"
  onShow = () => {}, // the lead region's slide on screen, or null
  onPlayed = () => {},
  onError = () => {},
  atBoundary = () => false, // asked at the end of each of the lead region's slides
  env = globalThis,
  timers = playerOptions.timers || globalThis,
  now = playerOptions.now || Date.now,
} = {}) {
  let current = null; // the grid on screen
  let pending = null; // a grid being built behind it
  let manifest = null; // the manifest last loaded
  let instants = []; // when its content changes
  let recheck = null;

  // Sizes each region for screen.css: --region-unit is 1% of its shorter side
  // (1vmin for a full-screen region); data-shape tells strips from boxes, and
  // data-orientation whether the slide's parts go side by side or stacked.
  const resizes = env.ResizeObserver
    ? new env.ResizeObserver((entries) => entries.forEach(({ target }) => {
      const width = target.clientWidth;
      const height = target.clientHeight;
      target.style.setProperty("--region-unit", `${Math.min(width, height) / 100}px`);
      target.setAttribute("data-shape", regionShape(width, height));
      target.setAttribute("data-orientation", regionOrientation(width, height));
    }))
    : null;

  // The lead region reports the slide on screen and holds slide boundaries for
  // updates: the first region with slides, else the first region.
  function isLead(grid, name) {
    return grid === current && grid.lead === name;
  }

  function stateChanged(grid) {
    const states = Array.from(grid.regions.values()).map((region) => region.state);
    if (grid === pending && states.every(Boolean)) promote(grid);
    else if (grid === current) onState(states.includes("playing") ? "playing" : "idle");
  }

  function addRegion(grid, name) {
    const el = doc.createElement("div");
    el.className = "region";
    el.setAttribute("data-region", name);
    el.style.gridArea = name;
    grid.el.appendChild(el);
    if (resizes) resizes.observe(el);
    const region = { el, state: null, shown: null, player: null };
    region.player = makePlayer(el, Object.assign({}, playerOptions, {
      doc,
      onPlayed,
      onError,
      onState(state) {
        region.state = state;
        stateChanged(grid);
      },
      onShow(slide) {
        region.shown = slide;
        if (isLead(grid, name)) onShow(slide);
      },
      atBoundary: () => isLead(grid, name) && atBoundary(),
      renderIdleView: (d) => (grid.lead === name ? renderIdle(d) : renderEmpty(d)),
    }));
    grid.regions.set(name, region);
  }

  function buildGrid(spec) {
    const el = doc.createElement("div");
    el.className = "layout";
    el.setAttribute("data-layout", spec.key);
    el.setAttribute("data-state", "pending");
    // Through the style object, never a style string: a value the browser does not accept is dropped.
    el.style.gridTemplateColumns = spec.columns;
    el.style.gridTemplateRows = spec.rows;
    el.style.gridTemplateAreas = spec.areas.map((row) => `"${row.replace(/"/g, "")}"`).join(" ");
    const grid = { el, spec, regions: new Map(), lead: null };
    root.appendChild(el);
    spec.regions.forEach((name) => addRegion(grid, name));
    return grid;
  }

  function retire(grid) {
    grid.regions.forEach((region) => {
      region.player.stop();
      if (resizes) resizes.unobserve(region.el);
    });
    grid.el.remove();
  }

  function promote(grid) {
    const old = current;
    current = grid;
    pending = null;
    grid.el.setAttribute("data-state", "current");
    if (old) retire(old); // in the same task as showing the new grid: no frame without either
    const lead = grid.regions.get(grid.lead);
    onShow(lead ? lead.shown : null);
    stateChanged(grid);
  }

  function play(grid, regions) {
    const lead = regions.find((region) => region.slides.length > 0) || regions[0];
    grid.lead = lead ? lead.name : null;
    regions.forEach((region) => grid.regions.get(region.name).player.load(region));
  }

  function leadPlayer() {
    const region = current && current.regions.get(current.lead);
    return region ? region.player : null;
  }

  // Plays what the timeline says for now, then waits for its next change.
  function follow() {
    timers.clearTimeout(recheck);
    const at = now();
    const target = pending || current;
    if (target) play(target, manifestRegions(manifest, at));
    const next = nextChange(instants, at);
    recheck = timers.setTimeout(follow, next === null ? RECHECK_MS : Math.min(RECHECK_MS, next - at));
  }

  return {
    load(next) {
      manifest = next;
      instants = manifestInstants(next);
      const spec = manifestGrid(next);
      const target = pending || current;
      if (!target || !sameGrid(target.spec, spec)) {
        if (pending) retire(pending);
        pending = buildGrid(spec);
      }
      follow();
    },
    stop() {
      timers.clearTimeout(recheck);
      recheck = null;
      [pending, current].forEach((grid) => grid && retire(grid));
      pending = current = null;
      manifest = null;
    },
    // Records every region's slide as played up to now (the page is going away).
    cutShort() {
      if (current) current.regions.forEach((region) => region.player.cutShort());
    },
    // True while the lead region's slides are on their timers, so there will be a slide boundary.
    get cycling() {
      const player = leadPlayer();
      return Boolean(player && player.cycling);
    },
    get manifest() {
      return manifest;
    },
    // The lead region's slide on screen, or null.
    get shown() {
      const region = current && current.regions.get(current.lead);
      return region ? region.shown : null;
    },
  };
}
