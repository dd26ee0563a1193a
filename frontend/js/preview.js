// The admin's preview (inside the preview page's screen-sized frame): plays the
// manifest embedded in the page with the screen's own layout, players and
// renderers, in the embedded theme, without a WebSocket. A time-travel preview
// embeds a moment ("preview-at"): the player's clock starts there, so the
// manifest's timeline is followed as the screen would follow it then, and the
// screen's campaigns ("preview-campaigns") cover it as they would.

import { createLayout } from "./layout.js";
import { createCampaignLayer } from "./campaigns.js";
import { applyTheme } from "./theme.js";

function readJson(id) {
  const script = document.getElementById(id);
  try {
    return JSON.parse(script ? script.textContent : "null");
  } catch (err) {
    console.error(`${id} is not valid JSON`, err);
    return null;
  }
}

function readManifest() {
  const data = readJson("preview-manifest");
  // Accept the bare manifest or the whole `manifest` message.
  return data && data.type === "manifest" ? data.manifest : data;
}

function playerRoot() {
  let root = document.getElementById("player");
  if (!root) {
    root = document.createElement("div");
    root.id = "player";
    document.body.appendChild(root);
  }
  return root;
}

// The theme a screen of the content's organisation shows; slides with their own carry it.
applyTheme(document.documentElement, readJson("preview-theme"));

// A clock that reads `at` now and runs on from there; the real clock without one.
function clockFrom(at) {
  const start = typeof at === "string" ? Date.parse(at) : NaN;
  if (!Number.isFinite(start)) return Date.now;
  const offset = start - Date.now();
  return () => Date.now() + offset;
}

const now = clockFrom(readJson("preview-at"));
const player = createLayout(playerRoot(), {
  now,
  onState: (state) => {
    document.body.dataset.state = state;
  },
});
player.load(readManifest());
const campaigns = readJson("preview-campaigns");
if (campaigns) createCampaignLayer(document.body, { now, layoutOptions: { playerOptions: { now } } }).load(campaigns);
