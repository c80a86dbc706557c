const displayFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

// Every page shows a date, many pages share one, and `format` is slow: each date is formatted once.
const shownDates = new Map<string, string>();

/**
 * The calendar date an ISO 8601 date-time names in its own offset, e.g.
 * "2023-10-11T23:30:00+03:00" → "11 October 2023". Neither the build
 * machine's time zone nor the clock changes it.
 */
export function formatDisplayDate(isoDateTime: string): string {
  const date = isoDateTime.slice(0, 10);
  let shown = shownDates.get(date);
  if (shown === undefined) {
    const [year, month, day] = date.split("-").map(Number);
    if (year === undefined || month === undefined || day === undefined) {
      throw new RangeError(`not an ISO 8601 date: ${isoDateTime}`);
    }
    // `Date.UTC` reads years 0–99 as 1900–1999; `setUTCFullYear` takes any year as it is.
    const instant = new Date(0);
    instant.setUTCFullYear(year, month - 1, day);
    // Four digits, as written and as the feed writes it: "11 October 0023", never "23".
    shown = displayFormat
      .formatToParts(instant)
      .map((part) => (part.type === "year" ? part.value.padStart(4, "0") : part.value))
      .join("");
    shownDates.set(date, shown);
  }
  return shown;
}
