import { test } from "node:test";
import assert from "node:assert/strict";
import { renderClock } from "../js/renderers/clock.js";
import { NEVER_SHOWN_TICKS } from "../js/renderers/ticking.js";
import { strings } from "../js/strings.js";
import { FakeDocument, FakeTimers } from "./fakes.js";

// 2026-11-23 13:05:09.250 UTC, a Monday: 14:05 in Copenhagen.
const START = Date.UTC(2026, 10, 23, 13, 5, 9, 250);

function setup() {
  const timers = new FakeTimers();
  const doc = new FakeDocument();
  return { timers, doc, now: () => START + timers.now };
}

function clock(fields) {
  return { id: 6, type: "clock", title: "Clock", duration: 30, mode: "clock", target: null, label: "", done_text: "", time_zone: "Europe/Copenhagen", ...fields };
}

test("the clock shows local time and date in the screen's language", () => {
  const { timers, doc, now } = setup();
  const el = renderClock(clock({ label: "Town hall" }), doc, { timers, now, lang: "en" });
  assert.equal(el.querySelector(".clock__hm").textContent, "14:05");
  assert.equal(el.querySelector(".clock__seconds").textContent, "09");
  assert.match(el.querySelector(".clock__date").textContent, /^Monday,? 23 November 2026$/);
  assert.equal(el.querySelector(".clock__label").textContent, "Town hall");

  const da = renderClock(clock({}), doc, { timers, now, lang: "da" });
  assert.equal(da.querySelector(".clock__hm").textContent, "14.05");
  assert.match(da.querySelector(".clock__date").textContent, /^mandag (den )?23\. november 2026$/);
});

test("the clock ticks on each whole second while it is on the page", () => {
  const { timers, doc, now } = setup();
  const el = renderClock(clock({}), doc, { timers, now, lang: "en" });
  doc.body.appendChild(el);
  assert.equal(timers.lastDelay(), 750); // to the next whole second
  timers.tick(750);
  assert.equal(el.querySelector(".clock__seconds").textContent, "10");
  timers.tick(50 * 1000);
  assert.equal(el.querySelector(".clock__hm").textContent, "14:06");
  assert.equal(el.querySelector(".clock__seconds").textContent, "00");
});

test("the ticking stops by itself once the slide has left the page", () => {
  const { timers, doc, now } = setup();
  const el = renderClock(clock({}), doc, { timers, now, lang: "en" });
  timers.tick(2000); // built off-screen while the player waits for images: keeps ticking
  assert.equal(timers.pending.size, 1);
  doc.body.appendChild(el);
  timers.tick(5000);
  assert.equal(timers.pending.size, 1);
  el.remove();
  timers.tick(1000);
  assert.equal(timers.pending.size, 0);
  const seconds = el.querySelector(".clock__seconds").textContent;
  timers.tick(10000);
  assert.equal(el.querySelector(".clock__seconds").textContent, seconds);
});

test("a view the player never showed stops ticking too", () => {
  const { timers, doc, now } = setup();
  renderClock(clock({}), doc, { timers, now, lang: "en" });
  timers.tick(NEVER_SHOWN_TICKS * 1000);
  assert.equal(timers.pending.size, 1);
  timers.tick(2000);
  assert.equal(timers.pending.size, 0);
});

test("an unknown time zone falls back to the screen's own", () => {
  const { timers, doc, now } = setup();
  const el = renderClock(clock({ time_zone: "Mars/Olympus" }), doc, { timers, now, lang: "en" });
  assert.match(el.querySelector(".clock__hm").textContent, /^\d\d:05$/);
});

function countdown(fields) {
  return clock({ mode: "countdown", target: "2026-11-27T16:00:00+01:00", label: "to the Christmas market", ...fields });
}

function units(el) {
  return el.querySelectorAll(".countdown__unit").map((unit) => unit.textContent);
}

test("a countdown shows days, hours, minutes and seconds to its target, and its label", () => {
  const { timers, doc, now } = setup();
  const el = renderClock(countdown({}), doc, { timers, now });
  doc.body.appendChild(el);
  assert.equal(el.className, "clock clock--countdown");
  // From Monday 14:05:09.25 to Friday 16:00: 4 days 1 hour 54 minutes 51 seconds (the started second counts).
  assert.deepEqual(units(el), [`4${strings.days}`, `1${strings.hour}`, `54${strings.minutes}`, `51${strings.seconds}`]);
  assert.equal(el.querySelector(".clock__label").textContent, "to the Christmas market");
  timers.tick(750);
  assert.deepEqual(units(el).at(-1), `50${strings.seconds}`);
});

test("the last day drops the days, and the end shows the done text", () => {
  const { timers, doc, now } = setup();
  const target = new Date(START + 90 * 1000).toISOString();
  const el = renderClock(countdown({ target, done_text: "The market is open!" }), doc, { timers, now });
  doc.body.appendChild(el);
  assert.deepEqual(units(el), [`0${strings.hours}`, `1${strings.minute}`, `30${strings.seconds}`]);
  timers.tick(91 * 1000); // past the tick at the target
  assert.equal(el.querySelector(".countdown__units"), null);
  assert.equal(el.querySelector(".countdown__done").textContent, "The market is open!");
});

test("a countdown already over shows the default done text", () => {
  const { timers, doc, now } = setup();
  const el = renderClock(countdown({ target: "2020-01-01T00:00:00+01:00" }), doc, { timers, now });
  assert.equal(el.querySelector(".countdown__done").textContent, strings.countdownDone);
});

test("a countdown without a usable target shows the clock instead", () => {
  const { timers, doc, now } = setup();
  const el = renderClock(countdown({ target: null }), doc, { timers, now, lang: "en" });
  assert.equal(el.className, "clock");
  assert.equal(el.querySelector(".clock__hm").textContent, "14:05");
});
