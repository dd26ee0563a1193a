// Renders a slide of type "image_text": an optional image, full-bleed or on
// one half, with the heading and rich text on a readable box at the chosen
// position, and an optional logo in a corner. Plain text goes through
// textContent only; text_html comes sanitised from the server.

import { textElement, hasUrl, imageElement, coverImageElement, oneOf } from "./dom.js";

const LAYOUTS = ["full", "image_left", "image_right"];
const BOX_POSITIONS = ["bottom-left", "bottom-right", "top-left", "top-right", "centre"];

// The text box, in the area the image leaves for it: all the slide, or a half.
function textArea(doc, heading, html) {
  const area = doc.createElement("div");
  area.className = "image-text__area";
  const box = doc.createElement("div");
  box.className = "image-text__box";
  if (heading) box.appendChild(textElement(doc, "h1", "slide-heading", heading));
  if (html) {
    const text = doc.createElement("div");
    text.className = "image-text__text";
    text.innerHTML = html; // sanitised by the server (protocol.md)
    box.appendChild(text);
  }
  area.appendChild(box);
  return area;
}

export function renderImageText(slide, doc) {
  const hasImage = hasUrl(slide.image);
  const heading = typeof slide.heading === "string" ? slide.heading : "";
  const html = typeof slide.text_html === "string" ? slide.text_html : "";
  const layout = hasImage ? oneOf(slide.layout, LAYOUTS) : "full";
  const position = oneOf(slide.box_position, BOX_POSITIONS);

  const el = doc.createElement("section");
  el.className = [
    "image-text",
    hasImage ? `image-text--${layout.replace("_", "-")}` : "image-text--no-image",
    `image-text--box-${position}`,
  ].join(" ");
  if (typeof slide.title === "string" && slide.title) el.setAttribute("aria-label", slide.title);
  if (hasImage) el.appendChild(coverImageElement(doc, slide.image, "image-text__image"));
  if (heading || html) el.appendChild(textArea(doc, heading, html));
  if (hasUrl(slide.logo)) el.appendChild(imageElement(doc, slide.logo, "image-text__logo"));
  return el;
}
