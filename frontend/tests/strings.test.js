import test from "node:test";
import assert from "node:assert/strict";

import { catalogues, pickLanguage } from "../js/strings.js";

test("the first supported language wins, region ignored", () => {
  assert.equal(pickLanguage(["da-DK", "en-GB"]), "da");
  assert.equal(pickLanguage([null, "fr-FR", "en-US"]), "en");
});

test("English is the fallback", () => {
  assert.equal(pickLanguage([]), "en");
  assert.equal(pickLanguage(["de"]), "en");
});

test("every language has every string", () => {
  const keys = Object.keys(catalogues.en).sort();
  for (const [lang, strings] of Object.entries(catalogues)) {
    assert.deepEqual(Object.keys(strings).sort(), keys, lang);
    for (const value of Object.values(strings)) assert.ok(value.trim(), lang);
  }
});
