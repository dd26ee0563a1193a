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

function sized(el, image) {
  if (image.width) el.setAttribute("width", String(image.width));
  if (image.height) el.setAttribute("height", String(image.height));
  return el;
}

// An <img> of a manifest image ({url, width, height, alt}); alt is never missing.
export function imageElement(doc, image, className) {
  const img = sized(doc.createElement("img"), image);
  img.className = className;
  img.setAttribute("alt", plain(image.alt));
  img.setAttribute("decoding", "async");
  img.setAttribute("src", image.url);
  return img;
}

// A cover image: its landscape crop, or its portrait crop ("portrait") on a
// portrait screen, chosen by the browser with the same media query as the CSS.
export function coverImageElement(doc, image, className) {
  const img = imageElement(doc, image, className);
  if (!isImage(image.portrait)) return img;
  const picture = doc.createElement("picture");
  const source = sized(doc.createElement("source"), image.portrait);
  source.setAttribute("media", "(orientation: portrait)");
  source.setAttribute("srcset", image.portrait.url);
  picture.appendChild(source);
  picture.appendChild(img);
  return picture;
}

// `value` if it is one of `allowed`, else the first of them.
export function oneOf(value, allowed) {
  return allowed.includes(value) ? value : allowed[0];
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
