// The screen's WebSocket session: hello, heartbeat, dispatch, reconnect.
// Speaks docs/protocol.md version 1. Everything global is injectable so the
// logic runs in node against fakes.

import { backoffDelay, expiryDelay, BACKOFF_CAP_MS } from "./backoff.js";
import { isManifest } from "./manifest.js";
import { isEmergency } from "./emergency.js";
import { isCampaigns } from "./campaigns.js";

export const PROTOCOL = 1;
export const CLIENT_VERSION = "0.4.0";
export const HEARTBEAT_MS = 30000;
// Heartbeats sent without hearing anything back before the socket is given up
// as half-open (it would otherwise never fire `close`).
const MAX_SILENT_HEARTBEATS = 2;

// A fleet powering up together (a building's power returns) spreads its first
// connects over this window; cached content plays meanwhile.
export const FIRST_CONNECT_SPREAD_MS = 3000;

export const CLOSE_INVALID_TOKEN = 4001;
export const CLOSE_UNSUPPORTED_PROTOCOL = 4002;

export function socketUrl(loc) {
  return `${loc.protocol === "https:" ? "wss" : "ws"}://${loc.host}/ws/screen/`;
}

export function helloMessage(token, version, emergencies = []) {
  const hello = { type: "hello", protocol: PROTOCOL };
  if (token) hello.token = token;
  if (version) hello.version = version;
  if (token && emergencies.length) hello.emergencies = emergencies; // the server ends those no longer on
  return Object.assign(hello, { client: CLIENT_VERSION });
}

const noop = () => {};

export function createConnection({
  store,
  handlers = {},
  url = socketUrl(globalThis.location),
  WebSocket = globalThis.WebSocket,
  timers = globalThis,
  now = Date.now,
  random = Math.random,
  firstConnectSpreadMs = FIRST_CONNECT_SPREAD_MS,
  reload = () => globalThis.location.reload(),
  log = console,
}) {
  let socket = null;
  let attempt = 0;
  let silentHeartbeats = 0;
  let heartbeatTimer = null;
  let expiryTimer = null;
  let reconnectTimer = null;
  let stopped = true;

  function notify(name, ...args) {
    try {
      (handlers[name] || noop)(...args);
    } catch (err) {
      log.error(`handler ${name} failed`, err);
    }
  }

  function send(message) {
    if (!socket) return false;
    try {
      socket.send(JSON.stringify(message));
      return true;
    } catch (err) {
      log.warn("send failed", err);
      return false;
    }
  }

  function connect() {
    reconnectTimer = null;
    if (stopped) return;
    let ws;
    try {
      ws = new WebSocket(url);
    } catch (err) {
      log.warn("cannot open socket", err);
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => onOpen();
    ws.onmessage = (event) => onMessage(event.data);
    ws.onclose = (event) => onClose(event.code);
    ws.onerror = () => log.warn("socket error"); // a close event follows
  }

  function onOpen() {
    const manifest = store.getManifest();
    const emergencies = store.getEmergencies().map((message) => message.id);
    send(helloMessage(store.getToken(), manifest && manifest.version, emergencies));
    silentHeartbeats = 0;
    heartbeatTimer = timers.setInterval(heartbeat, HEARTBEAT_MS);
  }

  function heartbeat() {
    if (silentHeartbeats >= MAX_SILENT_HEARTBEATS) {
      drop("no reply to heartbeats");
      return;
    }
    silentHeartbeats += 1;
    send({ type: "heartbeat" });
  }

  function scheduleReconnect() {
    if (stopped || reconnectTimer !== null) return;
    const delay = backoffDelay(attempt, { random });
    attempt += 1;
    reconnectTimer = timers.setTimeout(connect, delay);
  }

  // Leaves the socket without waiting for its close event (which a dead
  // network may never deliver), then reconnects.
  function drop(reason) {
    log.info(`leaving the socket: ${reason}`);
    const ws = socket;
    detach();
    try {
      ws.close(1000);
    } catch (err) {
      log.warn("close failed", err);
    }
    notify("disconnected");
    scheduleReconnect();
  }

  function detach() {
    timers.clearInterval(heartbeatTimer);
    timers.clearTimeout(expiryTimer);
    heartbeatTimer = expiryTimer = null;
    if (socket) socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    socket = null;
  }

  function onClose(code) {
    detach();
    notify("disconnected", code);
    if (code === CLOSE_UNSUPPORTED_PROTOCOL) {
      // A newer client is deployed. The random wait keeps a fleet from
      // reloading at once and a stale cached page from reloading in a loop.
      timers.setTimeout(reload, random() * BACKOFF_CAP_MS);
      return;
    }
    if (code === CLOSE_INVALID_TOKEN) forgetScreen();
    scheduleReconnect();
  }

  function forgetScreen() {
    const hadToken = store.getToken() !== null;
    store.clearToken();
    store.clearManifest(); // content of the old pairing must not play on
    store.setCampaigns(null);
    if (hadToken) notify("unpaired");
  }

  function onMessage(data) {
    silentHeartbeats = 0;
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      log.warn("ignoring a frame that is not JSON");
      return;
    }
    try {
      dispatch(message || {});
    } catch (err) {
      log.error("failed to handle message", message, err);
    }
  }

  function dispatch(message) {
    switch (message.type) {
      case "pairing.code":
        attempt = 0;
        timers.clearTimeout(expiryTimer);
        expiryTimer = timers.setTimeout(() => drop("pairing code expired"), expiryDelay(message, now()));
        notify("pairingCode", { code: String(message.code), expiresAt: message.expires_at });
        break;
      case "paired":
        if (typeof message.token !== "string" || message.token === "") throw new Error("paired without a token");
        timers.clearTimeout(expiryTimer);
        store.setToken(message.token);
        notify("paired");
        break;
      case "welcome":
        attempt = 0;
        notify("welcome", message.screen, message);
        break;
      case "theme":
        notify("theme", message.theme);
        break;
      case "manifest":
        if (!isManifest(message.manifest)) throw new Error("malformed manifest");
        store.setManifest(message.manifest);
        notify("manifest", message.manifest);
        break;
      case "campaigns":
        if (!isCampaigns(message.campaigns)) throw new Error("malformed campaigns");
        store.setCampaigns(message.campaigns);
        notify("campaigns", message.campaigns);
        break;
      case "unpaired":
        forgetScreen();
        break;
      case "command":
        notify("command", message);
        break;
      case "emergency":
        if (!isEmergency(message)) throw new Error("malformed emergency message");
        notify("emergency", message);
        break;
      case "emergency.end":
        notify("emergencyEnd", message.id);
        break;
      case "played.ack":
        notify("playedAck", Array.isArray(message.ids) ? message.ids : []);
        break;
      case "error":
        // An older server answers `status` and `played` with unknown_type: expected, not news.
        if (message.code === "unknown_type") log.info(`server: ${message.message}`);
        else log.warn(`server error ${message.code}: ${message.message}`);
        if (message.code === "invalid_token") forgetScreen();
        break;
      case "heartbeat.ack": // any frame counts as a sign of life
        break;
      default:
        log.info("ignoring unknown message", message.type); // a newer server
    }
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      if (firstConnectSpreadMs > 0) reconnectTimer = timers.setTimeout(connect, random() * firstConnectSpreadMs);
      else connect();
    },
    stop() {
      stopped = true;
      timers.clearTimeout(reconnectTimer);
      reconnectTimer = null;
      if (socket) drop("stopped");
    },
    // Sends a frame on the open socket; false when there is none.
    send,
  };
}
