import { test } from "node:test";
import assert from "node:assert/strict";
import { STALL_MS, CAP_SLACK_MS, videoCapMs, silenceVideos } from "../js/video.js";
import { flush } from "./fakes.js";
import { playerHarness } from "./player-harness.js";

function still(id, duration = 5) {
  return { id, type: "image_text", title: `Slide ${id}`, duration, heading: `Heading ${id}`, text_html: "", image: null, media: [] };
}

function video(id, { duration = 10, sound = false, url = `/media/media/${id}.mp4` } = {}) {
  return { id, type: "video", title: `Video ${id}`, duration, sound, video: { url }, media: [{ url, kind: "video" }] };
}

function setup({ missing = [] } = {}) {
  const fetched = [];
  const harness = playerHarness({
    loadVideo: (url) => {
      fetched.push([harness.timers.now, url]);
      return missing.includes(url) ? Promise.reject(new Error("HTTP 404")) : Promise.resolve();
    },
  });
  const shown = () => harness.current()[0];
  const shownId = () => shown() && shown().getAttribute("data-slide-id");
  const videoEl = () => shown().querySelector("video");
  return { ...harness, fetched, shown, shownId, videoEl };
}

test("a video slide plays muted to its end, then the next slide follows, whatever its duration says", async () => {
  const { player, shownId, videoEl, advance, errors, plays } = setup();
  player.load({ version: "a", slides: [video(1, { duration: 2 }), still(2)] });
  await flush();
  const el = videoEl();
  assert.equal(shownId(), "1");
  assert.equal(el.plays, 1);
  assert.equal(el.muted, true);
  assert.equal(el.getAttribute("preload"), "auto");
  el.load(8);
  for (let s = 0; s < 8; s += 1) {
    await advance(1000);
    el.progress(1);
  }
  assert.equal(shownId(), "1", "a video outlasting the slide's duration is not cut");
  el.end();
  await flush();
  assert.equal(shownId(), "2");
  assert.equal(el.paused, true);
  assert.deepEqual(errors, []);
  assert.deepEqual(plays.map((p) => [p.slide, p.endedAt - p.startedAt]), [[1, 8000]]);
});

test("the next slide's video is fetched whole while the current slide plays", async () => {
  const { player, fetched, advance } = setup();
  player.load({ version: "a", slides: [still(1), video(2), still(3)] });
  await flush();
  assert.deepEqual(fetched, [[0, "/media/media/2.mp4"]]);
  await advance(5000);
  assert.deepEqual(fetched, [[0, "/media/media/2.mp4"]], "fetched once for its turn");
});

test("a video that is not there (404) is skipped before its turn and reported", async () => {
  const { player, shownId, advance, errors } = setup({ missing: ["/media/media/2.mp4"] });
  player.load({ version: "a", slides: [still(1), video(2), still(3)] });
  await flush();
  await advance(5000);
  assert.equal(shownId(), "3");
  assert.deepEqual(errors, ["slide 2: video failed to load (/media/media/2.mp4)"]);
});

test("a video that cannot be decoded ends its slide at once and is reported", async () => {
  const { player, shownId, videoEl, errors } = setup();
  player.load({ version: "a", slides: [video(1), still(2)] });
  await flush();
  videoEl().fail(3);
  await flush();
  assert.equal(shownId(), "2");
  assert.deepEqual(errors, ["slide 1: video decode error (/media/media/1.mp4)"]);
});

test("a video that makes no progress for 15 s is skipped and reported; progress keeps it playing", async () => {
  const { player, shownId, videoEl, advance, errors } = setup();
  player.load({ version: "a", slides: [video(1, { duration: 100 }), still(2)] });
  await flush();
  const el = videoEl();
  el.load(100);
  for (let s = 0; s < 30; s += 1) {
    await advance(1000);
    el.progress(1);
  }
  assert.equal(shownId(), "1", "a video that progresses is never taken for stalled");
  el.progress(0); // a timeupdate without progress does not count
  await advance(STALL_MS - 100);
  assert.equal(shownId(), "1");
  await advance(100);
  assert.equal(shownId(), "2");
  assert.deepEqual(errors, ["slide 1: video stalled for 15 s (/media/media/1.mp4)"]);
});

test("a video that never starts is a stall too", async () => {
  const { player, shownId, advance, errors } = setup();
  player.load({ version: "a", slides: [video(1), still(2)] });
  await flush();
  await advance(STALL_MS);
  assert.equal(shownId(), "2");
  assert.equal(errors.length, 1);
});

