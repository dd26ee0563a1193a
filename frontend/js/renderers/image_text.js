// Renders a slide of type "image_text": an optional full-bleed image with the
// heading and rich text on a readable box. Plain text goes through
// textContent only; text_html comes sanitised from the server.

import { appendText, cleanedHtmlElement, imageElement, isImage, labelled, plain } from "./dom.js";

export function renderImageText(slide, doc) {
  const hasImage = isImage(slide.image);
  const heading = plain(slide.heading);
  const html = plain(slide.text_html);

  const el = labelled(doc.createElement("section"), slide);
  el.className = hasImage ? "image-text" : "image-text image-text--no-image";
  if (hasImage) el.appendChild(imageElement(doc, slide.image, "image-text__image"));

  if (heading || html) {
    const box = doc.createElement("div");
    box.className = "image-text__box";
    el.appendChild(box);
    appendText(box, "h1", "slide-heading", heading);
    if (html) box.appendChild(cleanedHtmlElement(doc, "div", "image-text__text", html));
  }
  return el;
}
