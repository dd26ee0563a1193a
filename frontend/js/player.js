// Plays a manifest's slides in order, looping, and swaps manifests without a
// blank frame: the next view is built and its media readied off-screen, then
// appended, and only then is the old view marked as leaving and removed.
// The next slide's media load while the current one plays (preload.js); a
// slide whose media cannot be loaded is skipped and reported, and the screen
// keeps what it has. A slide with a playback (playback.js: a video, a
// slideshow) is started once on screen; a video ends its slide itself.

import { playableSlides, slideDurationMs, withoutMedia } from "./manifest.js";
import { renderSlide, renderIdle } from "./renderers/index.js";
import { imagesReady, decodeImage, waitAtMost, IMAGE_WAIT_MS } from "./images.js";
import { videosReady } from "./video.js";
import { createPreloader, fetchWhole } from "./preload.js";
import { playbackOf } from "./playback.js";
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
  ready = (el) => Promise.all([imagesReady(el, timers), videosReady(el, timers)]),
  loadImage = decodeImage,
  loadVideo = fetchWhole,
  orientation, // () => "landscape" | "portrait"; default: the screen's
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
  // Bumped on every change of plan; a view whose media finish loading after
  // a newer one was requested is thrown away.
  let generation = 0;
  const preloader = createPreloader({ loadImage, loadVideo, orientation });
  let failedInARow = 0;
  let playing = null; // {slide, startedAt, whole} for the slide on screen
  let playback = null; // the playback of the slide on screen, if it has one

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

  function stopPlayback() {
    if (playback) playback.stop();
    playback = null;
  }

  // Ends the slide on screen by its playback (a video's end) or by its timer.
  function run(slide, slidePlayback) {
    playback = slidePlayback;
    if (!playback) {
      slideTimer = timers.setTimeout(timeUp, slideDurationMs(slide));
      return;
    }
    const mine = generation;
    const current = () => mine === generation && playback === slidePlayback;
    playback.start({
      timers,
      ended: () => current() && timeUp(),
      failed: (problem) => current() && failedWhilePlaying(slide, problem),
      report: (text) => current() && onError(`slide ${slide.id}: ${text}`),
    });
    if (!playback.endsItself) slideTimer = timers.setTimeout(timeUp, slideDurationMs(slide));
  }

  function present(mine, el, slide, whole) {
    return Promise.resolve()
      .then(() => ready(el))
      .catch((err) => log.warn("slide not ready", err))
      .then(() => {
        if (mine !== generation) return;
        endPlay();
        stopPlayback();
        swapIn(el);
        if (slide) startPlay(slide, whole);
        else onShow(null);
        onState(slide ? "playing" : "idle");
        if (!slide) return;
        run(slide, playbackOf(el));
        if (slides.length > 1) preloader.preload(slides[(index + 1) % slides.length]);
      })
      .catch((err) => log.error("cannot show view", err));
  }

  // Reports a slide that cannot be shown and moves on; when every slide has
  // failed in a row, its text without its media beats an old or empty screen.
  function skip(mine, slide, problem) {
    onError(`slide ${slide.id}: ${problem}`);
    failedInARow += 1;
    if (failedInARow < slides.length) {
      index = (index + 1) % slides.length;
      showCurrent();
      return;
    }
    failedInARow = 0;
    present(mine, build(withoutMedia(slide)), slide, false);
  }

  function failedWhilePlaying(slide, problem) {
    timers.clearTimeout(slideTimer);
    slideTimer = null;
    skip(++generation, slide, problem);
  }

  function showCurrent() {
    const mine = ++generation;
    timers.clearTimeout(slideTimer);
    slideTimer = null;
    if (slides.length === 0) {
      stopPlayback();
      present(mine, renderIdleView(doc), null, false);
      return;
    }
    const slide = slides[index];
    waitAtMost(preloader.preload(slide), timers, IMAGE_WAIT_MS).then((problem) => {
      if (mine !== generation) return;
      if (!problem) {
        failedInARow = 0;
        present(mine, build(slide), slide, true);
      }
      preloader.forget(slide); // loaded afresh on its next turn
      if (problem) skip(mine, slide, problem);
    }).catch((err) => log.error("cannot show slide", err));
  }

  function timeUp() {
    timers.clearTimeout(slideTimer);
    slideTimer = null;
    if (atBoundary()) return;
    if (slides.length === 1 && playing && playing.whole) {
      // A single slide stays up as it is (re-rendering would only flicker),
      // but each of its runs counts as one play.
      const slide = playing.slide;
      endPlay();
      startPlay(slide, true);
      run(slide, playback);
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
      preloader.reset();
      showCurrent();
    },
    stop() {
      generation += 1;
      timers.clearTimeout(slideTimer);
      slideTimer = null;
      stopPlayback();
      endPlay();
      manifest = null;
      slides = [];
      preloader.reset();
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
