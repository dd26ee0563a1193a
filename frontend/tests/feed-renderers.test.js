import { test } from "node:test";
import assert from "node:assert/strict";
import { renderSlide } from "../js/renderers/index.js";
import { renderNews } from "../js/renderers/news.js";
import { renderCalendar, dayText, timeText, EVENTS_PER_PAGE } from "../js/renderers/calendar.js";
import { renderWebPage } from "../js/renderers/web_page.js";
import { strings } from "../js/strings.js";
import { FakeDocument, FakeTimers } from "./fakes.js";

const NASTY = '<img src=x onerror="alert(1)">';

function allElements(el) {
  return [el, ...el.children.flatMap(allElements)];
}

function current(el, selector) {
  return el.querySelectorAll(selector).filter((part) => part.getAttribute("data-state") === "current");
}

function news(fields) {
  return { id: 7, type: "news", title: "News", duration: 12, heading: "Aarhus Kommune", entries: [], media: [], ...fields };
}

const ENTRIES = [
  { title: "Ny legeplads", summary: "Lørdag kl. 11.", image: { url: "/media/feeds/a.jpg", width: 640, height: 360 } },
  { title: "Vejarbejde", summary: "", image: null },
  { title: NASTY, summary: NASTY, image: null },
];

test("news shows its heading and every entry as plain text, first one current", () => {
  const el = renderNews(news({ entries: ENTRIES }), new FakeDocument(), new FakeTimers());
  assert.equal(el.querySelector(".news__heading").textContent, "Aarhus Kommune");
  assert.deepEqual(el.querySelectorAll(".news__title").map((t) => t.textContent), ["Ny legeplads", "Vejarbejde", NASTY]);
  assert.equal(el.querySelectorAll(".news__summary")[1].textContent, NASTY);
  assert.deepEqual(current(el, ".news__entry").map((e) => e.querySelector(".news__title").textContent), ["Ny legeplads"]);
  assert.equal(el.querySelector("img").getAttribute("src"), "/media/feeds/a.jpg");
  assert.equal(el.querySelectorAll("img").length, 1);
  assert.deepEqual(allElements(el).flatMap((e) => e.innerHTMLWrites), []);
});

test("news entries take turns, sharing the slide's duration", () => {
  const doc = new FakeDocument();
  const timers = new FakeTimers();
  const el = renderNews(news({ entries: ENTRIES, duration: 12 }), doc, timers);
  doc.body.appendChild(el);
  const shown = () => current(el, ".news__entry").map((e) => e.querySelector(".news__title").textContent);
  timers.tick(3999);
  assert.deepEqual(shown(), ["Ny legeplads"]);
  timers.tick(1);
  assert.deepEqual(shown(), ["Vejarbejde"]);
  timers.tick(4000);
  assert.deepEqual(shown(), [NASTY]);
  timers.tick(4000);
  assert.deepEqual(shown(), ["Ny legeplads"]); // round again, for a slide that stays up
});

test("the rotation stops once the slide has left the page", () => {
  const doc = new FakeDocument();
  const timers = new FakeTimers();
  const el = renderNews(news({ entries: ENTRIES }), doc, timers);
  timers.tick(4000); // still off-screen while its images load: keeps going
  doc.body.appendChild(el);
  timers.tick(4000);
  el.remove();
  timers.tick(4000);
  assert.equal(timers.pending.size, 0);
});

test("a single entry or none needs no timer; none says so", () => {
  const timers = new FakeTimers();
  renderNews(news({ entries: [ENTRIES[0]] }), new FakeDocument(), timers);
  const empty = renderNews(news({ entries: [null, 5, {}] }), new FakeDocument(), timers);
  assert.equal(timers.pending.size, 0);
  assert.equal(empty.querySelector(".news__empty").textContent, strings.newsEmpty);
});

function calendar(fields) {
  return { id: 8, type: "calendar", title: "Cal", duration: 10, heading: "", span: "today", events: [], media: [], ...fields };
}

const MEETING = { start: "2026-03-30T10:00:00+02:00", end: "2026-03-30T11:30:00+02:00", all_day: false, title: "Byrådsmøde", location: "Byrådssalen" };

