// Renders a slide of type "table": a heading, a table of plain-text cells
// with optional column headings, and the table's caption under it.

import { appendText, labelled, plain, textElement } from "./dom.js";

// Above these sizes the table is set smaller to fit the screen.
const ROOMY_ROWS = 8;
const ROOMY_COLUMNS = 4;

const LONG_WORD = /\S{20}/;

function rowElement(doc, cells, tag) {
  const tr = doc.createElement("tr");
  for (const cell of cells) {
    const text = plain(cell);
    const el = textElement(doc, tag, LONG_WORD.test(text) ? "table-slide__long-word" : "", text);
    if (tag === "th") el.setAttribute("scope", "col");
    tr.appendChild(el);
  }
  return tr;
}

function section(doc, tag, rows, cellTag) {
  const el = doc.createElement(tag);
  for (const cells of rows) el.appendChild(rowElement(doc, cells, cellTag));
  return el;
}

export function renderTable(slide, doc) {
  const rows = Array.isArray(slide.rows) ? slide.rows.filter(Array.isArray) : [];
  const columns = Array.isArray(slide.columns) ? slide.columns : null;
  const width = Math.max(columns ? columns.length : 0, ...rows.map((row) => row.length));

  const el = labelled(doc.createElement("section"), slide);
  el.className = rows.length > ROOMY_ROWS || width > ROOMY_COLUMNS ? "table-slide table-slide--dense" : "table-slide";
  appendText(el, "h1", "slide-heading", plain(slide.heading));
  const table = doc.createElement("table");
  table.className = "table-slide__table";
  appendText(table, "caption", "table-slide__caption", plain(slide.caption));
  if (columns) table.appendChild(section(doc, "thead", [columns], "th"));
  table.appendChild(section(doc, "tbody", rows, "td"));
  el.appendChild(table);
  return el;
}
