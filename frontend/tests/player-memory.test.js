// What the player keeps alive: a decoded image is held only while its slide still waits for it.
// Checked through the garbage collector, so a reference kept anywhere in the player fails them.

import { test } from "node:test";
import assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createPlayer } from "../js/player.js";
import { FakeDocument, FakeTimers, flush, quietLog } from "./fakes.js";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc");

function slide(id) {
  const url = `/media/${id}.jpg`;
  return { id, type: "image_text", title: `Slide ${id}`, duration: 5, heading: `Heading ${id}`, image: { url }, media: [{ url, kind: "image" }] };
}

function manifest(version, ids) {
  return { version, playlist: { id: 1, title: "P" }, slides: ids.map(slide) };
}

// A player whose image `slowUrl` loads only when finishSlowLoad() is called.
function setup(slowUrl) {
  const doc = new FakeDocument();
  const timers = new FakeTimers();
  let finish = null;
  const player = createPlayer(doc.createElement("main"), {
    doc,
    timers,
    ready: () => null,
    fadeMs: 0,
    log: quietLog,
    loadImage: (url) => (url === slowUrl ? new Promise((resolve) => { finish = resolve; }) : Promise.resolve({ url })),
  });
  async function advance(ms) {
    for (let t = 0; t < ms; t += 100) {
      timers.tick(100);
      await flush();
    }
  }
  // Resolves the slow load with a fresh image and returns a weak reference to it.
  async function finishSlowLoad() {
    const image = { url: slowUrl };
    const ref = new WeakRef(image);
    const resolve = finish;
    finish = null; // the resolver holds its promise, and the promise its image
    resolve(image);
    await flush();
    return ref;
  }
  return { player, advance, finishSlowLoad };
}

async function isCollected(ref) {
  await flush(); // a WeakRef keeps its target until the current job ends
  collectGarbage();
  return ref.deref() === undefined;
}

test("an image that loads after its slide stopped waiting for it is not kept", async () => {
  const { player, advance, finishSlowLoad } = setup("/media/2.jpg");
  player.load(manifest("a", [1, 2, 3]));
  await flush();
  await advance(5000 + 3000); // slide 2's turn, and the 3 s it may wait for its image
  const ref = await finishSlowLoad();
  assert.ok(await isCollected(ref), "the late image is still referenced");
});

test("an image that loads after a new manifest took over is not kept", async () => {
  const { player, finishSlowLoad } = setup("/media/2.jpg");
  player.load(manifest("a", [1, 2]));
  await flush();
  player.load(manifest("b", [3, 4]));
  await flush();
  const ref = await finishSlowLoad();
  assert.ok(await isCollected(ref), "an image of the old manifest is still referenced");
});

test("an image its slide still waits for is kept until the slide is built", async () => {
  const { player, advance, finishSlowLoad } = setup("/media/2.jpg");
  player.load(manifest("a", [1, 2]));
  await flush();
  const ref = await finishSlowLoad();
  assert.ok(!(await isCollected(ref)), "the preloaded image was let go before its slide");
  await advance(5000);
  assert.ok(await isCollected(ref), "the image is still referenced after its slide was built");
});
