import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeImage } from "../js/images.js";
import { flush } from "./fakes.js";
import { playerHarness } from "./player-harness.js";

function slide(id, { duration = 5, image = `/media/${id}.jpg` } = {}) {
  return { id, type: "image_text", title: `Slide ${id}`, duration, heading: `Heading ${id}`, text_html: "", image: image && { url: image }, media: image ? [{ url: image, kind: "image" }] : [] };
}

function manifest(version, slides) {
  return { version, playlist: { id: 1, title: "P" }, slides };
}

// A player whose image loads are scripted: `broken` URLs fail, the rest load.
function setup({ broken = [], ...options } = {}) {
  const loads = [];
  const harness = playerHarness({
    loadImage: (url) => {
      loads.push([harness.timers.now, url]);
      return broken.includes(url) ? Promise.reject(new Error("404")) : Promise.resolve();
    },
    ...options,
  });
  return { ...harness, loads };
}

test("the next slide's image is loaded while the current one plays", async () => {
  const { player, loads, advance } = setup();
  player.load(manifest("a", [slide(1), slide(2), slide(3)]));
  await flush();
  assert.deepEqual(loads, [[0, "/media/1.jpg"], [0, "/media/2.jpg"]]);
  await advance(5000);
  assert.deepEqual(loads.slice(2), [[5000, "/media/3.jpg"]]);
});

test("a slide whose image fails is skipped, reported, and the screen is never empty", async () => {
  const { root, player, errors, shownId, advance } = setup({ broken: ["/media/2.jpg"] });
  player.load(manifest("a", [slide(1), slide(2), slide(3)]));
  await flush();
  assert.equal(shownId(), "1");
  await advance(4900);
  assert.equal(shownId(), "1");
  await advance(100);
  assert.equal(shownId(), "3", "slide 2 was not skipped");
  assert.deepEqual(errors, ["slide 2: image failed to load (/media/2.jpg)"]);
  assert.equal(root.children.length, 1);
  await advance(5000);
  assert.equal(shownId(), "1");
  await advance(5000);
  assert.equal(shownId(), "3");
  assert.equal(errors.length, 2, "the broken image is tried again on its next turn");
});

test("a first slide that fails is skipped too", async () => {
  const { player, shownId, errors } = setup({ broken: ["/media/1.jpg"] });
  player.load(manifest("a", [slide(1), slide(2)]));
  await flush();
  await flush();
  assert.equal(shownId(), "2");
  assert.equal(errors.length, 1);
});

test("when every image fails the slides still show, without their images", async () => {
  const { root, player, shownId, advance } = setup({ broken: ["/media/1.jpg", "/media/2.jpg"] });
  player.load(manifest("a", [slide(1), slide(2)]));
  await flush();
  await flush();
  assert.equal(shownId(), "2");
  assert.equal(root.querySelector("img"), null);
  assert.equal(root.querySelector(".slide-heading").textContent, "Heading 2");
  await advance(5000);
  assert.notEqual(shownId(), "");
});

test("each slide shown becomes one play, recorded when it leaves the screen", async () => {
  const { player, plays, shows, advance } = setup();
  player.load(manifest("a", [slide(1, { duration: 5 }), slide(2, { duration: 3, image: null })]));
  await flush();
  assert.deepEqual(plays, []);
  await advance(5000);
  assert.deepEqual(plays, [{ slide: 1, startedAt: 0, endedAt: 5000 }]);
  await advance(1200);
  player.load(manifest("b", [slide(9)]));
  await flush();
  assert.deepEqual(plays[1], { slide: 2, startedAt: 5000, endedAt: 6200 }, "cut short by a new manifest");
  player.cutShort();
  assert.deepEqual(plays[2], { slide: 9, startedAt: 6200, endedAt: 6200 });
  player.stop();
  assert.equal(plays.length, 4);
  assert.deepEqual(shows, [1, 2, 9]);
});

test("a single slide stays up, and each of its durations counts as a play", async () => {
  const { root, player, plays, advance } = setup();
  player.load(manifest("a", [slide(1, { duration: 2 })]));
  await flush();
  const el = root.children[0];
  await advance(6000);
  assert.deepEqual(root.children, [el]);
  assert.deepEqual(plays.map((p) => [p.startedAt, p.endedAt]), [[0, 2000], [2000, 4000], [4000, 6000]]);
});

test("the boundary hook can hold the loop at the end of a slide", async () => {
  let hold = false;
  const boundaries = [];
  const { player, shownId, advance } = setup({
    atBoundary: () => {
      boundaries.push(shownId());
      return hold;
    },
  });
  player.load(manifest("a", [slide(1), slide(2)]));
  await flush();
  await advance(5000);
  assert.equal(shownId(), "2");
  hold = true;
  await advance(20000);
  assert.equal(shownId(), "2");
  assert.deepEqual(boundaries, ["1", "2"]);
  assert.equal(player.cycling, true);
});

test("a slow image holds the previous slide at most 3 s, then its slide shows anyway", async () => {
  const { player, shownId, errors, advance } = setup({ loadImage: () => new Promise(() => {}) });
  player.load(manifest("a", [slide(1)]));
  await advance(2900);
  assert.equal(shownId(), "");
  await advance(100);
  assert.equal(shownId(), "1");
  assert.deepEqual(errors, []);
});

test("decodeImage loads off-screen and resolves with the decoded image", async () => {
  class FakeImage {
    decode() {
      return this.src.includes("broken") ? Promise.reject(new Error("EncodingError")) : Promise.resolve();
    }
  }
  const img = await decodeImage("/media/ok.jpg", FakeImage);
  assert.equal(img.src, "/media/ok.jpg");
  await assert.rejects(decodeImage("/media/broken.jpg", FakeImage));
});
