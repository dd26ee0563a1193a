// Shows one of a slide's parts at a time (news entries, pages of events):
// the current one has data-state="current", and the next takes over every
// periodMs. The timer stops itself once the slide has left the page.

export function rotate(parts, periodMs, timers = globalThis) {
  parts.forEach((part, i) => part.setAttribute("data-state", i === 0 ? "current" : "waiting"));
  if (parts.length < 2) return;
  let index = 0;
  let shown = false; // built off-screen first: only a slide that was on the page can leave it
  const id = timers.setInterval(() => {
    const connected = parts[0].isConnected;
    if (shown && !connected) {
      timers.clearInterval(id);
      return;
    }
    shown = shown || connected;
    parts[index].setAttribute("data-state", "waiting");
    index = (index + 1) % parts.length;
    parts[index].setAttribute("data-state", "current");
  }, periodMs);
}
