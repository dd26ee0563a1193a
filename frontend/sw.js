// The screen's service worker (scope /screen/). The client's own files are
// network-first, so a deploy arrives on the next load and the last good copy
// serves while the network is down; media under /media/ are cache-first. The
// page posts {type: "media", urls} for each manifest it plays; cached media no
// longer referenced are evicted and referenced ones fetched ahead. A <video>
// asks for byte ranges: those are cut from the whole cached file.
// A classic script, not a module: Chromium 80 cannot run module workers.

const SHELL_CACHE = "infoscreen-shell-v1";
const MEDIA_CACHE = "infoscreen-media-v1";
const MEDIA_PATH = "/media/";
// A network that neither answers nor fails (a dead uplink) must not hold the
// boot: past this the cached copy is served, and for a while after that the
// cache answers at once (the network copy still refreshes it).
const NETWORK_TIMEOUT_MS = 3000;
const SUSPECT_FOR_MS = 30000;
// A fleet told about new media at the same moment spreads its downloads.
const PREFETCH_SPREAD_MS = 20000;

// Every file the screen page loads; tests/sw.test.js checks it against the tree.
const SHELL = [
  "./",
  "./css/screen.css",
  "./js/backoff.js",
  "./js/campaigns.js",
  "./js/commands.js",
  "./js/connection.js",
  "./js/emergency.js",
  "./js/images.js",
  "./js/layout.js",
  "./js/main.js",
  "./js/manifest.js",
  "./js/offline.js",
  "./js/pairing.js",
  "./js/playback.js",
  "./js/played.js",
  "./js/player.js",
  "./js/preload.js",
  "./js/status.js",
  "./js/store.js",
  "./js/strings.js",
  "./js/theme.js",
  "./js/timeline.js",
  "./js/update.js",
  "./js/video.js",
  "./js/watchdog.js",
  "./js/renderers/book_review.js",
  "./js/renderers/calendar.js",
  "./js/renderers/clock.js",
  "./js/renderers/contacts.js",
  "./js/renderers/dates.js",
  "./js/renderers/dom.js",
  "./js/renderers/image_text.js",
  "./js/renderers/index.js",
  "./js/renderers/news.js",
  "./js/renderers/poster.js",
  "./js/renderers/qr_code.js",
  "./js/renderers/rotation.js",
  "./js/renderers/slideshow.js",
  "./js/renderers/table.js",
  "./js/renderers/ticking.js",
  "./js/renderers/video.js",
  "./js/renderers/web_page.js",
];

let suspectUntil = 0;
let referenced = null; // Set of media URLs the playing manifest needs; null: not told yet

function scopeUrl(path) {
  return new URL(path, self.registration.scope).href;
}

function cacheable(response) {
  return Boolean(response) && response.status === 200 && response.type === "basic";
}

// Media in the cache that the manifest no longer references.
function staleUrls(cachedUrls, keep) {
  return cachedUrls.filter((url) => !keep.has(url));
}

function isShell(url, request) {
  if (!url.pathname.startsWith(new URL(self.registration.scope).pathname)) return false;
  return request.mode === "navigate" || /\.(js|css|html)$/.test(url.pathname);
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function fromCache(cacheName, key) {
  const cache = await caches.open(cacheName);
  return cache.match(key);
}

async function networkFirst(event, key) {
  const network = fetch(event.request);
  event.waitUntil(network.then(async (response) => {
    if (!cacheable(response)) return;
    suspectUntil = 0;
    const copy = response.clone();
    await (await caches.open(SHELL_CACHE)).put(key, copy);
  }).catch(() => {}));
  const TIMEOUT = {};
  try {
    const first = await Promise.race([network, delay(Date.now() < suspectUntil ? 0 : NETWORK_TIMEOUT_MS).then(() => TIMEOUT)]);
    if (first !== TIMEOUT && first.ok) return first;
    if (first === TIMEOUT) suspectUntil = Date.now() + SUSPECT_FOR_MS;
    return (await fromCache(SHELL_CACHE, key)) || network;
  } catch (err) {
    suspectUntil = Date.now() + SUSPECT_FOR_MS;
    const cached = await fromCache(SHELL_CACHE, key);
    if (cached) return cached;
    throw err;
  }
}

// {start, end} (inclusive) of a "bytes=" Range header for a file of `size`
// bytes, or null if it asks for none of it. One range only, as media elements ask.
function byteRange(header, size) {
  const match = /^bytes=(\d*)-(\d*)$/.exec(String(header).trim());
  if (!match || (match[1] === "" && match[2] === "")) return null;
  const start = match[1] === "" ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] === "" || match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start <= end && start < size ? { start, end } : null;
}

async function partialResponse(cached, header) {
  const blob = await cached.blob(); // backed by the cache on disk: slicing reads only the range
  const range = byteRange(header, blob.size);
  if (!range) return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${blob.size}` } });
  return new Response(blob.slice(range.start, range.end + 1), {
    status: 206,
    statusText: "Partial Content",
    headers: {
      "Content-Type": cached.headers.get("Content-Type") || "application/octet-stream",
      "Content-Length": String(range.end - range.start + 1),
      "Content-Range": `bytes ${range.start}-${range.end}/${blob.size}`,
      "Accept-Ranges": "bytes",
    },
  });
}

async function cacheFirst(event) {
  const key = event.request.url;
  const range = event.request.headers.get("range");
  const cached = await fromCache(MEDIA_CACHE, key);
  if (cached) return range ? partialResponse(cached, range) : cached;
  const response = await fetch(event.request);
  if (cacheable(response) && (referenced === null || referenced.has(key))) {
    const copy = response.clone();
    event.waitUntil(caches.open(MEDIA_CACHE).then((cache) => cache.put(key, copy)));
  }
  return response;
}

async function syncMedia(urls, spreadMs) {
  const keep = new Set(urls.map((url) => new URL(url, self.registration.scope).href));
  referenced = keep;
  const cache = await caches.open(MEDIA_CACHE);
  const cachedUrls = (await cache.keys()).map((request) => request.url);
  await Promise.all(staleUrls(cachedUrls, keep).map((url) => cache.delete(url)));
  const missing = Array.from(keep).filter((url) => !cachedUrls.includes(url));
  if (missing.length === 0) return;
  await delay(Math.random() * spreadMs);
  for (const url of missing) {
    if (referenced !== keep) return; // a newer manifest took over
    try {
      const response = await fetch(url, { credentials: "same-origin" });
      if (cacheable(response) && referenced.has(url) && !(await cache.match(url))) await cache.put(url, response);
    } catch {
      // offline or gone: the page skips the slide and tries again on its next turn
    }
  }
}

self.addEventListener("install", (event) => {
  const requests = SHELL.map((path) => new Request(scopeUrl(path), { cache: "no-cache" }));
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(requests)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names
      .filter((name) => name.startsWith("infoscreen-") && name !== SHELL_CACHE && name !== MEDIA_CACHE)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith(MEDIA_PATH)) {
    event.respondWith(cacheFirst(event));
  } else if (isShell(url, request)) {
    event.respondWith(networkFirst(event, url.origin + url.pathname));
  }
});

self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "media" || !Array.isArray(data.urls)) return;
  event.waitUntil(syncMedia(data.urls.filter((url) => typeof url === "string"), PREFETCH_SPREAD_MS));
});
