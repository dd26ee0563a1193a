// Added to the page by bench/longrun.py before the client loads: replaces WebSocket with a socket
// whose far end is a fake server inside the page, answering as screens/consumers.py does (welcome
// and manifest for hello, heartbeat.ack, played.ack for every id received; status stored, no reply).
// With `acksPlayed` false it answers `played` as a server without proof of play does (unknown_type),
// so the client's buffer of unacknowledged events fills up to its cap.
// Replies travel on the page's timers (the fake clock), so they arrive in simulated time and the
// run does not depend on how fast this machine is. The server keeps counters, never messages, so
// it adds nothing to the heap that grows with the run.
(() => {
  const LATENCY_MS = 20;
  const server = {
    manifest: null, // set by the bench before the first connect, replaced by publish()
    acksPlayed: true,
    socket: null,
    counts: { connects: 0, status: 0, played_frames: 0, played_events: 0, heartbeats: 0 },
    publish(manifest) {
      this.manifest = manifest;
      if (this.socket) this.socket.deliver({ type: "manifest", manifest });
    },
  };

  function answer(socket, message) {
    switch (message.type) {
      case "hello":
        socket.deliver({ type: "welcome", screen: { id: 1, name: "Bench", location: "Here" }, client: message.client });
        if (message.version !== server.manifest.version) socket.deliver({ type: "manifest", manifest: server.manifest });
        break;
      case "heartbeat":
        server.counts.heartbeats += 1;
        socket.deliver({ type: "heartbeat.ack" });
        break;
      case "status":
        server.counts.status += 1;
        break;
      case "played":
        if (!server.acksPlayed) {
          unknown(socket);
          break;
        }
        server.counts.played_frames += 1;
        server.counts.played_events += message.events.length;
        socket.deliver({ type: "played.ack", ids: message.events.map((event) => event.id) });
        break;
      default:
        unknown(socket);
    }
  }

  function unknown(socket) {
    socket.deliver({ type: "error", code: "unknown_type", message: "Unknown message type." });
  }

  class BenchSocket extends EventTarget {
    constructor(url) {
      super();
      this.url = url;
      this.readyState = 0;
      this.onopen = this.onmessage = this.onclose = this.onerror = null;
      server.counts.connects += 1;
      setTimeout(() => {
        this.readyState = 1;
        server.socket = this;
        this.fire("open", new Event("open"));
      }, LATENCY_MS);
    }
    send(text) {
      if (this.readyState !== 1) throw new DOMException("Still in CONNECTING state.", "InvalidStateError");
      const message = JSON.parse(text);
      setTimeout(() => answer(this, message), LATENCY_MS);
    }
    close(code = 1000) {
      if (this.readyState > 1) return;
      this.readyState = 3;
      if (server.socket === this) server.socket = null;
      setTimeout(() => this.fire("close", new CloseEvent("close", { code })), LATENCY_MS);
    }
    deliver(message) {
      const data = JSON.stringify(message);
      setTimeout(() => {
        if (this.readyState === 1) this.fire("message", new MessageEvent("message", { data }));
      }, LATENCY_MS);
    }
    fire(type, event) {
      this.dispatchEvent(event);
      const handler = this[`on${type}`];
      if (handler) handler.call(this, event);
    }
  }

  globalThis.WebSocket = BenchSocket;
  globalThis.benchServer = server;
})();
