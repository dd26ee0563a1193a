// Renders a slide of type "qr_code": the code, made by the server as an SVG
// data URL and shown in an <img> (an image cannot run scripts), beside its
// caption and the address in plain text.

import { appendText, labelled, plain } from "./dom.js";

const SVG_DATA_URL = "data:image/svg+xml;base64,";

export function renderQrCode(slide, doc) {
  const el = labelled(doc.createElement("section"), slide);
  el.className = "qr-code";
  const qr = plain(slide.qr);
  if (qr.startsWith(SVG_DATA_URL)) {
    const img = doc.createElement("img");
    img.className = "qr-code__image";
    img.setAttribute("alt", "");
    img.setAttribute("src", qr);
    el.appendChild(img);
  }
  const body = doc.createElement("div");
  body.className = "qr-code__body";
  el.appendChild(body);
  appendText(body, "p", "qr-code__caption", plain(slide.caption));
  appendText(body, "p", "qr-code__url", plain(slide.url));
  return el;
}
