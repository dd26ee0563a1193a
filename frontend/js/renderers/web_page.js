// Renders a slide of type "web_page": the page in a sandboxed frame. This is
// the one slide type whose content the screen loads from another site itself
// (docs/protocol.md). The frame may run scripts but never navigate the screen,
// open windows or use devices; a page from the screen's own origin gets an
// opaque origin, so it cannot read the screen's token.

import { textElement } from "./dom.js";

export function pageUrl(value) {
  try {
    const url = new URL(String(value));
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

export function renderWebPage(slide, doc, screenOrigin = globalThis.location ? globalThis.location.origin : "") {
  const el = doc.createElement("section");
  el.className = "web-page";
  const url = pageUrl(slide.url);
  if (!url) {
    el.appendChild(textElement(doc, "p", "slide-placeholder__title", typeof slide.title === "string" ? slide.title : ""));
    return el;
  }
  const frame = doc.createElement("iframe");
  frame.className = "web-page__frame";
  frame.setAttribute("sandbox", url.origin === screenOrigin ? "allow-scripts" : "allow-scripts allow-same-origin");
  frame.setAttribute("referrerpolicy", "no-referrer");
  frame.setAttribute("allow", "");
  frame.setAttribute("tabindex", "-1");
  if (typeof slide.title === "string") frame.setAttribute("title", slide.title);
  frame.setAttribute("src", url.href);
  el.appendChild(frame);
  return el;
}
