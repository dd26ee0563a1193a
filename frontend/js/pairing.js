// The pairing view: a code large enough to read across a lobby, one line of
// instruction, or a quiet "connecting" while there is no code.

import { strings } from "./strings.js";

export function createPairingView(el) {
  const code = el.querySelector("#pairing-code");
  const message = el.querySelector("#pairing-message");

  return {
    showCode(value) {
      code.textContent = value;
      message.textContent = strings.pairingInstruction;
    },
    // A code dies with the socket that got it, so it is never left on screen.
    showConnecting() {
      code.textContent = "";
      message.textContent = strings.connecting;
    },
  };
}
