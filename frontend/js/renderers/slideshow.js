// Renders a slide of type "slideshow": its images stacked, each shown for its
// own duration, the next fading in over it, with a slow zoom (Ken Burns) when
// the transition is "zoom". Screens that prefer reduced motion cut between
// images without fade or zoom (screen.css). The slide's duration is the sum.

import { isImage, coverImageElement, oneOf } from "./dom.js";
import { attachPlayback } from "../playback.js";
import { slideDurationMs } from "../manifest.js";

const TRANSITIONS = ["fade", "zoom"];

function frameElement(doc, image) {
  const frame = doc.createElement("div");
  frame.className = "slideshow__frame";
  // The zoom lasts as long as the image is shown.
  frame.style.setProperty("--frame-seconds", `${slideDurationMs(image) / 1000}s`);
  frame.appendChild(coverImageElement(doc, image, "slideshow__image"));
  return frame;
}

// Shows frame `current` over the one before it (the last, before the first),
// which stays beneath until the fade is over; the rest wait, hidden.
function showFrame(frames, current) {
  const before = (current + frames.length - 1) % frames.length;
  frames.forEach((frame, i) => {
    frame.setAttribute("data-state", i === current ? "current" : i === before ? "leaving" : "waiting");
  });
}

function slideshowPlayback(frames, durationsMs) {
  let timers = null;
  let timer = null;
  return {
    endsItself: false,
    start(hooks) {
      this.stop();
      timers = hooks.timers;
      const show = (i) => {
        showFrame(frames, i);
        if (i + 1 < frames.length) timer = timers.setTimeout(() => show(i + 1), durationsMs[i]);
      };
      show(0);
    },
    stop() {
      if (timers) timers.clearTimeout(timer);
      timer = null;
    },
  };
}

export function renderSlideshow(slide, doc) {
  const images = (Array.isArray(slide.images) ? slide.images : []).filter(isImage);
  const el = doc.createElement("section");
  el.className = `slideshow slideshow--${oneOf(slide.transition, TRANSITIONS)}`;
  if (typeof slide.title === "string" && slide.title) el.setAttribute("aria-label", slide.title);
  const frames = images.map((image) => el.appendChild(frameElement(doc, image)));
  showFrame(frames, 0);
  return attachPlayback(el, slideshowPlayback(frames, images.map(slideDurationMs)));
}
