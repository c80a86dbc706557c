import type { Lang } from "./strings.ts";

// Every page shows a date, many pages share one, and `format` is slow: each
// date is formatted once per language.
const formats = new Map<Lang, { format: Intl.DateTimeFormat; shown: Map<string, string> }>();

function formatFor(lang: Lang) {
  let entry = formats.get(lang);
  if (entry === undefined) {
    const format = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : lang, {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    entry = { format, shown: new Map() };
    formats.set(lang, entry);
  }
  return entry;
}

/**
 * The calendar date an ISO 8601 date-time names in its own offset, written by
 * `Intl` in the language given, e.g. "2023-10-11T23:30:00+03:00" → "11 October
 * 2023" in English, "11 октября 2023 г." in Russian. Neither the build
 * machine's time zone nor the clock changes it.
 */
export function formatDisplayDate(isoDateTime: string, lang: Lang = "en"): string {
  const { format, shown } = formatFor(lang);
  const date = isoDateTime.slice(0, 10);
  let text = shown.get(date);
  if (text === undefined) {
    const [year, month, day] = date.split("-").map(Number);
    if (year === undefined || month === undefined || day === undefined) {
      throw new RangeError(`not an ISO 8601 date: ${isoDateTime}`);
    }
    // `Date.UTC` reads years 0–99 as 1900–1999; `setUTCFullYear` takes any year as it is.
    const instant = new Date(0);
    instant.setUTCFullYear(year, month - 1, day);
    // Four digits, as written and as the feed writes it: "11 October 0023", never "23".
    text = format
      .formatToParts(instant)
      .map((part) => (part.type === "year" ? part.value.padStart(4, "0") : part.value))
      .join("");
    shown.set(date, text);
  }
  return text;
}
