// Small DOM helpers shared by the renderers.

// An element holding plain text: always textContent, never innerHTML.
export function textElement(doc, tag, className, text) {
  const el = doc.createElement(tag);
  el.className = className;
  el.textContent = text;
  return el;
}
