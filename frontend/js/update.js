// Self-update: when `welcome` names a deployed client other than this one, the
// page reloads after a random 0–60 s (so a fleet never reloads in the same
// second), and then only at a slide boundary, never mid-slide.

export const UPDATE_SPREAD_MS = 60000;

export function createUpdater({
  current,
  reload,
  isCycling = () => false, // true when a slide boundary will come
  timers = globalThis,
  random = Math.random,
  spreadMs = UPDATE_SPREAD_MS,
}) {
  let target = null;
  let timer = null;
  let due = false;

  function cancel() {
    timers.clearTimeout(timer);
    target = timer = null;
    due = false;
  }

  return {
    // The `client` field of `welcome`; an old server sends none.
    check(deployed) {
      if (typeof deployed !== "string" || deployed === "") return;
      if (deployed === current) {
        cancel();
        return;
      }
      if (deployed === target) return;
      cancel();
      target = deployed;
      timer = timers.setTimeout(() => {
        timer = null;
        due = true;
        if (!isCycling()) reload(); // idle or pairing: no boundary will come
      }, random() * spreadMs);
    },
    // The player's hook at the end of each slide: true holds the loop for the reload.
    atBoundary() {
      if (!due) return false;
      due = false;
      reload();
      return true;
    },
    get pending() {
      return target;
    },
  };
}
