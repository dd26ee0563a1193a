// A slide's media, fetched ahead of its turn: images loaded and decoded (and
// held, so the browser keeps them decoded until the slide is built), videos
// fetched whole. A whole fetch puts the file in the service worker's cache,
// which then answers the <video>'s range requests; it also finds a 404 before
// the slide's turn. Each file is loaded once per turn.

import { slideMedia } from "./manifest.js";

// Fetches a file to its end, keeping nothing: the service worker (or the HTTP
// cache, without one) keeps it. Rejects on a status other than 2xx.
export function fetchWhole(url, fetchFn = globalThis.fetch) {
  return fetchFn(url, { credentials: "same-origin" }).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    if (!response.body || !response.body.getReader) return null;
    const reader = response.body.getReader();
    const drain = () => reader.read().then(({ done }) => (done ? null : drain()));
    return drain();
  });
}

export function createPreloader({ loadImage, loadVideo = fetchWhole, orientation } = {}) {
  let loads = new Map(); // url -> Promise of null (fine) or an error text
  let held = new Map();

  function load(entry) {
    if (!loads.has(entry.url)) {
      const video = entry.kind === "video";
      const loading = Promise.resolve()
        .then(() => (video ? loadVideo(entry.url) : loadImage(entry.url)))
        .then((loaded) => {
          // A load that ends after its slide stopped waiting (or a new manifest took over) is let go.
          if (!video && loads.get(entry.url) === loading) held.set(entry.url, loaded);
          return null;
        }, () => `${video ? "video" : "image"} failed to load (${entry.url})`);
      loads.set(entry.url, loading);
    }
    return loads.get(entry.url);
  }

  return {
    // Resolves with null when the slide's media are ready, else the first problem.
    preload(slide) {
      const media = slideMedia(slide, orientation && orientation());
      return Promise.all(media.map(load)).then((problems) => problems.find(Boolean) || null);
    },
    // The slide has been built (or skipped): its media load afresh on its next turn.
    forget(slide) {
      for (const entry of slideMedia(slide, orientation && orientation())) {
        loads.delete(entry.url);
        held.delete(entry.url);
      }
    },
    reset() {
      loads = new Map();
      held = new Map();
    },
  };
}
