// A view that changes every second (a clock) without a timer that outlives it.
// The player only removes a slide's element, so the ticking stops itself: once
// the element has been on the page and is gone, or if it never got there.

export const NEVER_SHOWN_TICKS = 30;

// Calls update(nowMs) at once and then at each whole second while `el` may still be shown.
export function tickWhileShown(el, update, { timers = globalThis, now = Date.now } = {}) {
  let shown = false;
  let waited = 0;

  function tick() {
    if (el.isConnected) shown = true;
    else if (shown || ++waited > NEVER_SHOWN_TICKS) return;
    update(now());
    schedule();
  }

  function schedule() {
    timers.setTimeout(tick, 1000 - (now() % 1000));
  }

  update(now());
  schedule();
}
