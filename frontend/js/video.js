// A video slide plays its video to the end, then the slide ends. A video that
// cannot be loaded or decoded, or makes no progress for STALL_MS while it
// should be playing, ends its slide early and is reported; one still running
// CAP_SLACK_MS past its length (or the slide's duration, if longer) is cut.
// Muted unless the slide asks for sound, which autoplay allows only when the
// kiosk browser was started with --autoplay-policy=no-user-gesture-required.

import { slideDurationMs } from "./manifest.js";
import { waitAtMost, IMAGE_WAIT_MS } from "./images.js";

export const STALL_MS = 15000;
export const CAP_SLACK_MS = 30000;

// Videos on screen, and whether an emergency message covers them: then they play without sound.
const sounding = new Map(); // video -> its slide
let silenced = false;

function applySound(video, slide) {
  video.muted = silenced || !slide.sound;
}

// Mutes every video on screen while `on`, and gives back the sound their slides ask for after.
export function silenceVideos(on) {
  silenced = on;
  sounding.forEach((slide, video) => applySound(video, slide));
}

const MEDIA_ERRORS = { 1: "aborted", 2: "network error", 3: "decode error", 4: "not playable here" };

export function videoProblem(video) {
  const code = video.error && video.error.code;
  return MEDIA_ERRORS[code] || "failed";
}

// How long the video may run: its length once known, else the slide's
// duration, whichever is longer, plus slack.
export function videoCapMs(slide, videoSeconds) {
  const length = Number.isFinite(videoSeconds) && videoSeconds > 0 ? videoSeconds * 1000 : 0;
  return Math.max(slideDurationMs(slide), length) + CAP_SLACK_MS;
}

// Resolves once each video in `el` shows its first frame or has failed, or
// after `timeoutMs`: a slide swaps in with a picture, not a black frame.
export function videosReady(el, timers = globalThis, timeoutMs = IMAGE_WAIT_MS) {
  const videos = el.querySelectorAll ? Array.from(el.querySelectorAll("video")) : [];
  const loaded = (video) => new Promise((resolve) => {
    if (video.readyState >= 2 || video.error) return resolve();
    video.addEventListener("loadeddata", resolve, { once: true });
    video.addEventListener("error", resolve, { once: true });
  });
  return videos.length ? waitAtMost(Promise.all(videos.map(loaded)), timers, timeoutMs) : Promise.resolve();
}

export function createVideoPlayback(video, slide) {
  let stopWatching = null;

  function play(report) {
    applySound(video, slide);
    const started = video.play();
    if (!started || !started.catch) return;
    started.catch((err) => {
      if (video.muted || !err || err.name !== "NotAllowedError") return; // errors and stalls are watched for
      report("video sound blocked by the autoplay policy: start the kiosk with --autoplay-policy=no-user-gesture-required");
      video.muted = true;
      return video.play();
    }).catch(() => {});
  }

  return {
    endsItself: true,
    start({ timers, ended, failed, report = () => {} }) {
      if (stopWatching) stopWatching();
      const url = video.getAttribute("src");
      let stallTimer = null;
      let capTimer = null;
      let lastTime = null;
      const finish = (then) => {
        if (!stopWatching) return;
        stopWatching();
        then();
      };
      const armStall = () => {
        timers.clearTimeout(stallTimer);
        stallTimer = timers.setTimeout(() => finish(() => failed(`video stalled for ${STALL_MS / 1000} s (${url})`)), STALL_MS);
      };
      const armCap = () => {
        timers.clearTimeout(capTimer);
        capTimer = timers.setTimeout(() => finish(() => failed(`video did not end in time (${url})`)), videoCapMs(slide, video.duration));
      };
      const listeners = {
        timeupdate: () => {
          if (video.currentTime === lastTime) return;
          lastTime = video.currentTime;
          armStall();
        },
        ended: () => finish(ended),
        error: () => finish(() => failed(`video ${videoProblem(video)} (${url})`)),
        durationchange: armCap,
      };
      for (const name of Object.keys(listeners)) video.addEventListener(name, listeners[name]);
      sounding.set(video, slide);
      stopWatching = () => {
        sounding.delete(video);
        for (const name of Object.keys(listeners)) video.removeEventListener(name, listeners[name]);
        timers.clearTimeout(stallTimer);
        timers.clearTimeout(capTimer);
        stopWatching = null;
      };
      if (video.error) {
        // Failed while it was being readied: told after start returns, like any other failure.
        stallTimer = timers.setTimeout(listeners.error, 0);
        return;
      }
      if (video.currentTime > 0) video.currentTime = 0; // played again: a one-slide playlist
      armStall();
      armCap();
      play(report);
    },
    stop() {
      if (stopWatching) stopWatching();
      if (video.pause) video.pause();
    },
  };
}
