// Renders a slide of type "contacts": a heading and a grid of people, each
// with a square photo (or their initials), name, job title, phone and e-mail.

import { appendText, imageElement, isImage, labelled, plain, textElement } from "./dom.js";
import { strings } from "../strings.js";

// "Anna Marie Jensen" → "AJ".
export function initials(name) {
  const words = plain(name).trim().split(/\s+/).filter(Boolean);
  const letters = [words[0], words.length > 1 ? words[words.length - 1] : ""].map((word) => Array.from(word || "")[0] || "");
  return letters.join("").toUpperCase();
}

function labelledLine(doc, className, label, value) {
  const line = doc.createElement("p");
  line.className = className;
  line.appendChild(textElement(doc, "span", "contact__label", label));
  line.appendChild(textElement(doc, "span", "contact__value", value));
  return line;
}

function personElement(doc, person) {
  const el = doc.createElement("li");
  el.className = "contact";
  el.appendChild(isImage(person.photo)
    ? imageElement(doc, person.photo, "contact__photo")
    : textElement(doc, "div", "contact__photo contact__photo--initials", initials(person.name)));
  appendText(el, "p", "contact__name", plain(person.name));
  appendText(el, "p", "contact__title", plain(person.title));
  if (plain(person.phone)) el.appendChild(labelledLine(doc, "contact__phone", strings.phone, person.phone));
  if (plain(person.email)) el.appendChild(labelledLine(doc, "contact__email", strings.email, person.email));
  return el;
}

export function renderContacts(slide, doc) {
  const people = Array.isArray(slide.people) ? slide.people.filter((person) => person && typeof person === "object") : [];
  const el = labelled(doc.createElement("section"), slide);
  el.className = `contacts contacts--${people.length > 4 ? "many" : "few"}`;
  appendText(el, "h1", "slide-heading", plain(slide.heading));
  const list = doc.createElement("ul");
  list.className = "contacts__people";
  for (const person of people) list.appendChild(personElement(doc, person));
  el.appendChild(list);
  return el;
}
