// Pure checks on manifests as sent by the server (see docs/protocol.md).

export const DEFAULT_DURATION_S = 10;
const MIN_DURATION_S = 1;

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function isManifest(value) {
  return isObject(value) && typeof value.version === "string" && Array.isArray(value.slides);
}

// The slides a player can show: objects only, so one malformed entry cannot
// stop the whole loop.
export function playableSlides(manifest) {
  return isManifest(manifest) ? manifest.slides.filter(isObject) : [];
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

// Every media file a manifest references, each once, in play order.
export function manifestMediaUrls(manifest, orientation) {
  const urls = [];
  for (const slide of playableSlides(manifest)) {
    for (const url of slideMediaUrls(slide, orientation)) if (!urls.includes(url)) urls.push(url);
  }
  return urls;
}

// The slide as shown when its media cannot be: its text without its images or video.
export function withoutMedia(slide) {
  return Object.assign({}, slide, { image: null, logo: null, images: [], video: null, media: [] });
}
