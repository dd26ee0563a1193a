import { test } from "node:test";
import assert from "node:assert/strict";
import { renderSlide } from "../js/renderers/index.js";
import { playbackOf } from "../js/playback.js";
import { createPlayer } from "../js/player.js";
import { createPreloader } from "../js/preload.js";
import { mediaUrls } from "../js/offline.js";
import { screenOrientation, withoutMedia } from "../js/manifest.js";
import { FakeDocument, FakeTimers, flush, quietLog } from "./fakes.js";
import { MAIN_TICKER, manifestOf, playlist } from "./manifests.js";

const COVER = {
  url: "/media/images/a.fill-1920x1080.jpg", width: 1920, height: 1080, alt: "The harbour",
  portrait: { url: "/media/images/a.fill-1080x1920.jpg", width: 1080, height: 1920 },
};
const LOGO = { url: "/media/images/logo.max-480x240.png", width: 480, height: 120, alt: "Kommunen" };

function imageText(fields) {
  return { id: 5, type: "image_text", title: "Welcome", duration: 10, heading: "Hello", text_html: "", image: COVER, ...fields };
}

function slideshow(fields) {
  const images = [4, 7, 2].map((duration, i) => ({ ...COVER, url: `/media/images/${i}.jpg`, duration }));
  return { id: 8, type: "slideshow", title: "Views", duration: 13, images, transition: "fade", ...fields };
}

test("a cover image carries both crops, and the browser picks by orientation", () => {
  const el = renderSlide(imageText({}), new FakeDocument());
  const picture = el.querySelector("picture");
  const source = picture.querySelector("source");
  assert.equal(source.getAttribute("media"), "(orientation: portrait)");
  assert.equal(source.getAttribute("srcset"), COVER.portrait.url);
  const img = picture.querySelector("img");
  assert.equal(img.getAttribute("src"), COVER.url);
  assert.equal(img.getAttribute("alt"), "The harbour");
});

test("image_text lays out full-bleed or by halves, with the text box where the editor put it", () => {
  const doc = new FakeDocument();
  const classes = (fields) => renderSlide(imageText(fields), doc).className;
  assert.equal(classes({ layout: "image_left", box_position: "top-right" }), "image-text image-text--image-left image-text--box-top-right");
  assert.equal(classes({ layout: "image_right", box_position: "centre" }), "image-text image-text--image-right image-text--box-centre");
  assert.equal(classes({ layout: "nonsense", box_position: "x y" }), "image-text image-text--full image-text--box-bottom-left");
  assert.equal(classes({ layout: "image_left", image: null }), "image-text image-text--no-image image-text--box-bottom-left");
});

test("a logo shows as a plain image with its alt text", () => {
  const el = renderSlide(imageText({ logo: LOGO }), new FakeDocument());
  const logo = el.querySelector(".image-text__logo");
  assert.equal(logo.getAttribute("src"), LOGO.url);
  assert.equal(logo.getAttribute("alt"), "Kommunen");
  assert.equal(renderSlide(imageText({ logo: { url: "" } }), new FakeDocument()).querySelector(".image-text__logo"), null);
});

test("a slideshow stacks its images, the first showing, each zooming for as long as it shows", () => {
  const el = renderSlide(slideshow({ transition: "zoom" }), new FakeDocument());
  assert.equal(el.className, "slideshow slideshow--zoom");
  const frames = el.querySelectorAll(".slideshow__frame");
  assert.deepEqual(frames.map((f) => f.getAttribute("data-state")), ["current", "waiting", "leaving"]);
  assert.deepEqual(frames.map((f) => f.style.properties.get("--frame-seconds")), ["4s", "7s", "2s"]);
  assert.equal(frames[1].querySelector("img").getAttribute("alt"), "The harbour");
  assert.equal(renderSlide(slideshow({ transition: "<b>" }), new FakeDocument()).className, "slideshow slideshow--fade");
});

