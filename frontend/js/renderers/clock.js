// Renders a slide of type "clock": a clock with the date, or a countdown to a
// time, both from the screen's own clock and ticking each second while shown.

import { appendText, labelled, plain, textElement } from "./dom.js";
import { clockFace, countdownParts } from "./dates.js";
import { tickWhileShown } from "./ticking.js";
import { language, strings } from "../strings.js";

const UNITS = [
  ["days", "day", "days"],
  ["hours", "hour", "hours"],
  ["minutes", "minute", "minutes"],
  ["seconds", "second", "seconds"],
];

function clockView(doc, slide, lang) {
  const view = doc.createElement("div");
  view.className = "clock__face";
  const time = doc.createElement("p");
  time.className = "clock__time";
  const hoursMinutes = textElement(doc, "span", "clock__hm", "");
  const seconds = textElement(doc, "span", "clock__seconds", "");
  time.appendChild(hoursMinutes);
  time.appendChild(seconds);
  const date = textElement(doc, "p", "clock__date", "");
  view.appendChild(time);
  view.appendChild(date);
  const update = (nowMs) => {
    const face = clockFace(new Date(nowMs), lang, plain(slide.time_zone) || undefined);
    hoursMinutes.textContent = face.time;
    seconds.textContent = face.seconds;
    date.textContent = face.date;
  };
  return { view, update };
}

function countdownView(doc, slide) {
  const view = doc.createElement("div");
  view.className = "clock__face";
  const target = Date.parse(plain(slide.target));
  const update = (nowMs) => {
    const parts = countdownParts(target, nowMs);
    view.textContent = "";
    if (!parts) {
      view.appendChild(textElement(doc, "p", "countdown__done", plain(slide.done_text) || strings.countdownDone));
      return;
    }
    const units = doc.createElement("div");
    units.className = "countdown__units";
    for (const [key, one, many] of UNITS) {
      if (key === "days" && parts.days === 0) continue;
      const unit = doc.createElement("div");
      unit.className = "countdown__unit";
      unit.appendChild(textElement(doc, "span", "countdown__value", String(parts[key])));
      unit.appendChild(textElement(doc, "span", "countdown__name", parts[key] === 1 ? strings[one] : strings[many]));
      units.appendChild(unit);
    }
    view.appendChild(units);
  };
  return { view, update };
}

export function renderClock(slide, doc, { timers = globalThis, now = Date.now, lang = language } = {}) {
  const countdown = slide.mode === "countdown" && !Number.isNaN(Date.parse(plain(slide.target)));
  const el = labelled(doc.createElement("section"), slide);
  el.className = countdown ? "clock clock--countdown" : "clock";
  const { view, update } = countdown ? countdownView(doc, slide) : clockView(doc, slide, lang);
  el.appendChild(view);
  appendText(el, "p", "clock__label", plain(slide.label));
  tickWhileShown(el, update, { timers, now });
  return el;
}
