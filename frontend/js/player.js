// Plays a manifest's slides in order, looping, and swaps manifests without a
// blank frame: the next view is built and its images decoded off-screen, then
// appended, and only then is the old view marked as leaving and removed.
// The next slide's images load while the current one plays; a slide whose
// image cannot be shown is skipped and reported, and the screen keeps what it has.

import { playableSlides, slideDurationMs, slideImageUrls } from "./manifest.js";
import { renderSlide, renderIdle } from "./renderers/index.js";
import { imagesReady, decodeImage, waitAtMost, IMAGE_WAIT_MS } from "./images.js";
import { applyTheme } from "./theme.js";

export const FADE_MS = 600;

// No cross-fade for people who asked for less motion (the CSS drops the
// animation too).
function defaultFadeMs() {
  const mq = globalThis.matchMedia && globalThis.matchMedia("(prefers-reduced-motion: reduce)");
  return mq && mq.matches ? 0 : FADE_MS;
}

export function createPlayer(root, {
  doc = root.ownerDocument,
  timers = globalThis,
  now = Date.now,
  render = renderSlide,
  renderIdleView = renderIdle,
  ready = (el) => imagesReady(el, timers),
  loadImage = decodeImage,
  fadeMs = defaultFadeMs(),
  onState = () => {},
  onShow = () => {}, // the slide now on screen, or null
  onPlayed = () => {}, // {slide, startedAt, endedAt} when a slide leaves the screen
  onError = () => {}, // a short text for the status report
  atBoundary = () => false, // called when a slide's time is up; true holds the loop
  log = console,
} = {}) {
  let manifest = null;
  let slides = [];
  let index = 0;
  let slideTimer = null;
  // Bumped on every change of plan; a view whose images finish loading after
  // a newer one was requested is thrown away.
  let generation = 0;
  let preloads = new Map(); // url -> Promise of null (fine) or an error text
  // Decoded images stay referenced until their slide is built, so the browser keeps them ready.
  let held = new Map();
  let failedInARow = 0;
  let playing = null; // {slide, startedAt, whole} for the slide on screen

  function build(slide) {
    const el = doc.createElement("div");
    el.className = "slide";
    el.setAttribute("data-slide-id", String(slide.id));
    el.setAttribute("data-slide-type", String(slide.type));
    if (slide.theme) applyTheme(el, slide.theme); // else the screen's theme, from the root, applies
    try {
      el.appendChild(render(slide, doc));
    } catch (err) {
      log.error("cannot render slide", slide, err); // shown empty, the loop goes on
    }
    return el;
  }

  function preload(slide) {
    return Promise.all(slideImageUrls(slide).map((url) => {
      if (!preloads.has(url)) {
        const loading = Promise.resolve()
          .then(() => loadImage(url))
          .then((image) => {
            held.set(url, image);
            return null;
          }, () => `image failed to load (${url})`);
        preloads.set(url, loading);
      }
      return preloads.get(url);
    })).then((problems) => problems.find(Boolean) || null);
  }

  function endPlay() {
    if (!playing) return;
    const { slide, startedAt } = playing;
    playing = null;
    onPlayed({ slide: slide.id, startedAt, endedAt: now() });
  }

  function startPlay(slide, whole) {
    playing = { slide, startedAt: now(), whole };
    onShow(slide);
  }

  function swapIn(el) {
    const outgoing = Array.from(root.children).filter((child) => child.getAttribute("data-state") === "current");
    el.setAttribute("data-state", "current");
    root.appendChild(el);
    for (const old of outgoing) {
      old.setAttribute("data-state", "leaving");
      if (fadeMs > 0) timers.setTimeout(() => old.remove(), fadeMs);
      else old.remove();
    }
  }

  function present(mine, el, slide, whole) {
    return Promise.resolve()
      .then(() => ready(el))
      .catch((err) => log.warn("slide not ready", err))
      .then(() => {
        if (mine !== generation) return;
        endPlay();
        swapIn(el);
        if (slide) startPlay(slide, whole);
        else onShow(null);
        onState(slide ? "playing" : "idle");
        if (!slide) return;
        slideTimer = timers.setTimeout(timeUp, slideDurationMs(slide));
        if (slides.length > 1) preload(slides[(index + 1) % slides.length]);
      })
      .catch((err) => log.error("cannot show view", err));
  }

  function showCurrent() {
    const mine = ++generation;
    timers.clearTimeout(slideTimer);
    slideTimer = null;
    if (slides.length === 0) {
      present(mine, renderIdleView(doc), null, false);
      return;
    }
    const slide = slides[index];
    waitAtMost(preload(slide), timers, IMAGE_WAIT_MS).then((problem) => {
      if (mine !== generation) return;
      if (!problem) {
        failedInARow = 0;
        present(mine, build(slide), slide, true);
      }
      for (const url of slideImageUrls(slide)) {
        preloads.delete(url); // loaded afresh on its next turn
        held.delete(url);
      }
      if (!problem) return;
      onError(`slide ${slide.id}: ${problem}`);
      failedInARow += 1;
      if (failedInARow < slides.length) {
        index = (index + 1) % slides.length;
        showCurrent();
        return;
      }
      // Every slide failed in a row: its text without the image beats an old or empty screen.
      failedInARow = 0;
      present(mine, build(Object.assign({}, slide, { image: null, media: [] })), slide, false);
    }).catch((err) => log.error("cannot show slide", err));
  }

  function timeUp() {
    slideTimer = null;
    if (atBoundary()) return;
    if (slides.length === 1 && playing && playing.whole) {
      // A single slide stays up as it is (re-rendering would only flicker), but
      // each of its durations counts as one play.
      const slide = playing.slide;
      endPlay();
      startPlay(slide, true);
      slideTimer = timers.setTimeout(timeUp, slideDurationMs(slide));
      return;
    }
    index = (index + 1) % slides.length;
    showCurrent();
  }

  return {
    load(next) {
      if (manifest && next && next.version === manifest.version) return;
      manifest = next;
      slides = playableSlides(next);
      index = 0;
      failedInARow = 0;
      preloads = new Map();
      held = new Map();
      showCurrent();
    },
    stop() {
      generation += 1;
      timers.clearTimeout(slideTimer);
      slideTimer = null;
      endPlay();
      manifest = null;
      slides = [];
      preloads = new Map();
      held = new Map();
      Array.from(root.children).forEach((child) => child.remove());
    },
    // Records the slide on screen as played up to now (the page is going away).
    cutShort() {
      const current = playing;
      endPlay();
      if (current) playing = { slide: current.slide, startedAt: now(), whole: current.whole };
    },
    // True while slides are on their timers, so there will be a slide boundary.
    get cycling() {
      return slides.length > 0;
    },
    get manifest() {
      return manifest;
    },
  };
}
