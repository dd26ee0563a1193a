// The screen page: pairing view until the screen has a token, the player after.
// A cached manifest starts playing before the socket is even open, so a screen
// never goes blank while it (re)connects.

import { createStore } from "./store.js";
import { createConnection } from "./connection.js";
import { createPlayer } from "./player.js";
import { createPairingView } from "./pairing.js";

function setState(state) {
  document.body.dataset.state = state;
}

function start() {
  const store = createStore();
  const pairing = createPairingView(document.getElementById("pairing"));
  const player = createPlayer(document.getElementById("player"), { onState: setState });

  function waitForServer() {
    player.stop();
    pairing.showConnecting();
    setState("connecting");
  }

  waitForServer();
  const cached = store.getToken() ? store.getManifest() : null;
  if (cached) player.load(cached);
  else store.clearManifest();

  createConnection({
    store,
    handlers: {
      pairingCode({ code }) {
        player.stop();
        pairing.showCode(code);
        setState("pairing");
      },
      paired() {
        // welcome and the manifest follow on this socket
        pairing.showConnecting();
        setState("connecting");
      },
      manifest(manifest) {
        player.load(manifest);
      },
      unpaired: waitForServer,
      disconnected() {
        // A playing screen plays on; a pairing code dies with its socket.
        if (document.body.dataset.state !== "pairing") return;
        pairing.showConnecting();
        setState("connecting");
      },
    },
  }).start();
}

start();
