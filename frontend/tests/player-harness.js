// A player on fake timers and a fake DOM, with what it reports collected.

import { createPlayer } from "../js/player.js";
import { FakeDocument, FakeTimers, flush, quietLog } from "./fakes.js";

export function playerHarness(options = {}) {
  const doc = new FakeDocument();
  const root = doc.createElement("main");
  const timers = new FakeTimers();
  const errors = [];
  const shows = [];
  const plays = [];
  const player = createPlayer(root, {
    doc,
    timers,
    now: () => timers.now,
    ready: () => null,
    loadImage: () => Promise.resolve(),
    fadeMs: 0,
    onShow: (s) => shows.push(s && s.id),
    onPlayed: (p) => plays.push(p),
    onError: (text) => errors.push(text),
    log: quietLog,
    ...options,
  });
  const current = () => root.children.filter((c) => c.getAttribute("data-state") === "current");
  const shownId = () => current().map((c) => c.getAttribute("data-slide-id")).join(",");
  // Advances virtual time, letting promise callbacks run after each step.
  async function advance(ms, step = 100) {
    for (let t = 0; t < ms; t += step) {
      timers.tick(Math.min(step, ms - t));
      await flush();
    }
  }
  return { doc, root, timers, player, errors, shows, plays, current, shownId, advance };
}
