// The admin's preview: plays the manifest embedded in the page with the
// screen's own layout, players and renderers, without a WebSocket.

import { createLayout } from "./layout.js";

function readManifest() {
  const script = document.getElementById("preview-manifest");
  try {
    const data = JSON.parse(script ? script.textContent : "null");
    // Accept the bare manifest or the whole `manifest` message.
    return data && data.type === "manifest" ? data.manifest : data;
  } catch (err) {
    console.error("preview manifest is not valid JSON", err);
    return null;
  }
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

const player = createLayout(playerRoot(), {
  onState: (state) => {
    document.body.dataset.state = state;
  },
});
player.load(readManifest());
