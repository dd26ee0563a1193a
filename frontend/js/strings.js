// Every string the screen shows, per language. The language comes from `?lang=` on the
// screen's URL, else the kiosk browser's own languages, else English.

export const catalogues = {
  en: {
    pairingInstruction: "Enter this code in the admin to pair this screen.",
    connecting: "Connecting…",
    idle: "Nothing to show right now.",
    newsEmpty: "No news right now.",
    calendarToday: "Today",
    calendarWeek: "This week",
    calendarEmptyToday: "No events today.",
    calendarEmptyWeek: "No events this week.",
    allDay: "All day",
  },
  da: {
    pairingInstruction: "Indtast koden i administrationen for at parre skærmen.",
    connecting: "Forbinder…",
    idle: "Intet at vise lige nu.",
    newsEmpty: "Ingen nyheder lige nu.",
    calendarToday: "I dag",
    calendarWeek: "Denne uge",
    calendarEmptyToday: "Ingen begivenheder i dag.",
    calendarEmptyWeek: "Ingen begivenheder i denne uge.",
    allDay: "Hele dagen",
  },
};

export function pickLanguage(candidates) {
  for (const candidate of candidates) {
    const base = String(candidate || "").toLowerCase().split("-")[0];
    if (catalogues[base]) return base;
  }
  return "en";
}

function browserCandidates() {
  if (typeof location === "undefined" || typeof navigator === "undefined") return [];
  return [new URLSearchParams(location.search).get("lang")].concat(navigator.languages || [navigator.language]);
}

export const language = pickLanguage(browserCandidates());
export const strings = catalogues[language];
