// Themes (docs/protocol.md, "Themes"): colours, font and logo as CSS custom
// properties. The screen's theme goes on the page's root element; a slide's
// own theme on that slide's element, where it overrides the screen's.

const HEX = /^#[0-9a-fA-F]{6}$/;
export const THEME_PROPERTIES = [
  "--theme-background",
  "--theme-background-rgb",
  "--theme-text",
  "--theme-accent",
  "--theme-font",
  "--theme-logo",
];

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// A string as a CSS url(): quotes, backslashes and line breaks escaped, so a URL cannot end the value.
export function cssUrl(url) {
  return `url("${String(url).replace(/["\\\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}")`;
}

function logoUrl(theme) {
  const logo = theme.logo;
  return isObject(logo) && typeof logo.url === "string" && logo.url ? logo.url : null;
}

// The custom properties a theme sets; malformed values are left out, so the CSS defaults apply.
export function themeProperties(theme) {
  if (!isObject(theme)) return {};
  const properties = {};
  if (HEX.test(theme.background)) {
    properties["--theme-background"] = theme.background;
    const rgb = [1, 3, 5].map((i) => parseInt(theme.background.slice(i, i + 2), 16));
    properties["--theme-background-rgb"] = rgb.join(", ");
  }
  if (HEX.test(theme.text)) properties["--theme-text"] = theme.text;
  if (HEX.test(theme.accent)) properties["--theme-accent"] = theme.accent;
  if (typeof theme.font === "string" && theme.font) properties["--theme-font"] = theme.font;
  const logo = logoUrl(theme);
  properties["--theme-logo"] = logo ? cssUrl(logo) : "none";
  return properties;
}

// Replaces whatever theme the element had with this one (null: none of its own).
export function applyTheme(el, theme) {
  const properties = themeProperties(theme);
  for (const name of THEME_PROPERTIES) {
    if (name in properties) el.style.setProperty(name, properties[name]);
    else el.style.removeProperty(name);
  }
}

// The files a theme needs kept for offline play.
export function themeMediaUrls(theme) {
  const logo = isObject(theme) ? logoUrl(theme) : null;
  return logo ? [logo] : [];
}
