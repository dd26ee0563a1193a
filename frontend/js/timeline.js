// When content plays, by the screen's own clock (see "Timeline" in docs/protocol.md).
//
// The server resolves schedules into tracks: intervals {from, until, playlists}
// in ISO 8601 with offsets, covering a horizon of days. The screen only looks
// up the interval holding "now", so it switches on time while offline too.
// Pure: instants are milliseconds since the epoch.

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function instant(text) {
  const ms = typeof text === "string" ? Date.parse(text) : NaN;
  return Number.isFinite(ms) ? ms : null;
}

function playlistIds(row) {
  return Array.isArray(row.playlists) ? row.playlists.filter(Number.isInteger) : [];
}

// The intervals of a track that can be read, in the order sent.
export function readTrack(track) {
  if (!Array.isArray(track)) return [];
  const rows = [];
  for (const row of track) {
    if (!isObject(row)) continue;
    const from = instant(row.from);
    const until = instant(row.until);
    if (from === null || until === null || until <= from) continue;
    rows.push({ from, until, playlists: playlistIds(row), campaign: Number.isInteger(row.campaign) ? row.campaign : null });
  }
  return rows;
}

// The interval holding `at`, or null.
export function intervalAt(rows, at) {
  return rows.find((row) => row.from <= at && at < row.until) || null;
}

// The playlists a region plays at `at` by the manifest's timeline, or null
// where the timeline says nothing: no timeline (a preview), a region it does
// not name, or a moment outside its horizon (a screen offline for longer than
// that plays everything placed in the region rather than nothing).
export function regionPlaylistsAt(manifest, name, at) {
  const timeline = isObject(manifest) && isObject(manifest.timeline) ? manifest.timeline : null;
  if (!timeline || !isObject(timeline.regions) || !(name in timeline.regions)) return null;
  const row = intervalAt(readTrack(timeline.regions[name]), at);
  return row ? row.playlists : null;
}

// A slide plays until its expiry ("until"), if it has one.
export function slideLiveAt(slide, at) {
  const until = isObject(slide) ? instant(slide.until) : null;
  return until === null || at < until;
}

// The first instant after `at` at which what plays may change: an interval
// starting or ending, a slide expiring. Null if nothing is due.
export function nextChange(instants, at) {
  let next = null;
  for (const t of instants) if (t !== null && t > at && (next === null || t < next)) next = t;
  return next;
}

// Every instant at which a manifest's content changes: its regions' interval
// edges and its slides' expiries.
export function manifestInstants(manifest) {
  const instants = [];
  const timeline = isObject(manifest) && isObject(manifest.timeline) ? manifest.timeline : null;
  if (timeline && isObject(timeline.regions)) {
    for (const track of Object.values(timeline.regions)) {
      for (const row of readTrack(track)) instants.push(row.from, row.until);
    }
  }
  const playlists = isObject(manifest) && isObject(manifest.playlists) ? Object.values(manifest.playlists) : [];
  for (const playlist of playlists) {
    const slides = isObject(playlist) && Array.isArray(playlist.slides) ? playlist.slides : [];
    for (const slide of slides) if (isObject(slide)) instants.push(instant(slide.until));
  }
  return instants;
}
