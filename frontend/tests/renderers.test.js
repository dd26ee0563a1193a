import { test } from "node:test";
import assert from "node:assert/strict";
import { renderSlide, renderIdle } from "../js/renderers/index.js";
import { strings } from "../js/strings.js";
import { FakeDocument } from "./fakes.js";

const IMAGE = { url: "/media/images/lobby.jpg", width: 1920, height: 1080, alt: "The lobby" };

function imageText(fields) {
  return { id: 5, type: "image_text", title: "Welcome", duration: 10, heading: "", text_html: "", image: null, ...fields };
}

function allElements(el) {
  return [el, ...el.children.flatMap(allElements)];
}

test("image_text shows the heading, the rich text and the image", () => {
  const el = renderSlide(imageText({ heading: "Welcome to the town hall", text_html: "<p>Open 8–16.</p>", image: IMAGE }), new FakeDocument());
  assert.equal(el.querySelector(".slide-heading").textContent, "Welcome to the town hall");
  assert.deepEqual(el.querySelector(".image-text__text").innerHTMLWrites, ["<p>Open 8–16.</p>"]);
  const img = el.querySelector("img");
  assert.equal(img.getAttribute("src"), "/media/images/lobby.jpg");
  assert.equal(img.getAttribute("alt"), "The lobby");
  assert.equal(img.getAttribute("width"), "1920");
  assert.equal(el.getAttribute("aria-label"), "Welcome");
  assert.equal(el.className, "image-text image-text--full image-text--box-bottom-left");
});

test("plain text is never parsed as HTML", () => {
  const nasty = '<img src=x onerror="alert(1)">';
  const el = renderSlide(imageText({ heading: nasty, title: nasty }), new FakeDocument());
  assert.equal(el.querySelector(".slide-heading").textContent, nasty);
  assert.equal(el.getAttribute("aria-label"), nasty);
  const htmlWrites = allElements(el).flatMap((e) => e.innerHTMLWrites);
  assert.deepEqual(htmlWrites, []);
});

test("a slide without an image has no <img> and is laid out as text", () => {
  const el = renderSlide(imageText({ heading: "Hi" }), new FakeDocument());
  assert.equal(el.querySelector("img"), null);
  assert.equal(el.className, "image-text image-text--no-image image-text--box-bottom-left");
});

test("an image without alt text gets an empty alt, not none", () => {
  const el = renderSlide(imageText({ image: { url: "/m.jpg", width: 10, height: 10 } }), new FakeDocument());
  assert.equal(el.querySelector("img").getAttribute("alt"), "");
  assert.equal(el.querySelector(".image-text__box"), null);
});

test("an unknown slide type renders a neutral placeholder", () => {
  const doc = new FakeDocument();
  for (const type of ["poll", undefined, "constructor", "__proto__"]) {
    const el = renderSlide({ id: 1, type, title: "Soon" }, doc);
    assert.equal(el.className, "slide-placeholder");
    assert.equal(el.textContent, "Soon");
  }
});

test("the idle view is calm and uses the strings module", () => {
  const el = renderIdle(new FakeDocument());
  assert.equal(el.className, "idle-view");
  assert.equal(el.textContent, strings.idle);
});