test("calendar times are read as the server sent them, not converted", () => {
  assert.equal(timeText(MEETING), "10:00–11:30");
  assert.equal(timeText({ ...MEETING, end: MEETING.start }), "10:00");
  assert.equal(timeText({ ...MEETING, all_day: true }), strings.allDay);
  // The date as written, whatever the clock's zone: late on Sunday is still Sunday.
  assert.match(dayText("2026-03-30T10:00:00+02:00", "en-GB"), /^Monday.*30/);
  assert.match(dayText("2026-03-29T23:30:00+02:00", "da"), /^søndag.*29/);
});

test("today's calendar lists time, title and location as plain text", () => {
  const el = renderCalendar(calendar({ events: [MEETING, { ...MEETING, title: NASTY, location: "" }] }), new FakeDocument(), new FakeTimers());
  assert.equal(el.querySelector(".calendar__heading").textContent, strings.calendarToday);
  const rows = el.querySelectorAll(".calendar__event");
  assert.equal(rows[0].querySelector(".calendar__time").textContent, "10:00–11:30");
  assert.equal(rows[0].querySelector(".calendar__title").textContent, "Byrådsmøde");
  assert.equal(rows[0].querySelector(".calendar__location").textContent, "Byrådssalen");
  assert.equal(rows[1].querySelector(".calendar__title").textContent, NASTY);
  assert.equal(rows[1].querySelector(".calendar__location"), null);
  assert.equal(el.querySelector(".calendar__day"), null); // today needs no day
  assert.deepEqual(allElements(el).flatMap((e) => e.innerHTMLWrites), []);
});

test("this week's calendar names the day and pages through many events", () => {
  const doc = new FakeDocument();
  const timers = new FakeTimers();
  const events = Array.from({ length: EVENTS_PER_PAGE + 2 }, (_, i) => ({ ...MEETING, title: `Event ${i}` }));
  const el = renderCalendar(calendar({ span: "week", heading: "Ugen", events, duration: 10 }), doc, timers);
  doc.body.appendChild(el);
  assert.equal(el.querySelector(".calendar__heading").textContent, "Ugen");
  assert.ok(el.querySelector(".calendar__day").textContent.length > 0);
  const pages = el.querySelectorAll(".calendar__page");
  assert.deepEqual(pages.map((p) => p.children.length), [EVENTS_PER_PAGE, 2]);
  assert.deepEqual(current(el, ".calendar__page"), [pages[0]]);
  timers.tick(5000);
  assert.deepEqual(current(el, ".calendar__page"), [pages[1]]);
});

test("an empty calendar says there is nothing today or this week", () => {
  const doc = new FakeDocument();
  assert.equal(renderCalendar(calendar({}), doc).querySelector(".calendar__empty").textContent, strings.calendarEmptyToday);
  assert.equal(renderCalendar(calendar({ span: "week" }), doc).querySelector(".calendar__empty").textContent, strings.calendarEmptyWeek);
});

test("a web page is framed in a sandbox that cannot navigate the screen", () => {
  const el = renderWebPage({ id: 9, type: "web_page", title: "Drift", url: "https://www.kommune.dk/drift" }, new FakeDocument(), "https://screens.kommune.dk");
  const frame = el.querySelector("iframe");
  assert.equal(frame.getAttribute("src"), "https://www.kommune.dk/drift");
  assert.equal(frame.getAttribute("sandbox"), "allow-scripts allow-same-origin");
  assert.equal(frame.getAttribute("referrerpolicy"), "no-referrer");
});

test("a page from the screen's own origin gets no same-origin rights", () => {
  const el = renderWebPage({ url: "https://screens.kommune.dk/static/page.html" }, new FakeDocument(), "https://screens.kommune.dk");
  assert.equal(el.querySelector("iframe").getAttribute("sandbox"), "allow-scripts");
});

test("only http and https pages are framed", () => {
  for (const url of ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "", undefined]) {
    const el = renderSlide({ id: 9, type: "web_page", title: "Bad", url }, new FakeDocument());
    assert.equal(el.querySelector("iframe"), null, String(url));
  }
});
