// Renders a slide of type "video": the video, letterboxed on black, muted
// unless the slide asks for sound (see ../video.js for how it plays and ends).

import { isImage } from "./dom.js";
import { attachPlayback } from "../playback.js";
import { createVideoPlayback } from "../video.js";

export function renderVideo(slide, doc) {
  const el = doc.createElement("section");
  el.className = "video-slide";
  if (typeof slide.title === "string" && slide.title) el.setAttribute("aria-label", slide.title);
  if (!isImage(slide.video)) return el;
  const video = doc.createElement("video");
  video.className = "video-slide__video";
  // Muted until it plays: muted autoplay is always allowed; sound is asked for at play().
  video.muted = true;
  video.setAttribute("muted", "");
  video.setAttribute("playsinline", "");
  video.setAttribute("preload", "auto");
  video.setAttribute("src", slide.video.url);
  el.appendChild(video);
  return attachPlayback(el, createVideoPlayback(video, slide));
}
