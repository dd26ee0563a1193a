import { test } from "node:test";
import assert from "node:assert/strict";
import { applyTheme, cssUrl, themeMediaUrls, themeProperties, THEME_PROPERTIES } from "../js/theme.js";
import { createPlayer } from "../js/player.js";
import { createStore, THEME_KEY } from "../js/store.js";
import { mediaUrls } from "../js/offline.js";
import { FakeDocument, FakeStorage, FakeTimers, flush, quietLog } from "./fakes.js";

const THEME = {
  background: "#0b3d91",
  text: "#ffffff",
  accent: "#ffcc00",
  font: '"DejaVu Serif", serif',
  logo: { url: "/media/images/crest.max-480x240.png", width: 480, height: 240, alt: "" },
};

test("a theme becomes CSS custom properties, the background also as r, g, b for translucent boxes", () => {
  assert.deepEqual(themeProperties(THEME), {
    "--theme-background": "#0b3d91",
    "--theme-background-rgb": "11, 61, 145",
    "--theme-text": "#ffffff",
    "--theme-accent": "#ffcc00",
    "--theme-font": '"DejaVu Serif", serif',
    "--theme-logo": 'url("/media/images/crest.max-480x240.png")',
  });
});

test("malformed values are left out, so the stylesheet's defaults apply", () => {
  const properties = themeProperties({ background: "red; color: x", text: "#fff", accent: 7, font: "", logo: { url: 3 } });
  assert.deepEqual(properties, { "--theme-logo": "none" });
  assert.deepEqual(themeProperties(null), {});
  assert.deepEqual(themeProperties("theme"), {});
});

test("a logo URL cannot end the url() it is written into", () => {
  assert.equal(cssUrl('/media/a") , url("http://evil/x'), 'url("/media/a\\22 ) , url(\\22 http://evil/x")');
  assert.equal(cssUrl("/media/a\\b\nc"), 'url("/media/a\\5c b\\a c")');
});

test("applying a theme replaces the element's previous one; null removes it", () => {
  const el = new FakeDocument().createElement("div");
  applyTheme(el, THEME);
  assert.equal(el.style.getPropertyValue("--theme-background"), "#0b3d91");
  applyTheme(el, { ...THEME, background: "bad", logo: null });
  assert.equal(el.style.getPropertyValue("--theme-background"), "");
  assert.equal(el.style.getPropertyValue("--theme-logo"), "none");
  applyTheme(el, null);
  assert.deepEqual(THEME_PROPERTIES.filter((name) => el.style.getPropertyValue(name)), []);
});

test("a slide with its own theme carries it on its element; other slides inherit the screen's", async () => {
  const doc = new FakeDocument();
  const root = doc.createElement("main");
  const player = createPlayer(root, { doc, timers: new FakeTimers(), ready: () => null, log: quietLog });
  const slide = (id, theme) => ({ id, type: "image_text", title: "t", duration: 5, heading: "h", text_html: "", image: null, theme });
  player.load({ version: "v", slides: [slide(1, THEME)] });
  await flush();
  assert.equal(root.children[0].style.getPropertyValue("--theme-background"), "#0b3d91");
  player.load({ version: "w", slides: [slide(2, null)] });
  await flush();
  const shown = root.children.find((c) => c.getAttribute("data-slide-id") === "2");
  assert.equal(shown.style.getPropertyValue("--theme-background"), "");
});

test("the screen's theme is stored for an offline boot, and its logo kept with the media", () => {
  const storage = new FakeStorage();
  createStore(storage, quietLog).setTheme(THEME);
  assert.deepEqual(createStore(storage, quietLog).getTheme(), THEME);
  createStore(storage, quietLog).setTheme(null);
  assert.equal(storage.map.has(THEME_KEY), false);
  assert.equal(createStore(new FakeStorage({ [THEME_KEY]: "{oops" }), quietLog).getTheme(), null);

  assert.deepEqual(themeMediaUrls(THEME), ["/media/images/crest.max-480x240.png"]);
  assert.deepEqual(themeMediaUrls({ ...THEME, logo: null }), []);
  assert.deepEqual(mediaUrls(null, "https://tv.example.org/screen/", "landscape", themeMediaUrls(THEME)), [
    "https://tv.example.org/media/images/crest.max-480x240.png",
  ]);
});
