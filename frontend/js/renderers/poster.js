// Renders a slide of type "poster": an event's image beside (or above, on a
// portrait screen) its title, date and time, place, text and call to action.

import { appendText, pictureAndBody, plain } from "./dom.js";
import { eventTimes } from "./dates.js";
import { language } from "../strings.js";

export function renderPoster(slide, doc, { lang = language } = {}) {
  const { el, body } = pictureAndBody(doc, slide, "poster", slide.image);
  appendText(body, "h1", "slide-heading poster__title", plain(slide.heading));
  const when = eventTimes(slide.starts_at, slide.ends_at, lang);
  if (when) {
    const line = doc.createElement("p");
    line.className = "poster__when";
    appendText(line, "span", "poster__date", when.date);
    appendText(line, "span", "poster__time", when.time);
    body.appendChild(line);
  }
  appendText(body, "p", "poster__place", plain(slide.place));
  appendText(body, "p", "poster__text", plain(slide.text));
  appendText(body, "p", "poster__cta", plain(slide.call_to_action));
  return el;
}
