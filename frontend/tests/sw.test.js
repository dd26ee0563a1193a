import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import vm from "node:vm";

const ROOT = new URL("..", import.meta.url).pathname;
const SOURCE = readFileSync(join(ROOT, "sw.js"), "utf8");
const ORIGIN = "https://tv.example.org";
const SCOPE = `${ORIGIN}/screen/`;

function response(body, { status = 200, type = "basic" } = {}) {
  return { body, status, ok: status >= 200 && status < 300, type, clone() { return response(body, { status, type }); } };
}

class FakeCache {
  constructor() {
    this.entries = new Map();
  }
  async match(key) {
    return this.entries.get(typeof key === "string" ? key : key.url);
  }
  async put(key, value) {
    this.entries.set(typeof key === "string" ? key : key.url, value);
  }
  async delete(key) {
    return this.entries.delete(typeof key === "string" ? key : key.url);
  }
  async keys() {
    return Array.from(this.entries.keys(), (url) => ({ url }));
  }
  async addAll(requests) {
    this.added = requests;
    for (const r of requests) this.entries.set(r.url, response(`file ${r.url}`));
  }
}

// Loads sw.js into a fresh context with a scripted network and cache storage.
function worker({ network = () => Promise.reject(new TypeError("offline")) } = {}) {
  const listeners = {};
  const stores = new Map();
  const fetched = [];
  const state = { skipped: false, claimed: false };
  const context = {
    self: {
      registration: { scope: SCOPE },
      location: { origin: ORIGIN },
      addEventListener: (name, fn) => (listeners[name] = fn),
      skipWaiting: async () => (state.skipped = true),
      clients: { claim: async () => (state.claimed = true) },
    },
    caches: {
      open: async (name) => {
        if (!stores.has(name)) stores.set(name, new FakeCache());
        return stores.get(name);
      },
      keys: async () => Array.from(stores.keys()),
      delete: async (name) => stores.delete(name),
    },
    fetch: (request) => {
      const url = typeof request === "string" ? request : request.url;
      fetched.push(url);
      return network(url);
    },
    Request: class {
      constructor(url, init = {}) {
        this.url = String(url);
        this.cache = init.cache;
      }
    },
    URL,
    Response,
    setTimeout: (fn) => setImmediate(fn), // every wait in the worker is over at once
  };
  vm.createContext(context);
  vm.runInContext(SOURCE, context);
  function dispatch(name, fields) {
    const waits = [];
    let responded = null;
    const event = { ...fields, waitUntil: (p) => waits.push(p), respondWith: (p) => (responded = p) };
    listeners[name](event);
    return { responded, settled: () => Promise.all(waits) };
  }
  function get(url, { mode = "no-cors", method = "GET", range = false } = {}) {
    const headers = { get: (h) => (h === "range" && range) || null };
    return dispatch("fetch", { request: { url, mode, method, headers } });
  }
  return { context, stores, fetched, state, dispatch, get, global: (name) => vm.runInContext(name, context) };
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test("the precached shell is every file the screen page loads", () => {
  const shell = worker().global("SHELL");
  const files = filesUnder(join(ROOT, "js")).concat(filesUnder(join(ROOT, "css")))
    .map((path) => `./${relative(ROOT, path)}`)
    .filter((path) => !/\/preview[.-]/.test(path)); // the admin preview's files, never on a screen
  assert.deepEqual([...shell].sort(), ["./", ...files].sort());
});

test("install precaches the shell, bypassing the HTTP cache, and takes over at once", async () => {
  const w = worker();
  await w.dispatch("install", {}).settled();
  const shell = w.stores.get("infoscreen-shell-v1");
  assert.ok(shell.added.every((r) => r.cache === "no-cache"));
  assert.ok(shell.entries.has(SCOPE));
  assert.ok(shell.entries.has(`${SCOPE}js/main.js`));
  assert.equal(w.state.skipped, true);
});

test("activate drops old caches of ours only, and claims open pages", async () => {
  const w = worker();
  for (const name of ["infoscreen-shell-v0", "infoscreen-media-v1", "someone-else"]) await w.context.caches.open(name);
  await w.dispatch("activate", {}).settled();
  assert.deepEqual([...w.stores.keys()].sort(), ["infoscreen-media-v1", "someone-else"]);
  assert.equal(w.state.claimed, true);
});

test("the client's files come from the network and refresh the cache", async () => {
  const w = worker({ network: async () => response("new") });
  const shell = await w.context.caches.open("infoscreen-shell-v1");
  await shell.put(`${SCOPE}js/main.js`, response("old"));
  const { responded, settled } = w.get(`${SCOPE}js/main.js?v=2`);
  assert.equal((await responded).body, "new");
  await settled();
  assert.equal(shell.entries.get(`${SCOPE}js/main.js`).body, "new", "cached under the path, without the query");
});

test("without a network the cached copy serves, for the page itself too", async () => {
  const w = worker();
  await w.dispatch("install", {}).settled();
  const page = w.get(`${SCOPE}?lang=da`, { mode: "navigate" });
  assert.equal((await page.responded).body, `file ${SCOPE}`);
  const script = w.get(`${SCOPE}js/player.js`);
  assert.equal((await script.responded).body, `file ${SCOPE}js/player.js`);
});

test("a server error or a silent network falls back to the cache too", async () => {
  let answer = async () => response("oops", { status: 502 });
  const w = worker({ network: () => answer() });
  await w.dispatch("install", {}).settled();
  assert.equal((await w.get(`${SCOPE}js/main.js`).responded).body, `file ${SCOPE}js/main.js`);
  answer = () => new Promise(() => {}); // never answers: the timeout gives up on it
  assert.equal((await w.get(`${SCOPE}js/store.js`).responded).body, `file ${SCOPE}js/store.js`);
});

test("media are cache-first; only what the page plays is kept", async () => {
  const w = worker({ network: async (url) => response(`net ${url}`) });
  const a = `${ORIGIN}/media/images/a.jpg`;
  const first = w.get(a);
  assert.equal((await first.responded).body, `net ${a}`);
  await first.settled();
  const again = w.get(a);
  assert.equal((await again.responded).body, `net ${a}`);
  assert.deepEqual(w.fetched, [a], "the second load came from the cache");

  const missing = `${ORIGIN}/media/images/gone.jpg`;
  const w404 = worker({ network: async () => response("no", { status: 404 }) });
  const r = w404.get(missing);
  assert.equal((await r.responded).status, 404);
  await r.settled();
  assert.equal(w404.stores.get("infoscreen-media-v1").entries.size, 0, "a 404 is not cached");
});

test("a media message evicts what the manifest no longer references and fetches what it lacks", async () => {
  const w = worker({ network: async (url) => response(`net ${url}`) });
  const media = await w.context.caches.open("infoscreen-media-v1");
  for (const name of ["old", "kept"]) await media.put(`${ORIGIN}/media/${name}.jpg`, response(name));
  await w.dispatch("message", { data: { type: "media", urls: [`${ORIGIN}/media/kept.jpg`, "/media/new.jpg"] } }).settled();
  assert.deepEqual([...media.entries.keys()].sort(), [`${ORIGIN}/media/kept.jpg`, `${ORIGIN}/media/new.jpg`]);
  assert.equal(media.entries.get(`${ORIGIN}/media/kept.jpg`).body, "kept");
  assert.deepEqual(w.fetched, [`${ORIGIN}/media/new.jpg`]);

  // From now on a file no manifest references is served but not kept.
  const other = w.get(`${ORIGIN}/media/other.jpg`);
  await other.responded;
  await other.settled();
  assert.equal(media.entries.has(`${ORIGIN}/media/other.jpg`), false);

  await w.dispatch("message", { data: { type: "media", urls: [] } }).settled();
  assert.equal(media.entries.size, 0);
});

test("staleUrls lists cached media outside the kept set", () => {
  const staleUrls = worker().global("staleUrls");
  assert.deepEqual(staleUrls(["a", "b", "c"], new Set(["b"])), ["a", "c"]);
});

test("other requests are left to the browser", () => {
  const w = worker();
  for (const [url, options] of [
    [`${ORIGIN}/admin/`, { mode: "navigate" }],
    [`${ORIGIN}/healthz`, {}],
    ["https://cdn.example.net/media/x.jpg", {}],
    [`${SCOPE}js/main.js`, { method: "POST" }],
  ]) {
    assert.equal(w.get(url, options).responded, null, url);
  }
  for (const data of [null, "media", { type: "other" }, { type: "media", urls: "x" }]) {
    assert.equal(w.dispatch("message", { data }).responded, null);
  }
});

test("a video's range requests are cut from the whole cached file", async () => {
  const w = worker();
  const url = `${ORIGIN}/media/media/clip.mp4`;
  (await w.context.caches.open("infoscreen-media-v1")).entries.set(url, {
    headers: new Headers({ "Content-Type": "video/mp4" }),
    blob: async () => new Blob(["0123456789"]), // a fresh body per match, as the Cache API gives
  });
  const cases = [
    ["bytes=0-", 206, "0123456789", "bytes 0-9/10"],
    ["bytes=2-5", 206, "2345", "bytes 2-5/10"],
    ["bytes=7-100", 206, "789", "bytes 7-9/10"],
    ["bytes=-3", 206, "789", "bytes 7-9/10"],
  ];
  for (const [range, status, body, contentRange] of cases) {
    const response = await w.get(url, { range }).responded;
    assert.equal(response.status, status, range);
    assert.equal(await response.text(), body, range);
    assert.equal(response.headers.get("Content-Range"), contentRange, range);
    assert.equal(response.headers.get("Content-Type"), "video/mp4");
    assert.equal(response.headers.get("Content-Length"), String(body.length));
  }
  const outside = await w.get(url, { range: "bytes=10-" }).responded;
  assert.equal(outside.status, 416);
  assert.equal(outside.headers.get("Content-Range"), "bytes */10");
  assert.deepEqual(w.fetched, [], "the network was never asked");
});

test("a range request for a video not cached yet goes to the network", async () => {
  const w = worker({ network: async () => response("partial", { status: 206 }) });
  const answer = await w.get(`${ORIGIN}/media/media/new.mp4`, { range: "bytes=0-" }).responded;
  assert.equal(answer.status, 206);
  assert.deepEqual(w.fetched, [`${ORIGIN}/media/media/new.mp4`]);
  assert.equal(w.stores.get("infoscreen-media-v1").entries.size, 0, "a partial response is never cached");
});
