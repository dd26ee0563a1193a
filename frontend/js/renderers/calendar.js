// Renders a slide of type "calendar": today's or this week's events (day,
// time, title, location), a page at a time when they do not fit on one.
// Times come from the server already in the installation's time zone, so
// they are read from the text, not converted by the screen's own clock.

import { textElement } from "./dom.js";
import { rotate } from "./rotation.js";
import { slideDurationMs } from "../manifest.js";
import { language, strings } from "../strings.js";

export const EVENTS_PER_PAGE = 6;
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/;

function isEvent(event) {
  return event !== null && typeof event === "object" && typeof event.start === "string" && ISO.test(event.start);
}

export function timeText(event) {
  if (event.all_day) return strings.allDay;
  const start = ISO.exec(event.start)[4];
  const end = ISO.exec(String(event.end));
  return end && end[4] !== start ? `${start}–${end[4]}` : start;
}

export function dayText(iso, lang = language) {
  const [, year, month, day] = ISO.exec(iso);
  const date = Date.UTC(Number(year), Number(month) - 1, Number(day));
  return new Intl.DateTimeFormat(lang, { weekday: "long", day: "numeric", month: "numeric", timeZone: "UTC" }).format(date);
}

function eventElement(doc, event, withDay) {
  const el = doc.createElement("li");
  el.className = "calendar__event";
  const when = doc.createElement("div");
  when.className = "calendar__when";
  if (withDay) when.appendChild(textElement(doc, "span", "calendar__day", dayText(event.start)));
  when.appendChild(textElement(doc, "span", "calendar__time", timeText(event)));
  el.appendChild(when);
  const what = doc.createElement("div");
  what.className = "calendar__what";
  what.appendChild(textElement(doc, "span", "calendar__title", typeof event.title === "string" ? event.title : ""));
  if (typeof event.location === "string" && event.location) what.appendChild(textElement(doc, "span", "calendar__location", event.location));
  el.appendChild(what);
  return el;
}

export function renderCalendar(slide, doc, timers = globalThis) {
  const week = slide.span === "week";
  const events = Array.isArray(slide.events) ? slide.events.filter(isEvent) : [];
  const el = doc.createElement("section");
  el.className = "calendar";
  const heading = typeof slide.heading === "string" && slide.heading ? slide.heading : week ? strings.calendarWeek : strings.calendarToday;
  el.appendChild(textElement(doc, "h1", "calendar__heading", heading));
  if (events.length === 0) {
    el.appendChild(textElement(doc, "p", "calendar__empty", week ? strings.calendarEmptyWeek : strings.calendarEmptyToday));
    return el;
  }
  const pages = [];
  for (let first = 0; first < events.length; first += EVENTS_PER_PAGE) {
    const page = el.appendChild(doc.createElement("ul"));
    page.className = "calendar__page";
    for (const event of events.slice(first, first + EVENTS_PER_PAGE)) page.appendChild(eventElement(doc, event, week));
    pages.push(page);
  }
  rotate(pages, slideDurationMs(slide) / pages.length, timers);
  return el;
}
