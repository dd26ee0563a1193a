import { test } from "node:test";
import assert from "node:assert/strict";
import { renderSlide } from "../js/renderers/index.js";
import { FakeDocument } from "./fakes.js";

const QR = "data:image/svg+xml;base64,PHN2Zy8+";

function qr(fields) {
  return { id: 5, type: "qr_code", title: "QR", duration: 10, caption: "Scan for events", url: "https://example.dk/events", qr: QR, media: [], ...fields };
}

test("the code is an <img> of the server's SVG, beside caption and address", () => {
  const el = renderSlide(qr({}), new FakeDocument());
  const img = el.querySelector("img");
  assert.equal(img.getAttribute("src"), QR);
  assert.equal(img.getAttribute("alt"), "");
  assert.equal(el.querySelector(".qr-code__caption").textContent, "Scan for events");
  assert.equal(el.querySelector(".qr-code__url").textContent, "https://example.dk/events");
});

test("anything but an SVG data URL is not shown as the code", () => {
  for (const src of ["javascript:alert(1)", "https://evil.example/x.svg", "data:text/html;base64,PHNjcmlwdD4=", null]) {
    assert.equal(renderSlide(qr({ qr: src }), new FakeDocument()).querySelector("img"), null, String(src));
  }
});
