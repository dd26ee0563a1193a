import { test } from "node:test";
import assert from "node:assert/strict";
import { renderSlide } from "../js/renderers/index.js";
import { initials } from "../js/renderers/contacts.js";
import { strings } from "../js/strings.js";
import { FakeDocument } from "./fakes.js";

const PHOTO = { url: "/media/images/anna.fill-400x400.jpg", width: 400, height: 400, alt: "Anna" };

function contacts(people, heading = "Ask us") {
  return { id: 1, type: "contacts", title: "Contacts", duration: 10, heading, people, media: [] };
}

test("each person shows photo, name, job title, phone and e-mail", () => {
  const el = renderSlide(contacts([
    { name: "Anna Jensen", title: "Librarian", phone: "+45 33 66 33 66", email: "anna@example.dk", photo: PHOTO },
  ]), new FakeDocument());
  assert.equal(el.querySelector(".slide-heading").textContent, "Ask us");
  const person = el.querySelector(".contact");
  assert.equal(person.querySelector(".contact__photo").getAttribute("src"), PHOTO.url);
  assert.equal(person.querySelector(".contact__name").textContent, "Anna Jensen");
  assert.equal(person.querySelector(".contact__title").textContent, "Librarian");
  assert.equal(person.querySelector(".contact__phone").textContent, `${strings.phone}+45 33 66 33 66`);
  assert.equal(person.querySelector(".contact__email").textContent, `${strings.email}anna@example.dk`);
  assert.equal(el.className, "contacts contacts--few");
});

test("a person without photo shows initials, and empty fields are left out", () => {
  const el = renderSlide(contacts([{ name: "Ole", title: "", phone: "", email: "", photo: null }], ""), new FakeDocument());
  assert.equal(el.querySelector("img"), null);
  assert.equal(el.querySelector(".contact__photo--initials").textContent, "O");
  assert.equal(el.querySelector(".slide-heading"), null);
  for (const part of [".contact__title", ".contact__phone", ".contact__email"]) assert.equal(el.querySelector(part), null);
});

test("initials take the first and last name", () => {
  assert.equal(initials("anna marie jensen"), "AJ");
  assert.equal(initials("  Øjvind  "), "Ø");
  assert.equal(initials(""), "");
  assert.equal(initials(undefined), "");
});

test("many people get the compact layout; malformed entries are skipped", () => {
  const people = Array.from({ length: 6 }, (_, i) => ({ name: `P${i}` }));
  const el = renderSlide(contacts([...people, null, "x"]), new FakeDocument());
  assert.equal(el.querySelectorAll(".contact").length, 6);
  assert.equal(el.className, "contacts contacts--many");
  assert.equal(renderSlide(contacts(undefined), new FakeDocument()).querySelectorAll(".contact").length, 0);
});
