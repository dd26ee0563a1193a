// Small DOM helpers shared by the renderers.

// An element holding plain text: always textContent, never innerHTML.
export function textElement(doc, tag, className, text) {
  const el = doc.createElement(tag);
  el.className = className;
  el.textContent = text;
  return el;
}

export function hasUrl(image) {
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
  img.setAttribute("alt", typeof image.alt === "string" ? image.alt : "");
  img.setAttribute("decoding", "async");
  img.setAttribute("src", image.url);
  return img;
}

// A cover image: its landscape crop, or its portrait crop ("portrait") on a
// portrait screen, chosen by the browser with the same media query as the CSS.
export function coverImageElement(doc, image, className) {
  const img = imageElement(doc, image, className);
  if (!hasUrl(image.portrait)) return img;
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
