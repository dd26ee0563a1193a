// Plays a manifest's slides in order, looping, and swaps manifests without a
// blank frame: the next view is built and its images decoded off-screen, then
// appended, and only then is the old view marked as leaving and removed.

import { playableSlides, slideDurationMs } from "./manifest.js";
import { renderSlide, renderIdle } from "./renderers/index.js";

export const FADE_MS = 600;
const IMAGE_WAIT_MS = 3000;

// Resolves once the element's images are decoded, or after `timeoutMs`
// whichever is first, so a slow or broken image never holds up the loop.
export function imagesReady(el, timers = globalThis, timeoutMs = IMAGE_WAIT_MS) {
  const images = el.querySelectorAll ? Array.from(el.querySelectorAll("img")) : [];
  if (images.length === 0) return Promise.resolve();
  const decoded = Promise.all(images.map((img) => (img.decode ? img.decode().catch(() => {}) : null)));
  const timeout = new Promise((resolve) => timers.setTimeout(resolve, timeoutMs));
  return Promise.race([decoded, timeout]);
}

// No cross-fade for people who asked for less motion (the CSS drops the
// animation too).
function defaultFadeMs() {
  const mq = globalThis.matchMedia && globalThis.matchMedia("(prefers-reduced-motion: reduce)");
  return mq && mq.matches ? 0 : FADE_MS;
}

export function createPlayer(root, {
  doc = root.ownerDocument,
  timers = globalThis,
  render = renderSlide,
  renderIdleView = renderIdle,
  ready = (el) => imagesReady(el, timers),
  fadeMs = defaultFadeMs(),
  onState = () => {},
  log = console,
} = {}) {
  let manifest = null;
  let slides = [];
  let index = 0;
  let slideTimer = null;
  // Bumped on every change of plan; a view whose images finish loading after
  // a newer one was requested is thrown away.
  let generation = 0;

  function build(slide) {
    const el = doc.createElement("div");
    el.className = "slide";
    el.setAttribute("data-slide-id", String(slide.id));
    el.setAttribute("data-slide-type", String(slide.type));
    try {
      el.appendChild(render(slide, doc));
    } catch (err) {
      log.error("cannot render slide", slide, err); // shown empty, the loop goes on
    }
    return el;
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

  function show(el, state, afterMs) {
    const mine = ++generation;
    timers.clearTimeout(slideTimer);
    slideTimer = null;
    Promise.resolve()
      .then(() => ready(el))
      .catch((err) => log.warn("slide not ready", err))
      .then(() => {
        if (mine !== generation) return;
        swapIn(el);
        onState(state);
        if (afterMs !== null) slideTimer = timers.setTimeout(advance, afterMs);
      })
      .catch((err) => log.error("cannot show view", err));
  }

  function showCurrent() {
    if (slides.length === 0) {
      show(renderIdleView(doc), "idle", null);
      return;
    }
    const slide = slides[index];
    // A single slide stays up as it is: re-rendering it would only flicker.
    show(build(slide), "playing", slides.length > 1 ? slideDurationMs(slide) : null);
  }

  function advance() {
    index = (index + 1) % slides.length;
    showCurrent();
  }

  return {
    load(next) {
      if (manifest && next && next.version === manifest.version) return;
      manifest = next;
      slides = playableSlides(next);
      index = 0;
      showCurrent();
    },
    stop() {
      generation += 1;
      timers.clearTimeout(slideTimer);
      slideTimer = null;
      manifest = null;
      slides = [];
      Array.from(root.children).forEach((child) => child.remove());
    },
    get manifest() {
      return manifest;
    },
  };
}
