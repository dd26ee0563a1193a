import { test } from "node:test";
import assert from "node:assert/strict";
import { createPairingView } from "../js/pairing.js";
import { strings } from "../js/strings.js";
import { FakeDocument } from "./fakes.js";

function view() {
  const doc = new FakeDocument();
  const el = doc.createElement("div");
  for (const id of ["pairing-code", "pairing-message"]) {
    const child = doc.createElement("p");
    child.id = id;
    el.appendChild(child);
  }
  return { el, pairing: createPairingView(el) };
}

test("the code is the whole text of #pairing-code, with one line of instruction", () => {
  const { el, pairing } = view();
  pairing.showCode("H7KQ3M");
  assert.equal(el.querySelector("#pairing-code").textContent, "H7KQ3M");
  assert.equal(el.querySelector("#pairing-message").textContent, "Enter this code in the admin to pair this screen.");
});

test("a dead code is taken off the screen while connecting", () => {
  const { el, pairing } = view();
  pairing.showCode("H7KQ3M");
  pairing.showConnecting();
  assert.equal(el.querySelector("#pairing-code").textContent, "");
  assert.equal(el.querySelector("#pairing-message").textContent, strings.connecting);
});
