// Small DOM helpers shared by the renderers.

// An element holding plain text: always textContent, never innerHTML.
export function textElement(doc, tag, className, text) {
  const el = doc.createElement(tag);
  el.className = className;
  el.textContent = text;
  return el;
}

// An element holding rich text the server has cleaned to a short list of tags
// (the `_html` fields of docs/protocol.md); no other text may go through here.
export function cleanedHtmlElement(doc, tag, className, html) {
  const el = doc.createElement(tag);
  el.className = className;
  el.innerHTML = html;
  return el;
}

// A field of the slide as plain text: anything but a string counts as empty.
export function plain(value) {
  return typeof value === "string" ? value : "";
}

// True for an image entry of the payload ({url, width, height, alt}) that can be shown.
export function isImage(image) {
  return Boolean(image && typeof image.url === "string" && image.url);
}

export function imageElement(doc, image, className) {
  const img = doc.createElement("img");
  img.className = className;
  img.setAttribute("alt", plain(image.alt));
  if (image.width) img.setAttribute("width", String(image.width));
  if (image.height) img.setAttribute("height", String(image.height));
  img.setAttribute("decoding", "async");
  img.setAttribute("src", image.url);
  return img;
}

// Appends a plain-text element to `parent` only when there is text to show.
export function appendText(parent, tag, className, text) {
  if (text) parent.appendChild(textElement(parent.ownerDocument, tag, className, text));
}

// Labels the slide for assistive technology with its (admin-only) title.
export function labelled(el, slide) {
  if (plain(slide.title)) el.setAttribute("aria-label", slide.title);
  return el;
}

// A slide laid out as an optional picture beside (or, portrait, above) a text
// body: classes `block`, `block--no-image`, `block__image` and `block__body`.
// Returns the slide's element and the body to fill.
export function pictureAndBody(doc, slide, block, image) {
  const hasImage = isImage(image);
  const el = labelled(doc.createElement("section"), slide);
  el.className = hasImage ? block : `${block} ${block}--no-image`;
  if (hasImage) el.appendChild(imageElement(doc, image, `${block}__image`));
  const body = doc.createElement("div");
  body.className = `${block}__body`;
  el.appendChild(body);
  return { el, body };
}
