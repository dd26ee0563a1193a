import { test } from "node:test";
import assert from "node:assert/strict";
import { FakeDocument, flush } from "./fakes.js";
import { playerHarness } from "./player-harness.js";

function slide(id, duration = 5) {
  return { id, type: "image_text", title: `Slide ${id}`, duration, heading: `Heading ${id}`, text_html: "", image: null };
}

function manifest(version, slides) {
  return { version, playlist: { id: 1, title: "P" }, slides };
}

function setup(options = {}) {
  const states = [];
  const harness = playerHarness({ fadeMs: 600, onState: (s) => states.push(s), ...options });
  return { ...harness, states };
}

test("slides play in order for their durations and loop", async () => {
  const { player, shownId, states, advance } = setup();
  player.load(manifest("a", [slide(1, 5), slide(2, 3), slide(3, 1)]));
  await flush();
  const seen = [shownId()];
  for (const ms of [5000, 3000, 1000, 5000]) {
    await advance(ms - 100);
    assert.equal(shownId(), seen[seen.length - 1], "changed early");
    await advance(100);
    seen.push(shownId());
  }
  assert.deepEqual(seen, ["1", "2", "3", "1", "2"]);
  assert.deepEqual([...new Set(states)], ["playing"]);
});

test("the shown slide carries the DOM hooks the end-to-end tests use", async () => {
  const { player, current } = setup();
  player.load(manifest("a", [slide(42)]));
  await flush();
  const [el] = current();
  assert.equal(el.className, "slide");
  assert.equal(el.getAttribute("data-slide-id"), "42");
  assert.equal(el.querySelector(".slide-heading").textContent, "Heading 42");
});

test("a swap never leaves the player empty: the new slide is appended before the old one goes", async () => {
  const { doc, root, player, shownId, advance } = setup();
  player.load(manifest("a", [slide(1), slide(2)]));
  await flush();
  const first = root.children[0];
  doc.mutations.length = 0;

  player.load(manifest("b", [slide(7), slide(8)]));
  await flush();
  assert.equal(shownId(), "7");
  assert.equal(first.getAttribute("data-state"), "leaving");
  assert.deepEqual(root.children.map((c) => c.getAttribute("data-state")), ["leaving", "current"]);
  await advance(600);
  assert.deepEqual(root.children.map((c) => c.getAttribute("data-slide-id")), ["7"]);

  // Replay every change to the root: it never had zero children.
  const rootOps = doc.mutations.filter((m) => m.parent === root).map((m) => m.op);
  assert.deepEqual(rootOps, ["append", "remove"]);
});

test("a new manifest replaces the old at once and restarts the schedule", async () => {
  const { player, shownId, advance } = setup();
  player.load(manifest("a", [slide(1, 5), slide(2, 5)]));
  await flush();
  await advance(4000);
  player.load(manifest("b", [slide(10, 3), slide(11, 3)]));
  await flush();
  assert.equal(shownId(), "10");
  await advance(2900); // the old slide 1 would have ended after 1 s
  assert.equal(shownId(), "10");
  await advance(100);
  assert.equal(shownId(), "11");
});

test("loading the same version again changes nothing", async () => {
  const { root, player, shownId, advance } = setup();
  player.load(manifest("a", [slide(1, 5), slide(2, 5)]));
  await flush();
  await advance(3000);
  const el = root.children[0];
  player.load(manifest("a", [slide(1, 5), slide(2, 5)]));
  await flush();
  assert.deepEqual(root.children, [el]);
  await advance(2000); // the schedule was not restarted
  assert.equal(shownId(), "2");
});

test("an empty manifest shows the idle view, and content ends it", async () => {
  const { root, player, states, current, shownId } = setup({ fadeMs: 0 });
  player.load(manifest("a", [slide(1)]));
  await flush();
  player.load({ version: "empty", playlist: null, slides: [] });
  await flush();
  assert.equal(current().length, 1);
  assert.equal(current()[0].className, "idle-view");
  assert.equal(root.querySelectorAll(".slide").length, 0);
  assert.equal(states[states.length - 1], "idle");
  player.load(manifest("b", [slide(3)]));
  await flush();
  assert.equal(shownId(), "3");
  assert.equal(states[states.length - 1], "playing");
});

test("a single slide stays up without being rebuilt", async () => {
  const { root, player, advance } = setup();
  player.load(manifest("a", [slide(1, 1)]));
  await flush();
  const el = root.children[0];
  await advance(10000, 1000);
  assert.deepEqual(root.children, [el]);
});

test("a missing or silly duration falls back to 10 s", async () => {
  const { player, shownId, advance } = setup();
  player.load(manifest("a", [{ ...slide(1), duration: null }, slide(2)]));
  await flush();
  await advance(9900);
  assert.equal(shownId(), "1");
  await advance(100);
  assert.equal(shownId(), "2");
});

test("the next view waits for its images; a stale one is dropped", async () => {
  const waits = [];
  const ready = () => new Promise((resolve) => waits.push(resolve));
  const { player, shownId } = setup({ ready });
  player.load(manifest("a", [slide(1)]));
  await flush();
  assert.equal(shownId(), "", "shown before its images were ready");
  player.load(manifest("b", [slide(2)]));
  await flush();
  waits[1]();
  await flush();
  assert.equal(shownId(), "2");
  waits[0](); // manifest "a" finishes loading too late
  await flush();
  assert.equal(shownId(), "2");
});

test("a renderer that throws costs one slide, not the loop", async () => {
  const render = (s) => {
    if (s.id === 2) throw new Error("bad slide");
    return new FakeDocument().createElement("section");
  };
  const { player, shownId, advance } = setup({ render });
  player.load(manifest("a", [slide(1, 1), slide(2, 1), slide(3, 1)]));
  await flush();
  await advance(1000);
  assert.equal(shownId(), "2");
  await advance(1000);
  assert.equal(shownId(), "3");
});

test("without a fade the old view is removed in the same step", async () => {
  const { root, player } = setup({ fadeMs: 0 });
  player.load(manifest("a", [slide(1)]));
  await flush();
  player.load(manifest("b", [slide(2)]));
  await flush();
  assert.deepEqual(root.children.map((c) => c.getAttribute("data-slide-id")), ["2"]);
});

test("stop clears the screen and forgets the manifest", async () => {
  const { root, player, shownId, advance } = setup();
  player.load(manifest("a", [slide(1, 1), slide(2, 1)]));
  await flush();
  player.stop();
  await advance(5000);
  assert.equal(root.children.length, 0);
  assert.equal(player.manifest, null);
  player.load(manifest("a", [slide(1, 1), slide(2, 1)]));
  await flush();
  assert.equal(shownId(), "1");
});
