import { test } from "node:test";
import assert from "node:assert/strict";
import { campaignAt, campaignManifest, campaignMediaUrls, createCampaignLayer, isCampaigns } from "../js/campaigns.js";
import { createLayout } from "../js/layout.js";
import { createStore, CAMPAIGNS_KEY } from "../js/store.js";
import { FakeDocument, FakeStorage, FakeTimers, flush, quietLog } from "./fakes.js";
import { playlist, slidesManifest } from "./manifests.js";
import { setup } from "./connection-harness.js";

const MINUTE = 60 * 1000;
const NINE = Date.parse("2026-11-23T09:00:00+01:00");
const at = (minutes) => new Date(NINE + minutes * MINUTE).toISOString();

function slide(id, extra = {}) {
  return { id, type: "image_text", title: `Slide ${id}`, duration: 5, heading: `Heading ${id}`, text_html: "", image: null, ...extra };
}

// Campaign 1 (playlist 40) 09:10–09:20, then campaign 2 (playlist 41) queued behind it until 09:30.
function queued() {
  return {
    version: "c1",
    track: [
      { from: at(10), until: at(20), campaign: 1, playlists: [40] },
      { from: at(20), until: at(30), campaign: 2, playlists: [41] },
    ],
    playlists: {
      40: playlist(40, [slide(400, { media: [{ url: "/media/a.jpg", kind: "image" }] })]),
      41: playlist(41, [slide(410, { media: [{ url: "/media/b.jpg", kind: "image", orientation: "portrait" }] })]),
    },
  };
}

test("the campaign of an instant, and the full-screen manifest it plays", () => {
  const campaigns = queued();
  assert.equal(campaignAt(campaigns, NINE + 9 * MINUTE), null);
  assert.equal(campaignAt(campaigns, NINE + 10 * MINUTE).campaign, 1);
  assert.equal(campaignAt(campaigns, NINE + 20 * MINUTE).campaign, 2);
  assert.equal(campaignAt(campaigns, NINE + 30 * MINUTE), null);
  const manifest = campaignManifest(campaigns, campaignAt(campaigns, NINE + 15 * MINUTE));
  assert.deepEqual(manifest.layout.regions, [{ name: "main", playlists: [40] }]);
  assert.deepEqual(manifest.playlists["40"].slides.map((s) => s.id), [400]);
  assert.deepEqual(campaignMediaUrls(campaigns, "landscape"), ["/media/a.jpg"]);
  assert.deepEqual(campaignMediaUrls(campaigns, "portrait"), ["/media/a.jpg", "/media/b.jpg"]);
  for (const bad of [null, {}, { version: "x", track: {}, playlists: {} }, { version: 1, track: [], playlists: {} }]) {
    assert.equal(isCampaigns(bad), false);
    assert.equal(campaignAt(bad, NINE), null);
  }
});

function screen(startMinutes) {
  const doc = new FakeDocument();
  const body = doc.createElement("body");
  const timers = new FakeTimers();
  const now = () => NINE + startMinutes * MINUTE + timers.now;
  const playerOptions = { timers, now, ready: () => null, fadeMs: 0, log: quietLog };
  const own = createLayout(body.appendChild(doc.createElement("main")), { doc, env: {}, playerOptions });
  own.load(slidesManifest("own", [slide(1, { duration: 3600 })]));
  const covers = [];
  const plays = [];
  const layer = createCampaignLayer(body, {
    doc,
    layoutOptions: { env: {}, playerOptions, onPlayed: (p) => plays.push(p.slide) },
    onCover: (on) => covers.push(on),
  });
  const ownSlide = () => body.querySelectorAll(".slide").find((el) => el.getAttribute("data-slide-id") === "1");
  const campaignShown = () => {
    const el = body.querySelectorAll(".campaign")[0];
    if (!el) return null;
    const slides = el.querySelectorAll(".slide").filter((s) => s.getAttribute("data-state") === "current");
    return [el.getAttribute("data-state"), el.getAttribute("data-campaign-id"), slides.map((s) => s.getAttribute("data-slide-id")).join(",")];
  };
  async function advance(ms) {
    timers.tick(ms);
    await flush();
    await flush();
  }
  return { body, timers, own, layer, covers, plays, ownSlide, campaignShown, advance };
}

test("campaigns take over on time by the screen's clock, queue, and hand back without a blank frame", async () => {
  const { own: layout, layer, covers, ownSlide, campaignShown, advance } = screen(9);
  await flush();
  const own = ownSlide();
  assert.equal(layout.shown.id, 1, "the layout names the slide on screen, for the status report");
  assert.equal(layer.shown, null);
  assert.ok(own, "the screen's own slide plays");
  assert.equal(layer.load(queued()), true);
  await flush();
  assert.equal(campaignShown(), null, "nothing before 09:10");

  await advance(MINUTE - 1);
  assert.equal(campaignShown(), null, "not a millisecond early");
  await advance(1);
  assert.deepEqual(campaignShown(), ["current", "1", "400"], "09:10: the first campaign covers the screen");
  assert.deepEqual(covers, [true]);
  assert.equal(layer.shown.id, 400);
  assert.equal(ownSlide(), own, "the screen's own layout plays on underneath");

  await advance(10 * MINUTE);
  assert.deepEqual(campaignShown(), ["current", "2", "410"], "09:20: the queued campaign follows");
  assert.deepEqual(covers, [true], "covered throughout the queue");

  await advance(10 * MINUTE);
  assert.equal(campaignShown(), null, "09:30: over");
  assert.equal(layer.shown, null);
  assert.deepEqual(covers, [true, false]);
  assert.equal(ownSlide(), own, "uncovered, the slide that was playing underneath is on screen at once");
});

test("a screen that boots during a campaign shows it at once; new campaigns replace the old ones", async () => {
  const { layer, covers, campaignShown, advance } = screen(15);
  layer.load(queued());
  await flush();
  assert.deepEqual(campaignShown(), ["current", "1", "400"]);
  layer.load({ version: "c2", track: [], playlists: {} }); // the campaign was deleted
  await advance(0);
  assert.equal(campaignShown(), null);
  assert.deepEqual(covers, [true, false]);
  assert.equal(layer.load({ version: 3 }), false, "a malformed document changes nothing");
});

test("campaigns are stored for an offline boot, and the connection hands them over", () => {
  const storage = new FakeStorage();
  const store = createStore(storage, quietLog);
  store.setCampaigns(queued());
  assert.deepEqual(createStore(storage, quietLog).getCampaigns(), queued());
  for (const raw of ["{oops", "{}", '{"version": 1}']) {
    assert.equal(createStore(new FakeStorage({ [CAMPAIGNS_KEY]: raw }), quietLog).getCampaigns(), null, raw);
  }

  const paired = new FakeStorage({ "infoscreen.token": "tok" });
  const { conn, latest, events } = setup({ storage: paired });
  conn.start();
  latest().open();
  latest().receive({ type: "campaigns", campaigns: queued() });
  latest().receive({ type: "campaigns", campaigns: { version: "x" } }); // malformed: not handed over
  assert.deepEqual(events.filter(([name]) => name === "campaigns"), [["campaigns", queued()]]);
  assert.deepEqual(createStore(paired, quietLog).getCampaigns(), queued(), "kept for an offline boot");
  latest().receive({ type: "unpaired" });
  assert.equal(createStore(paired, quietLog).getCampaigns(), null, "an unpaired screen forgets its campaigns");
});
