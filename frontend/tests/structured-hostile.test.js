// Every plain-text field of every structured slide type shows as text: none
// is parsed as HTML. Only the fields the server cleans (`_html`) use innerHTML.

import { test } from "node:test";
import assert from "node:assert/strict";
import { renderSlide } from "../js/renderers/index.js";
import { FakeDocument, allElements } from "./fakes.js";

const NASTY = '<script>alert(1)</script><img src=x onerror="alert(2)">';

const SLIDES = [
  { type: "contacts", heading: NASTY, people: [{ name: NASTY, title: NASTY, phone: NASTY, email: NASTY, photo: { url: "/p.jpg", alt: NASTY } }] },
  { type: "table", heading: NASTY, columns: [NASTY], rows: [[NASTY]], caption: NASTY },
  { type: "poster", heading: NASTY, starts_at: "2026-12-05T14:00:00+01:00", ends_at: null, place: NASTY, text: NASTY, call_to_action: NASTY, image: null },
  { type: "book_review", heading: NASTY, author: NASTY, review_html: "<p>ok</p>", rating: 3, reviewer: NASTY, cover: null },
  { type: "qr_code", caption: NASTY, url: NASTY, qr: null },
  { type: "clock", mode: "clock", label: NASTY, time_zone: "Europe/Copenhagen" },
  { type: "clock", mode: "countdown", target: "2099-01-01T00:00:00+01:00", label: NASTY, done_text: NASTY },
];

for (const fields of SLIDES) {
  test(`${fields.type} ${fields.mode || ""} shows hostile text as text`, () => {
    const el = renderSlide({ id: 9, title: NASTY, duration: 5, ...fields }, new FakeDocument());
    assert.equal(el.getAttribute("aria-label"), NASTY);
    const texts = allElements(el).filter((e) => e._text === NASTY);
    assert.ok(texts.length >= 1, "the text is shown");
    const htmlWrites = allElements(el).flatMap((e) => e.innerHTMLWrites);
    assert.deepEqual(htmlWrites, fields.review_html ? ["<p>ok</p>"] : []);
  });
}
