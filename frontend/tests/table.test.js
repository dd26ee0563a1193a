import { test } from "node:test";
import assert from "node:assert/strict";
import { renderSlide } from "../js/renderers/index.js";
import { FakeDocument } from "./fakes.js";

function table(fields) {
  return { id: 2, type: "table", title: "Hours", duration: 10, heading: "Opening hours", columns: ["Day", "Open"], rows: [["Monday", "8–16"], ["Friday", "8–14"]], caption: "", ...fields };
}

const texts = (els) => els.map((el) => el.textContent);

test("a table shows its heading, column headings, cells and caption", () => {
  const el = renderSlide(table({ caption: "Closed on holidays" }), new FakeDocument());
  assert.equal(el.querySelector(".slide-heading").textContent, "Opening hours");
  const head = el.querySelector("thead");
  assert.deepEqual(texts(head.querySelectorAll("th")), ["Day", "Open"]);
  assert.equal(head.querySelector("th").getAttribute("scope"), "col");
  const rows = el.querySelector("tbody").querySelectorAll("tr");
  assert.deepEqual(rows.map((row) => texts(row.querySelectorAll("td"))), [["Monday", "8–16"], ["Friday", "8–14"]]);
  assert.equal(el.querySelector(".table-slide__caption").textContent, "Closed on holidays");
  assert.equal(el.className, "table-slide");
});

test("without column headings there is no header row", () => {
  const el = renderSlide(table({ columns: null, heading: "" }), new FakeDocument());
  assert.equal(el.querySelector("thead"), null);
  assert.equal(el.querySelector(".slide-heading"), null);
  assert.equal(el.querySelectorAll("td").length, 4);
});

test("a big table is set dense, and non-text cells show empty", () => {
  const rows = Array.from({ length: 12 }, () => ["a", null, 3]);
  const el = renderSlide(table({ rows: [...rows, "not a row"] }), new FakeDocument());
  assert.equal(el.className, "table-slide table-slide--dense");
  assert.equal(el.querySelector("tbody").querySelectorAll("tr").length, 12);
  assert.deepEqual(texts(el.querySelector("tbody").querySelector("tr").querySelectorAll("td")), ["a", "", ""]);
});

test("only a cell with a very long word may break it anywhere", () => {
  const el = renderSlide(table({ rows: [["Monday–Thursday", "https://example.org/a-very-long-address"]] }), new FakeDocument());
  assert.deepEqual(el.querySelector("tbody").querySelectorAll("td").map((td) => td.className), ["", "table-slide__long-word"]);
});
