// Manifests shaped as the server builds them (docs/protocol.md), for tests.

export const FULL = { key: "full", columns: "1fr", rows: "1fr", areas: ["main"] };
export const MAIN_TICKER = { key: "main_ticker", columns: "1fr", rows: "7fr 1fr", areas: ["main", "ticker"] };

export function playlist(id, slides, version = `p${id}`) {
  return { id, title: `Playlist ${id}`, version, slides };
}

// regions: {name: [playlist, …]} in play order.
export function manifestOf(version, regions = { main: [] }, grid = FULL) {
  const playlists = {};
  for (const list of Object.values(regions)) for (const entry of list) playlists[String(entry.id)] = entry;
  const named = Object.entries(regions).map(([name, list]) => ({ name, playlists: list.map((entry) => entry.id) }));
  return { version, layout: Object.assign({}, grid, { regions: named }), playlists };
}

// A full-screen manifest of one playlist with these slides.
export function slidesManifest(version, slides) {
  return manifestOf(version, { main: [playlist(1, slides, version)] });
}
