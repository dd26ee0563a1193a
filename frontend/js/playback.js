// Slides that move while on screen (a video, a slideshow) hand the player a
// playback along with their element:
//   {endsItself, start({timers, ended, failed, report}), stop()}
// The player starts it when the slide is on screen, and stops it when the
// slide leaves. A playback that ends itself calls ended() (the video's end)
// instead of the player's timer ending the slide; failed(problem) ends the
// slide early and reports it; report(text) reports without ending it.

const playbacks = new WeakMap();

export function attachPlayback(el, playback) {
  playbacks.set(el, playback);
  return el;
}

// The playback of a slide's element (or of the element a renderer returned
// inside it), or null for a still slide.
export function playbackOf(el) {
  if (playbacks.has(el)) return playbacks.get(el);
  const inner = el && el.children ? Array.from(el.children).find((child) => playbacks.has(child)) : null;
  return inner ? playbacks.get(inner) : null;
}
