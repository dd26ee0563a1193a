import { test } from "node:test";
import assert from "node:assert/strict";
import { mediaUrls, serviceWorkerSupported, createOffline } from "../js/offline.js";
import { manifestMediaUrls } from "../js/manifest.js";
import { flush, quietLog } from "./fakes.js";
import { MAIN_TICKER, manifestOf, playlist, slidesManifest } from "./manifests.js";

const BASE = "https://tv.example.org/screen/";

function slide(id, url) {
  return { id, type: "image_text", image: url === null ? null : { url }, media: url === null ? [] : [{ url, kind: "image" }] };
}

test("the media a manifest references, absolute and each once: what the worker keeps", () => {
  const main = playlist(1, [slide(1, "/media/images/b.jpg"), slide(2, null), slide(3, "/media/images/a.jpg"), null, { id: 5, media: [{ url: 42, kind: "image" }, null] }, { id: 6, media: "nope" }]);
  const ticker = playlist(2, [slide(4, "https://tv.example.org/media/images/b.jpg"), slide(7, "/media/images/c.jpg")]);
  const manifest = manifestOf("v", { main: [main], ticker: [ticker] }, MAIN_TICKER);
  assert.deepEqual(manifestMediaUrls(manifest), ["/media/images/b.jpg", "/media/images/a.jpg", "https://tv.example.org/media/images/b.jpg", "/media/images/c.jpg"]);
  assert.deepEqual(mediaUrls(manifest, BASE), ["https://tv.example.org/media/images/a.jpg", "https://tv.example.org/media/images/b.jpg", "https://tv.example.org/media/images/c.jpg"]);
  assert.deepEqual(mediaUrls(slidesManifest("v", []), BASE), []);
  assert.deepEqual(mediaUrls(null, BASE), []);
});

function fakeEnv({ secure = true, controller = null } = {}) {
  const posted = [];
  const registered = [];
  const listeners = {};
  const serviceWorker = {
    controller,
    register: (url, options) => {
      registered.push([url, options]);
      return Promise.resolve({});
    },
    ready: Promise.resolve({ active: { postMessage: (m) => posted.push(m) } }),
    addEventListener: (name, fn) => (listeners[name] = fn),
  };
  return { env: { isSecureContext: secure, navigator: { serviceWorker }, caches: {}, location: { href: BASE } }, posted, registered, listeners, serviceWorker };
}

test("plain HTTP away from localhost: no worker, the manifest in localStorage is the offline copy", async () => {
  const { env, registered, posted } = fakeEnv({ secure: false });
  assert.equal(serviceWorkerSupported(env), false);
  assert.equal(serviceWorkerSupported({ isSecureContext: true, navigator: {} }), false);
  const offline = createOffline({ env, log: quietLog });
  offline.register();
  offline.useMedia(slidesManifest("v", [slide(1, "/media/x.jpg")]));
  await flush();
  assert.deepEqual(registered, []);
  assert.deepEqual(posted, []);
  assert.equal(offline.mode, "local-storage");
});

test("in a secure context the worker is registered for ./ and told the media of each manifest", async () => {
  const { env, registered, posted, listeners, serviceWorker } = fakeEnv();
  let changes = 0;
  const offline = createOffline({ env, onChange: () => (changes += 1), log: quietLog });
  offline.register();
  assert.deepEqual(registered, [["./sw.js", { scope: "./" }]]);
  assert.equal(offline.mode, "local-storage", "not yet controlling the page");
  serviceWorker.controller = {};
  listeners.controllerchange();
  assert.equal(changes, 1);
  assert.equal(offline.mode, "service-worker");
  offline.useMedia(slidesManifest("v", [slide(1, "/media/x.jpg")]));
  offline.useMedia(null);
  await flush();
  assert.deepEqual(posted, [{ type: "media", urls: ["https://tv.example.org/media/x.jpg"] }, { type: "media", urls: [] }]);
});

test("a failed registration is reported, not thrown", async () => {
  const { env, serviceWorker } = fakeEnv();
  serviceWorker.register = () => Promise.reject(new Error("SecurityError"));
  const errors = [];
  createOffline({ env, onError: (e) => errors.push(e), log: quietLog }).register();
  await flush();
  assert.deepEqual(errors, ["service worker: SecurityError"]);
});
