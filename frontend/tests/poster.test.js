import { test } from "node:test";
import assert from "node:assert/strict";
import { renderSlide } from "../js/renderers/index.js";
import { renderPoster } from "../js/renderers/poster.js";
import { FakeDocument } from "./fakes.js";

const IMAGE = { url: "/media/images/market.fill-1080x1080.jpg", width: 1080, height: 1080, alt: "Stalls" };

function poster(fields) {
  return {
    id: 3, type: "poster", title: "Market", duration: 10, heading: "Christmas market",
    starts_at: "2026-12-05T14:00:00+01:00", ends_at: "2026-12-05T18:00:00+01:00",
    place: "The square", text: "Mulled wine\nand music", call_to_action: "Free entry", image: IMAGE, ...fields,
  };
}

test("a poster shows title, local date and time, place, text, call to action and image", () => {
  const el = renderPoster(poster({}), new FakeDocument(), { lang: "en" });
  assert.equal(el.querySelector(".slide-heading").textContent, "Christmas market");
  assert.equal(el.querySelector(".poster__date").textContent, "Saturday 5 December");
  assert.equal(el.querySelector(".poster__time").textContent, "14:00–18:00");
  assert.equal(el.querySelector(".poster__place").textContent, "The square");
  assert.equal(el.querySelector(".poster__text").textContent, "Mulled wine\nand music");
  assert.equal(el.querySelector(".poster__cta").textContent, "Free entry");
  assert.equal(el.querySelector("img").getAttribute("src"), IMAGE.url);
  assert.equal(el.className, "poster");
});

test("in Danish the date and time read the Danish way", () => {
  const el = renderPoster(poster({}), new FakeDocument(), { lang: "da" });
  assert.match(el.querySelector(".poster__date").textContent, /^lørdag (den )?5\. december$/);
  assert.equal(el.querySelector(".poster__time").textContent, "14.00–18.00");
});

test("without image, end, place or call to action those parts are left out", () => {
  const el = renderSlide(poster({ image: null, ends_at: null, place: "", call_to_action: "", text: "" }), new FakeDocument());
  assert.equal(el.className, "poster poster--no-image");
  assert.equal(el.querySelector("img"), null);
  for (const part of [".poster__place", ".poster__cta", ".poster__text"]) assert.equal(el.querySelector(part), null);
  assert.ok(el.querySelector(".poster__time").textContent.match(/^14[.:]00$/));
});

test("a malformed start shows no date rather than a wrong one", () => {
  const el = renderSlide(poster({ starts_at: "soon" }), new FakeDocument());
  assert.equal(el.querySelector(".poster__when"), null);
  assert.equal(el.querySelector(".slide-heading").textContent, "Christmas market");
});
