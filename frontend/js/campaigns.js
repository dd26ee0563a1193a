// Campaigns: a playlist that takes over the whole screen for a window (see
// "campaigns" in docs/protocol.md).
//
// The server sends each screen its campaign track, already queued by priority,
// and the campaigns' playlists. The layer plays the campaign the track names
// for "now", by the screen's own clock, online or not, in a full-screen layout
// above the screen's own. It covers the screen only once the campaign's first
// slide is up, and the screen's own layout plays on underneath, so neither a
// campaign's start nor its end shows a blank frame.

import { createLayout, RECHECK_MS } from "./layout.js";
import { slideMediaUrls } from "./manifest.js";
import { intervalAt, nextChange, readTrack } from "./timeline.js";

const FULL = { key: "full", columns: "1fr", rows: "1fr", areas: ["main"] };

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function isCampaigns(value) {
  return isObject(value) && typeof value.version === "string" && Array.isArray(value.track) && isObject(value.playlists);
}

// The campaign interval holding `at`, or null.
export function campaignAt(campaigns, at) {
  if (!isCampaigns(campaigns)) return null;
  const row = intervalAt(readTrack(campaigns.track), at);
  return row && row.campaign !== null ? row : null;
}

// A full-screen manifest of what a campaign interval plays.
export function campaignManifest(campaigns, row) {
  const playlists = {};
  for (const id of row.playlists) {
    const playlist = campaigns.playlists[String(id)];
    if (isObject(playlist)) playlists[String(id)] = playlist;
  }
  return {
    version: `campaign-${row.campaign}-${campaigns.version}`,
    layout: Object.assign({}, FULL, { regions: [{ name: "main", playlists: Object.keys(playlists).map(Number) }] }),
    playlists,
  };
}

// Every media file the campaigns need, so an offline screen has them when their time comes.
export function campaignMediaUrls(campaigns, orientation) {
  if (!isCampaigns(campaigns)) return [];
  const urls = [];
  for (const playlist of Object.values(campaigns.playlists)) {
    const slides = isObject(playlist) && Array.isArray(playlist.slides) ? playlist.slides : [];
    for (const slide of slides) for (const url of slideMediaUrls(slide, orientation)) if (!urls.includes(url)) urls.push(url);
  }
  return urls;
}

export function createCampaignLayer(parent, {
  doc = parent.ownerDocument,
  makeLayout = createLayout,
  layoutOptions = {}, // passed on to the campaign's layout (timers, onPlayed…)
  timers = (layoutOptions.playerOptions && layoutOptions.playerOptions.timers) || globalThis,
  now = (layoutOptions.playerOptions && layoutOptions.playerOptions.now) || Date.now,
  onCover = () => {}, // (true) a campaign covers the screen from now on, (false) no longer
} = {}) {
  let campaigns = null;
  let instants = [];
  let recheck = null;
  let el = null; // the layer, while a campaign plays
  let layout = null;
  let playing = null; // the campaign id on (or coming on) screen

  function show() {
    if (!el || el.getAttribute("data-state") === "current") return;
    el.setAttribute("data-state", "current");
    onCover(true);
  }

  function open() {
    el = doc.createElement("div");
    el.className = "campaign";
    el.setAttribute("data-state", "pending");
    parent.appendChild(el);
    layout = makeLayout(el, Object.assign({}, layoutOptions, {
      doc,
      // The first report comes once the campaign's first view is up.
      onState: (state) => {
        show();
        if (layoutOptions.onState) layoutOptions.onState(state);
      },
    }));
  }

  function close() {
    if (!el) return;
    const covered = el.getAttribute("data-state") === "current";
    layout.stop();
    el.remove();
    el = layout = playing = null;
    if (covered) onCover(false);
  }

  function follow() {
    timers.clearTimeout(recheck);
    const at = now();
    const row = campaignAt(campaigns, at);
    if (!row) close();
    else {
      if (!el) open();
      playing = row.campaign;
      el.setAttribute("data-campaign-id", String(row.campaign));
      layout.load(campaignManifest(campaigns, row));
    }
    const next = nextChange(instants, at);
    recheck = timers.setTimeout(follow, next === null ? RECHECK_MS : Math.min(RECHECK_MS, next - at));
  }

  return {
    load(next) {
      if (!isCampaigns(next)) return false;
      campaigns = next;
      instants = readTrack(next.track).flatMap((row) => [row.from, row.until]);
      follow();
      return true;
    },
    stop() {
      timers.clearTimeout(recheck);
      recheck = null;
      campaigns = null;
      instants = [];
      close();
    },
    cutShort() {
      if (layout) layout.cutShort();
    },
    get campaigns() {
      return campaigns;
    },
    // The campaign's slide on screen, or null.
    get shown() {
      return layout && this.playing !== null ? layout.shown : null;
    },
    // The campaign on screen, or null.
    get playing() {
      return el && el.getAttribute("data-state") === "current" ? playing : null;
    },
  };
}
