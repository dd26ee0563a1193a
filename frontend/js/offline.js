// Offline boot. Where a service worker may run (a secure context: HTTPS, or
// localhost), ../sw.js keeps this client's files and its media; elsewhere the
// manifest in localStorage and the browser's own cache are all there is. The
// mode in use is reported in `status` as `offline_cache`.

import { manifestMediaUrls, screenOrientation } from "./manifest.js";

export const SERVICE_WORKER = "service-worker";
export const LOCAL_STORAGE = "local-storage";

// The absolute URLs of the media a manifest references for a screen of this
// orientation, and any others the screen needs (its theme's logo): what the worker keeps.
export function mediaUrls(manifest, base, orientation, extra = []) {
  const urls = [];
  for (const url of manifestMediaUrls(manifest, orientation).concat(extra)) {
    try {
      const absolute = new URL(url, base).href;
      if (!urls.includes(absolute)) urls.push(absolute);
    } catch {
      // not a URL: nothing to keep
    }
  }
  return urls.sort();
}

export function serviceWorkerSupported(env = globalThis) {
  return Boolean(env.isSecureContext && env.navigator && env.navigator.serviceWorker && env.caches);
}

export function createOffline({ env = globalThis, onChange = () => {}, onError = () => {}, log = console } = {}) {
  const supported = serviceWorkerSupported(env);
  const container = supported ? env.navigator.serviceWorker : null;

  return {
    register() {
      if (!supported) return;
      container.addEventListener("controllerchange", () => onChange());
      container.register("./sw.js", { scope: "./" }).catch((err) => {
        log.warn("service worker registration failed", err);
        onError(`service worker: ${err && err.message ? err.message : err}`);
      });
    },
    // Tells the worker which media the playing manifest (and `extra`) need; it drops the rest.
    useMedia(manifest, extra = []) {
      if (!supported) return;
      const urls = mediaUrls(manifest, env.location.href, screenOrientation(env), extra);
      container.ready
        .then((registration) => registration.active && registration.active.postMessage({ type: "media", urls }))
        .catch((err) => log.warn("cannot reach the service worker", err));
    },
    get mode() {
      return container && container.controller ? SERVICE_WORKER : LOCAL_STORAGE;
    },
  };
}
