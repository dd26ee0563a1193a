import { test } from "node:test";
import assert from "node:assert/strict";
import { createStore, TOKEN_KEY, MANIFEST_KEY } from "../js/store.js";
import { FakeStorage, quietLog } from "./fakes.js";
import { slidesManifest } from "./manifests.js";

const MANIFEST = slidesManifest("v1", []);

test("token and manifest persist under namespaced keys", () => {
  const storage = new FakeStorage();
  const store = createStore(storage, quietLog);
  store.setToken("tok");
  store.setManifest(MANIFEST);
  assert.deepEqual([...storage.map.keys()], ["infoscreen.token", "infoscreen.manifest"]);
  const again = createStore(storage, quietLog);
  assert.equal(again.getToken(), "tok");
  assert.deepEqual(again.getManifest(), MANIFEST);
  again.clearToken();
  again.clearManifest();
  assert.equal(storage.map.size, 0);
  assert.equal(again.getToken(), null);
  assert.equal(again.getManifest(), null);
});

test("a corrupt or foreign cached manifest reads as none", () => {
  const oldShape = '{"version": "x", "playlist": null, "slides": []}';
  for (const raw of ["{oops", "42", '{"version": 3, "slides": []}', '{"version": "x"}', oldShape]) {
    const store = createStore(new FakeStorage({ [MANIFEST_KEY]: raw }), quietLog);
    assert.equal(store.getManifest(), null, raw);
  }
  assert.equal(createStore(new FakeStorage({ [TOKEN_KEY]: "" }), quietLog).getToken(), null);
});

test("a throwing storage never crashes and the values live on in memory", () => {
  const broken = {
    getItem() {
      throw new Error("SecurityError");
    },
    setItem() {
      throw new Error("QuotaExceededError");
    },
    removeItem() {
      throw new Error("SecurityError");
    },
  };
  const store = createStore(broken, quietLog);
  assert.equal(store.getToken(), null);
  store.setToken("tok");
  store.setManifest(MANIFEST);
  assert.equal(store.getToken(), "tok");
  assert.deepEqual(store.getManifest(), MANIFEST);
  store.clearToken();
  assert.equal(store.getToken(), null);
});

test("no storage at all works the same", () => {
  const store = createStore(null, quietLog);
  store.setToken("tok");
  assert.equal(store.getToken(), "tok");
});
