// Pure checks on manifests as sent by the server (see docs/protocol.md).

import { regionPlaylistsAt, slideLiveAt } from "./timeline.js";

export const DEFAULT_DURATION_S = 10;
const MIN_DURATION_S = 1;

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// A manifest: a grid layout whose regions play playlists (see docs/protocol.md).
export function isManifest(value) {
  return isObject(value) && typeof value.version === "string" && isObject(value.layout)
    && Array.isArray(value.layout.regions) && isObject(value.playlists);
}

// The slides a player can show from what it is given ({version, slides}):
// objects only, so one malformed entry cannot stop the whole loop.
export function playableSlides(sequence) {
  return isObject(sequence) && Array.isArray(sequence.slides) ? sequence.slides.filter(isObject) : [];
}

// Each region of a manifest as its player plays it at the instant `at` (ms):
// {name, version, slides}, the slides of the playlists its timeline names for
// that instant, one after another, without those expired by then. Without an
// instant, every playlist placed in the region and every slide. The version
// changes only when what the region plays does, so an unchanged region is left
// alone. A manifest without a usable region has one empty region, so a screen
// always has a view.
export function manifestRegions(manifest, at = null) {
  const regions = [];
  const layout = isManifest(manifest) ? manifest.layout : { regions: [] };
  for (const region of layout.regions) {
    if (!isObject(region) || typeof region.name !== "string" || regions.some((r) => r.name === region.name)) continue;
    const scheduled = at === null ? null : regionPlaylistsAt(manifest, region.name, at);
    const ids = scheduled || (Array.isArray(region.playlists) ? region.playlists : []);
    const playlists = ids.map((id) => manifest.playlists[String(id)]).filter(isObject);
    const slides = [].concat(...playlists.map(playableSlides));
    const live = at === null ? slides : slides.filter((slide) => slideLiveAt(slide, at));
    const expired = slides.filter((slide) => !live.includes(slide)).map((slide) => slide.id);
    regions.push({
      name: region.name,
      version: playlists.map((playlist) => `${playlist.id}:${playlist.version}`).join(" ")
        + (expired.length ? ` -${expired.join(",")}` : ""),
      slides: live,
    });
  }
  return regions.length > 0 ? regions : [{ name: "main", version: "", slides: [] }];
}

// The grid a manifest is drawn in; two manifests with equal grids differ only
// in what their regions play.
export function manifestGrid(manifest) {
  const layout = isManifest(manifest) ? manifest.layout : {};
  const text = (value, fallback) => (typeof value === "string" ? value : fallback);
  return {
    key: text(layout.key, "full"),
    columns: text(layout.columns, "1fr"),
    rows: text(layout.rows, "1fr"),
    areas: Array.isArray(layout.areas) ? layout.areas.map(String) : [],
    regions: manifestRegions(manifest).map((region) => region.name),
  };
}

export function sameGrid(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

// How long a slide stays on screen, in milliseconds.
export function slideDurationMs(slide) {
  const seconds = Number(slide && slide.duration);
  if (!Number.isFinite(seconds) || seconds <= 0) return DEFAULT_DURATION_S * 1000;
  return Math.max(MIN_DURATION_S, seconds) * 1000;
}

// "portrait" or "landscape": which of a cover image's two crops this screen
// shows (the same test as the CSS's and <picture>'s `orientation` media query).
export function screenOrientation(env = globalThis) {
  const mq = env.matchMedia && env.matchMedia("(orientation: portrait)");
  return mq && mq.matches ? "portrait" : "landscape";
}

// The files a slide needs on a screen of this orientation, as sent in its
// "media" list: [{url, kind, orientation?}] with kind "image" or "video"; an
// entry with an orientation is for screens of that orientation only.
// Malformed entries are left out.
export function slideMedia(slide, orientation = screenOrientation()) {
  const media = slide && slide.media;
  if (!Array.isArray(media)) return [];
  return media.filter((entry) => isObject(entry) && typeof entry.url === "string" && entry.url
    && (!entry.orientation || entry.orientation === orientation));
}

export function slideMediaUrls(slide, orientation) {
  return slideMedia(slide, orientation).map((entry) => entry.url);
}

// Every media file a manifest references, each once, in play order (at any
// time: what plays later is cached for an offline screen too).
export function manifestMediaUrls(manifest, orientation) {
  const urls = [];
  for (const region of manifestRegions(manifest)) {
    for (const slide of region.slides) {
      for (const url of slideMediaUrls(slide, orientation)) if (!urls.includes(url)) urls.push(url);
    }
  }
  return urls;
}

// The slide as shown when its media cannot be: its text without its images or video.
export function withoutMedia(slide) {
  return Object.assign({}, slide, { image: null, logo: null, images: [], video: null, media: [] });
}