test("in the player a slideshow shows each image for its own seconds, starting over on its next turn", async () => {
  const doc = new FakeDocument();
  const root = doc.createElement("main");
  const timers = new FakeTimers();
  const player = createPlayer(root, { doc, timers, ready: () => null, loadImage: () => Promise.resolve(), fadeMs: 0, log: quietLog });
  const still = { id: 1, type: "image_text", duration: 3, heading: "Between", media: [] };
  player.load({ version: "a", slides: [slideshow({}), still] });
  await flush();
  const states = () => root.children[0].querySelectorAll(".slideshow__frame").map((f) => f.getAttribute("data-state"));
  const seen = [];
  for (const ms of [0, 3900, 100, 6900, 100]) {
    timers.tick(ms);
    await flush();
    seen.push(states().join(" "));
  }
  assert.deepEqual(seen, [
    "current waiting leaving",
    "current waiting leaving",
    "leaving current waiting",
    "leaving current waiting",
    "waiting leaving current",
  ]);
  timers.tick(2000); // the sum, 13 s: the next slide
  await flush();
  assert.equal(root.children[0].getAttribute("data-slide-id"), "1");
});

test("a video renders muted, preloading, with a playback that ends the slide itself", () => {
  const el = renderSlide({ id: 3, type: "video", title: "Clip", duration: 10, video: { url: "/media/media/clip.mp4" }, sound: true }, new FakeDocument());
  const video = el.querySelector("video");
  assert.equal(video.getAttribute("src"), "/media/media/clip.mp4");
  assert.equal(video.muted, true, "muted until it is played");
  assert.equal(video.getAttribute("playsinline"), "");
  assert.equal(playbackOf(el).endsItself, true);
  assert.equal(playbackOf(renderSlide(slideshow({}), new FakeDocument())).endsItself, false);
  const empty = renderSlide({ id: 3, type: "video", video: null }, new FakeDocument());
  assert.equal(empty.querySelector("video"), null);
  assert.equal(playbackOf(empty), null);
});

test("a screen fetches only the crops of its own orientation", async () => {
  const slide = {
    media: [
      { url: "/media/images/a.l.jpg", kind: "image", orientation: "landscape" },
      { url: "/media/images/a.p.jpg", kind: "image", orientation: "portrait" },
      { url: "/media/images/logo.png", kind: "image" },
      { url: "/media/media/clip.mp4", kind: "video" },
    ],
  };
  const loaded = [];
  for (const orientation of ["landscape", "portrait"]) {
    const preloader = createPreloader({
      loadImage: async (url) => loaded.push(url),
      loadVideo: async (url) => loaded.push(url),
      orientation: () => orientation,
    });
    assert.equal(await preloader.preload(slide), null);
  }
  assert.deepEqual(loaded, [
    "/media/images/a.l.jpg", "/media/images/logo.png", "/media/media/clip.mp4",
    "/media/images/a.p.jpg", "/media/images/logo.png", "/media/media/clip.mp4",
  ]);
  // Every playlist of every region counts: the ticker's crop too.
  const tickerSlide = { media: [
    { url: "/media/images/t.l.jpg", kind: "image", orientation: "landscape" },
    { url: "/media/images/t.p.jpg", kind: "image", orientation: "portrait" },
  ] };
  const manifest = manifestOf("v", {
    main: [playlist(1, [{ media: [] }]), playlist(2, [slide])],
    ticker: [playlist(3, [tickerSlide])],
  }, MAIN_TICKER);
  assert.deepEqual(mediaUrls(manifest, "https://tv.example.org/screen/", "portrait"), [
    "https://tv.example.org/media/images/a.p.jpg",
    "https://tv.example.org/media/images/logo.png",
    "https://tv.example.org/media/images/t.p.jpg",
    "https://tv.example.org/media/media/clip.mp4",
  ]);
  assert.equal(screenOrientation({ matchMedia: (q) => ({ matches: q === "(orientation: portrait)" }) }), "portrait");
  assert.equal(screenOrientation({}), "landscape");
});

test("a slide without its media keeps its text and drops every image and video", () => {
  const bare = withoutMedia(imageText({ logo: LOGO, media: [{ url: "x", kind: "image" }] }));
  assert.deepEqual([bare.image, bare.logo, bare.video, bare.images, bare.media, bare.heading], [null, null, null, [], [], "Hello"]);
});
