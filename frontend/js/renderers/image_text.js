// Renders a slide of type "image_text": an optional image, full-bleed or on
// one half, with the heading and rich text on a readable box at the chosen
// position, and an optional logo in a corner. Plain text goes through
// textContent only; text_html comes sanitised from the server.

import { appendText, cleanedHtmlElement, coverImageElement, imageElement, isImage, labelled, oneOf, plain } from "./dom.js";

const LAYOUTS = ["full", "image_left", "image_right"];
const BOX_POSITIONS = ["bottom-left", "bottom-right", "top-left", "top-right", "centre"];

// The text box, in the area the image leaves for it: all the slide, or a half.
function textArea(doc, heading, html) {
  const area = doc.createElement("div");
  area.className = "image-text__area";
  const box = doc.createElement("div");
  box.className = "image-text__box";
  appendText(box, "h1", "slide-heading", heading);
  if (html) box.appendChild(cleanedHtmlElement(doc, "div", "image-text__text", html));
  area.appendChild(box);
  return area;
}

export function renderImageText(slide, doc) {
  const hasImage = isImage(slide.image);
  const heading = plain(slide.heading);
  const html = plain(slide.text_html);
  const layout = hasImage ? oneOf(slide.layout, LAYOUTS) : "full";
  const position = oneOf(slide.box_position, BOX_POSITIONS);

  const el = labelled(doc.createElement("section"), slide);
  el.className = [
    "image-text",
    hasImage ? `image-text--${layout.replace("_", "-")}` : "image-text--no-image",
    `image-text--box-${position}`,
  ].join(" ");
  if (hasImage) el.appendChild(coverImageElement(doc, slide.image, "image-text__image"));
  if (heading || html) el.appendChild(textArea(doc, heading, html));
  if (isImage(slide.logo)) el.appendChild(imageElement(doc, slide.logo, "image-text__logo"));
  return el;
}
