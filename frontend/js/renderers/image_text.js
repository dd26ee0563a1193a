// Renders a slide of type "image_text": an optional full-bleed image with the
// heading and rich text on a readable box. Plain text goes through
// textContent only; text_html comes sanitised from the server.

import { textElement } from "./dom.js";

function imageElement(doc, image) {
  const img = doc.createElement("img");
  img.className = "image-text__image";
  img.setAttribute("alt", typeof image.alt === "string" ? image.alt : "");
  if (image.width) img.setAttribute("width", String(image.width));
  if (image.height) img.setAttribute("height", String(image.height));
  img.setAttribute("decoding", "async");
  img.setAttribute("src", image.url);
  return img;
}

export function renderImageText(slide, doc) {
  const hasImage = Boolean(slide.image && typeof slide.image.url === "string" && slide.image.url);
  const heading = typeof slide.heading === "string" ? slide.heading : "";
  const html = typeof slide.text_html === "string" ? slide.text_html : "";

  const el = doc.createElement("section");
  el.className = hasImage ? "image-text" : "image-text image-text--no-image";
  if (typeof slide.title === "string" && slide.title) el.setAttribute("aria-label", slide.title);
  if (hasImage) el.appendChild(imageElement(doc, slide.image));

  if (heading || html) {
    const box = doc.createElement("div");
    box.className = "image-text__box";
    if (heading) box.appendChild(textElement(doc, "h1", "slide-heading", heading));
    if (html) {
      const text = doc.createElement("div");
      text.className = "image-text__text";
      text.innerHTML = html; // sanitised by the server (protocol.md)
      box.appendChild(text);
    }
    el.appendChild(box);
  }
  return el;
}
