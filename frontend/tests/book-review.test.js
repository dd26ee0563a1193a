import { test } from "node:test";
import assert from "node:assert/strict";
import { renderSlide } from "../js/renderers/index.js";
import { strings } from "../js/strings.js";
import { FakeDocument } from "./fakes.js";

const COVER = { url: "/media/images/cover.max-800x1200.jpg", width: 800, height: 1200, alt: "Cover" };

function review(fields) {
  return {
    id: 4, type: "book_review", title: "Review", duration: 10, heading: "Kongens fald", author: "Johannes V. Jensen",
    review_html: "<p>A <b>classic</b>.</p>", rating: 4, reviewer: "Anna, librarian", cover: COVER, ...fields,
  };
}

test("a review shows cover, title, author, stars, the review and the reviewer", () => {
  const el = renderSlide(review({}), new FakeDocument());
  assert.equal(el.querySelector(".book-review__image").getAttribute("src"), COVER.url);
  assert.equal(el.querySelector(".slide-heading").textContent, "Kongens fald");
  assert.equal(el.querySelector(".book-review__author").textContent, "Johannes V. Jensen");
  const rating = el.querySelector(".book-review__rating");
  assert.equal(rating.textContent, "★★★★★");
  assert.equal(rating.querySelector(".book-review__stars--off").textContent, "★");
  assert.equal(rating.getAttribute("aria-label"), strings.rating.replace("{rating}", "4"));
  assert.deepEqual(el.querySelector(".book-review__review").innerHTMLWrites, ["<p>A <b>classic</b>.</p>"]);
  assert.equal(el.querySelector(".book-review__reviewer").textContent, "Anna, librarian");
  assert.equal(el.className, "book-review");
});

test("no rating, or one out of range, shows no stars", () => {
  for (const rating of [null, 0, 6, 2.5, "5"]) {
    assert.equal(renderSlide(review({ rating }), new FakeDocument()).querySelector(".book-review__rating"), null, String(rating));
  }
});

test("without cover the text takes the slide", () => {
  const el = renderSlide(review({ cover: null, reviewer: "" }), new FakeDocument());
  assert.equal(el.className, "book-review book-review--no-image");
  assert.equal(el.querySelector("img"), null);
  assert.equal(el.querySelector(".book-review__reviewer"), null);
});