test("a video that runs past its length is cut at the safety cap", async () => {
  assert.equal(videoCapMs({ duration: 10 }, NaN), 10000 + CAP_SLACK_MS);
  assert.equal(videoCapMs({ duration: 10 }, 60), 60000 + CAP_SLACK_MS);
  assert.equal(videoCapMs({ duration: 10 }, Infinity), 10000 + CAP_SLACK_MS, "a stream without end");
  const { player, shownId, videoEl, advance, errors } = setup();
  player.load({ version: "a", slides: [video(1, { duration: 5 }), still(2)] });
  await flush();
  const el = videoEl();
  el.load(5);
  const total = 5000 + CAP_SLACK_MS;
  for (let t = 0; t < total - 1000; t += 1000) {
    await advance(1000);
    el.progress(0.01); // crawling, never ending
  }
  assert.equal(shownId(), "1");
  await advance(1000);
  assert.equal(shownId(), "2");
  assert.deepEqual(errors, ["slide 1: video did not end in time (/media/media/1.mp4)"]);
});

test("sound is asked for when the slide wants it; refused by autoplay, it plays muted and says why", async () => {
  const { player, videoEl, errors, shownId } = setup();
  player.load({ version: "a", slides: [video(1, { sound: true }), still(2)] });
  await flush();
  const el = videoEl();
  assert.equal(el.muted, false);
  assert.equal(el.plays, 1);

  const second = setup();
  const doc = second.root.ownerDocument;
  const createElement = doc.createElement.bind(doc);
  doc.createElement = (tag) => Object.assign(createElement(tag), tag === "video" ? { refuseSound: true } : {});
  second.player.load({ version: "a", slides: [video(1, { sound: true }), still(2)] });
  await flush();
  await flush();
  const refused = second.videoEl();
  assert.equal(refused.muted, true);
  assert.equal(refused.plays, 2);
  assert.equal(second.shownId(), "1", "the video plays on, muted");
  assert.match(second.errors[0], /slide 1: video sound blocked .*--autoplay-policy=no-user-gesture-required/);
  assert.deepEqual(errors, []);
  assert.equal(shownId(), "1");
});

test("under an emergency message videos play without sound, and get it back after", async () => {
  const { player, videoEl } = setup();
  player.load({ version: "a", slides: [video(1, { sound: true }), still(2)] });
  await flush();
  const el = videoEl();
  assert.equal(el.muted, false);
  silenceVideos(true);
  assert.equal(el.muted, true, "muted at once");
  silenceVideos(false);
  assert.equal(el.muted, false, "its sound back");

  silenceVideos(true);
  const next = setup();
  next.player.load({ version: "b", slides: [video(3, { sound: true }), still(4)] });
  await flush();
  assert.equal(next.videoEl().muted, true, "a video starting under the message starts muted");
  silenceVideos(false);
  assert.equal(next.videoEl().muted, false);
});

test("a playlist of one video plays it again from the start at each end, counting each run", async () => {
  const { player, videoEl, shown, plays, advance } = setup();
  player.load({ version: "a", slides: [video(1, { duration: 3 })] });
  await flush();
  const first = shown();
  const el = videoEl();
  el.load(3);
  await advance(3000);
  el.progress(3);
  el.end();
  await flush();
  assert.equal(shown(), first, "not rebuilt");
  assert.equal(el.currentTime, 0);
  assert.equal(el.plays, 2);
  assert.equal(plays.length, 1);
});

test("one broken video alone does not spin: its slide shows without it for its duration, then tries again", async () => {
  const { player, shown, videoEl, advance, errors } = setup();
  player.load({ version: "a", slides: [video(1, { duration: 4 })] });
  await flush();
  videoEl().fail(4);
  await flush();
  assert.equal(shown().querySelector("video"), null);
  assert.equal(errors.length, 1);
  await advance(3900);
  assert.equal(errors.length, 1);
  await advance(100);
  assert.ok(videoEl(), "tried again");
});

test("a new manifest stops the video on screen", async () => {
  const { player, videoEl, shownId, errors, advance } = setup();
  player.load({ version: "a", slides: [video(1)] });
  await flush();
  const el = videoEl();
  player.load({ version: "b", slides: [still(2)] });
  await flush();
  assert.equal(shownId(), "2");
  assert.equal(el.paused, true);
  el.fail(3); // a late event from the old video changes nothing
  await advance(STALL_MS * 2);
  assert.equal(shownId(), "2");
  assert.deepEqual(errors, []);
});
