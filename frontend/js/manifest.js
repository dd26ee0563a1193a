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

// The files a slide needs, as sent in its "media" list: [{url, kind}] with
// kind "image" or "video". Malformed entries are left out.
export function slideMedia(slide) {
  const media = slide && slide.media;
  if (!Array.isArray(media)) return [];
  return media.filter((entry) => isObject(entry) && typeof entry.url === "string" && entry.url);
}

export function slideMediaUrls(slide) {
  return slideMedia(slide).map((entry) => entry.url);
}

// The images a slide needs decoded before it may show.
export function slideImageUrls(slide) {
  return slideMedia(slide).filter((entry) => entry.kind === "image").map((entry) => entry.url);
}

// Every media file a manifest references, each once, in play order.
export function manifestMediaUrls(manifest) {
  const urls = [];
  for (const slide of playableSlides(manifest)) {
    for (const url of slideMediaUrls(slide)) if (!urls.includes(url)) urls.push(url);
  }
  return urls;
}
