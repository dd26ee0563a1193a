// Every string the screen shows, per language. The language comes from `?lang=` on the
// screen's URL, else the kiosk browser's own languages, else English.

export const catalogues = {
  en: {
    pairingInstruction: "Enter this code in the admin to pair this screen.",
    connecting: "Connecting…",
    idle: "Nothing to show right now.",
    emergency: "Important message",
    phone: "Tel.",
    email: "E-mail",
    rating: "{rating} of 5 stars",
    day: "day",
    days: "days",
    hour: "hour",
    hours: "hours",
    minute: "minute",
    minutes: "minutes",
    second: "second",
    seconds: "seconds",
    countdownDone: "Now!",
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
    emergency: "Vigtig meddelelse",
    phone: "Tlf.",
    email: "E-mail",
    rating: "{rating} ud af 5 stjerner",
    day: "dag",
    days: "dage",
    hour: "time",
    hours: "timer",
    minute: "minut",
    minutes: "minutter",
    second: "sekund",
    seconds: "sekunder",
    countdownDone: "Nu!",
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
