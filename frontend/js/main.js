// The screen page: pairing view until the screen has a token, the player after.
// A cached manifest starts playing before the socket is even open, so a screen
// never goes blank while it (re)connects, or when it boots without a network.

import { createStore } from "./store.js";
import { createConnection, CLIENT_VERSION } from "./connection.js";
import { createLayout } from "./layout.js";
import { createPairingView } from "./pairing.js";
import { createStatus } from "./status.js";
import { createPlayedLog, createPlayedSender } from "./played.js";
import { handleCommand, createIdentifyOverlay } from "./commands.js";
import { createUpdater } from "./update.js";
import { createOffline } from "./offline.js";
import { createEmergencyOverlay } from "./emergency.js";
import { createCampaignLayer, campaignMediaUrls } from "./campaigns.js";
import { screenOrientation } from "./manifest.js";
import { silenceVideos } from "./video.js";
import { applyTheme, themeMediaUrls } from "./theme.js";

function setState(state) {
  document.body.dataset.state = state;
}

function start() {
  const store = createStore();
  const pairing = createPairingView(document.getElementById("pairing"));
  const send = (message) => connection.send(message);
  const offline = createOffline({ onChange: () => status.changed(), onError: (text) => status.error(text) });
  const status = createStatus({ send, client: CLIENT_VERSION, offlineCache: () => offline.mode });
  const played = createPlayedLog();
  const playedSender = createPlayedSender({ buffer: played, send });
  const overlay = createIdentifyOverlay(document.body);
  const reload = () => globalThis.location.reload(); // pagehide records the slide on screen
  const updater = createUpdater({ current: CLIENT_VERSION, reload, isCycling: () => player.cycling });
  // What plays under an emergency message, or under a campaign, is not on screen: not proof of play.
  let emergencyOn = false;
  let campaignOn = false;
  const report = (slide) => status.setSlide(slide ? slide.id : null);
  // Every region of the screen's layout runs a player; the lead region's slide is the one reported.
  const player = createLayout(document.getElementById("player"), {
    onState: setState,
    onShow: (slide) => campaignOn || report(slide),
    onPlayed(play) {
      if (!emergencyOn && !campaignOn) played.record(play);
    },
    onError: (text) => status.error(text),
    atBoundary: () => updater.atBoundary(),
  });
  // Full screen above the layout while a campaign runs; the layout plays on underneath.
  const campaigns = createCampaignLayer(document.body, {
    layoutOptions: {
      onShow: (slide) => campaignOn && report(slide),
      onPlayed(play) {
        if (!emergencyOn) played.record(play);
      },
      onError: (text) => status.error(text),
    },
    onCover(on) {
      player.cutShort(); // the layout's play so far was on screen (or, when it ends, was not)
      campaignOn = on;
      report(on ? campaigns.shown : player.shown); // what the status names is what is on screen
    },
  });
  // Above everything, at once; the player plays on underneath, so ending it uncovers the slide on screen.
  const emergency = createEmergencyOverlay(document.body, {
    store,
    onAck: (id) => send({ type: "emergency.ack", id }),
    onCover(on) {
      player.cutShort(); // the play so far ends here: visible before, covered after (or the reverse)
      campaigns.cutShort();
      emergencyOn = on;
      silenceVideos(on); // a video's sound must not talk over the message
    },
  });
  let screen = null;
  let theme = null;

  // Media to keep for offline play beyond the manifest's: the theme's and the campaigns'.
  function cacheMedia() {
    if (!player.manifest) return;
    const extra = themeMediaUrls(theme).concat(campaignMediaUrls(campaigns.campaigns, screenOrientation()));
    offline.useMedia(player.manifest, extra);
  }

  function play(manifest) {
    player.load(manifest);
    cacheMedia();
  }

  function useCampaigns(next) {
    campaigns.load(next);
    cacheMedia();
  }

  // The screen's theme, on the root: slides without their own theme follow it at once.
  function useTheme(next) {
    theme = next || null;
    store.setTheme(theme);
    applyTheme(document.documentElement, theme);
    cacheMedia();
  }

  function waitForServer() {
    player.stop();
    campaigns.stop();
    pairing.showConnecting();
    setState("connecting");
  }

  waitForServer();
  const cached = store.getToken() ? store.getManifest() : null;
  if (cached) {
    useTheme(store.getTheme());
    play(cached);
    const cachedCampaigns = store.getCampaigns();
    if (cachedCampaigns) useCampaigns(cachedCampaigns);
  }
  else store.clearManifest();

  globalThis.addEventListener("pagehide", () => {
    player.cutShort();
    campaigns.cutShort();
    played.flush();
  });
  globalThis.addEventListener("error", (event) => status.error(`script error: ${event.message}`));
  globalThis.addEventListener("unhandledrejection", (event) => status.error(`unhandled: ${event.reason}`));

  const connection = createConnection({
    store,
    handlers: {
      pairingCode({ code }) {
        player.stop();
        pairing.showCode(code);
        setState("pairing");
      },
      paired() {
        // welcome and the manifest follow on this socket
        pairing.showConnecting();
        setState("connecting");
      },
      welcome(info, message) {
        screen = info || null;
        useTheme(message.theme);
        status.connected();
        playedSender.start();
        updater.check(message.client);
      },
      manifest: play,
      campaigns: useCampaigns,
      theme: useTheme,
      command(message) {
        handleCommand(message, { reload, identify: (named) => overlay.show(named || screen) });
      },
      emergency: (message) => emergency.show(message),
      emergencyEnd: (id) => emergency.end(id),
      playedAck(ids) {
        playedSender.acked(ids);
      },
      unpaired() {
        played.clear(); // plays of the old pairing belong to no screen now
        emergency.clear();
        useTheme(null);
        offline.useMedia(null);
        waitForServer();
      },
      disconnected() {
        status.disconnected();
        playedSender.stop();
        // A playing screen plays on; a pairing code dies with its socket.
        if (document.body.dataset.state !== "pairing") return;
        pairing.showConnecting();
        setState("connecting");
      },
    },
  });
  offline.register();
  connection.start();
  globalThis.infoscreenStarted = true; // js/watchdog.js reloads a page that never got here
}

start();
