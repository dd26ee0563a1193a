// Renders a slide of type "news": a feed's entries taking turns, each for an
// equal share of the slide's duration. Titles and summaries are plain text
// (textContent); pictures are the server's own copies, never a third party's.

import { textElement } from "./dom.js";
import { rotate } from "./rotation.js";
import { slideDurationMs } from "../manifest.js";
import { strings } from "../strings.js";

function isEntry(entry) {
  return entry !== null && typeof entry === "object" && (typeof entry.title === "string" || typeof entry.summary === "string");
}

function entryElement(doc, entry) {
  const el = doc.createElement("article");
  const image = entry.image && typeof entry.image.url === "string" && entry.image.url ? entry.image : null;
  el.className = image ? "news__entry" : "news__entry news__entry--no-image";
  if (image) {
    const img = doc.createElement("img");
    img.className = "news__image";
    img.setAttribute("alt", "");
    img.setAttribute("src", image.url);
    el.appendChild(img);
  }
  const text = doc.createElement("div");
  text.className = "news__text";
  if (entry.title) text.appendChild(textElement(doc, "h2", "news__title", entry.title));
  if (entry.summary) text.appendChild(textElement(doc, "p", "news__summary", entry.summary));
  el.appendChild(text);
  return el;
}

export function renderNews(slide, doc, timers = globalThis) {
  const entries = Array.isArray(slide.entries) ? slide.entries.filter(isEntry) : [];
  const el = doc.createElement("section");
  el.className = "news";
  if (typeof slide.heading === "string" && slide.heading) el.appendChild(textElement(doc, "h1", "news__heading", slide.heading));
  if (entries.length === 0) {
    el.appendChild(textElement(doc, "p", "news__empty", strings.newsEmpty));
    return el;
  }
  const parts = entries.map((entry) => el.appendChild(entryElement(doc, entry)));
  rotate(parts, slideDurationMs(slide) / parts.length, timers);
  return el;
}
