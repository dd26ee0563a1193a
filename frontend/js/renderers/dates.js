// Pure date and time formatting for the slides that show them, in the
// screen's language (strings.js picks it).

const LOCALES = { da: "da-DK", en: "en-GB" };

function locale(language) {
  return LOCALES[language] || LOCALES.en;
}

// An ISO 8601 time as the server sent it ("2026-12-05T14:00:00+01:00"), read
// as the wall-clock time it names, so an event shows its local time whatever
// zone the screen is set to. Returned as a UTC Date; null if malformed.
export function wallTime(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(typeof iso === "string" ? iso : "");
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number);
  return new Date(Date.UTC(year, month - 1, day, hour, minute));
}

function format(date, language, options) {
  return new Intl.DateTimeFormat(locale(language), Object.assign({ timeZone: "UTC" }, options)).format(date);
}

const DAY = { weekday: "long", day: "numeric", month: "long" };
const HOUR_MINUTE = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };

// An event's date and time lines: {date: "lørdag 5. december", time: "14.00–18.00"}.
// An end on another day joins the two dates; a malformed start gives null.
export function eventTimes(startsIso, endsIso, language) {
  const starts = wallTime(startsIso);
  if (!starts) return null;
  const ends = wallTime(endsIso);
  const startDay = format(starts, language, DAY);
  if (!ends) return { date: startDay, time: format(starts, language, HOUR_MINUTE) };
  const endDay = format(ends, language, DAY);
  return {
    date: endDay === startDay ? startDay : `${startDay} – ${endDay}`,
    time: `${format(starts, language, HOUR_MINUTE)}–${format(ends, language, HOUR_MINUTE)}`,
  };
}

// A formatter for the given zone, or for the screen's own zone if the browser does not know it.
function zoned(language, timeZone, options) {
  try {
    return new Intl.DateTimeFormat(locale(language), Object.assign({ timeZone }, options));
  } catch {
    return new Intl.DateTimeFormat(locale(language), options);
  }
}

// What a clock shows at `date` in `timeZone`: {time: "14.05", seconds: "09", date: "mandag den 23. november 2026"}.
export function clockFace(date, language, timeZone) {
  return {
    time: zoned(language, timeZone, HOUR_MINUTE).format(date),
    seconds: String(date.getUTCSeconds()).padStart(2, "0"),
    date: zoned(language, timeZone, Object.assign({ year: "numeric" }, DAY)).format(date),
  };
}

// The time left until `targetMs`, in whole units, counting each started second:
// {days, hours, minutes, seconds}, or null once the target is reached.
export function countdownParts(targetMs, nowMs) {
  const left = Math.ceil((targetMs - nowMs) / 1000);
  if (!(left > 0)) return null;
  return {
    days: Math.floor(left / 86400),
    hours: Math.floor(left / 3600) % 24,
    minutes: Math.floor(left / 60) % 60,
    seconds: left % 60,
  };
}
