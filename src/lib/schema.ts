import { z } from "zod";

/**
 * A short, single-line piece of text such as a headline or a credit. The
 * characters a line may hold are checked on every string as the front matter
 * is read (see `fieldTextProblem`); here, that something in it is visible:
 * white space, zero-width and bidi controls alone make an empty headline.
 */
export const singleLine = z
  .string({ error: "must be text (put it in quotes if YAML reads it as something else)" })
  .refine(
    (value) => /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}]/u.test(value),
    "must not be empty (white space and invisible characters alone show nothing)",
  );

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/u;

/** The years a date may have, both as written and in UTC: four-digit years, as the feed (RFC 822) needs. */
export const FIRST_YEAR = 1;
export const LAST_YEAR = 9999;

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for an ISO 8601 date-time with a UTC offset that names a real instant. */
export function isDateTimeWithOffset(value: string): boolean {
  const parts = DATE_TIME.exec(value);
  if (!parts) return false;
  const [year, month, day, hour, minute, second = 0, offsetHours = 0, offsetMinutes = 0] = parts
    .slice(1)
    .map((part) => Number(part ?? "0"));
  if (year === undefined || month === undefined || day === undefined) return false;
  // By hand: `Date.UTC` would read years 0–99 as 1900–1999.
  const daysInMonth = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    second <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59
  );
}

/** True when a valid date-time's year, as written and in UTC, is within `FIRST_YEAR`–`LAST_YEAR`. */
export function isWithinSupportedYears(value: string): boolean {
  const written = Number(value.slice(0, 4));
  const utc = new Date(Date.parse(value)).getUTCFullYear();
  return [written, utc].every((year) => year >= FIRST_YEAR && year <= LAST_YEAR);
}

/** An ISO 8601 date-time with offset, kept as the string the author wrote. */
export const dateTime = z
  .string({ error: 'must be a date-time with offset, e.g. "2023-10-11T12:00:00+03:00"' })
  .refine(isDateTimeWithOffset, 'must be an ISO 8601 date-time with offset, e.g. "2023-10-11T12:00:00+03:00"')
  .refine(
    (value) => !isDateTimeWithOffset(value) || isWithinSupportedYears(value),
    "must fall in the years 0001–9999 both as written and in UTC (the feed's dates have four-digit years)",
  );

/**
 * An absolute http(s) URL written exactly as the URL parser reads it, so the
 * link goes where the source says: a tab, a line break, a space, a backslash
 * or an upper-case scheme the parser would quietly remove or rewrite is an
 * error. The one difference allowed is the "/" path a bare origin
 * (`https://example.org`) is read with: the link is the same either way.
 */
export const exactUrl = z
  .string({ error: "must be an absolute http(s) URL" })
  .superRefine((value, context) => {
    // By hand, not `z.url()`: that trims the text and strips tabs and line breaks before it checks.
    const url = URL.parse(value);
    if (url === null || !["http:", "https:"].includes(url.protocol)) {
      context.addIssue({ code: "custom", message: "must be an absolute http(s) URL" });
    } else if (url.href !== value && url.href !== `${value}/`) {
      context.addIssue({
        code: "custom",
        message: `must be written as browsers read it, ${JSON.stringify(url.href)}: they would not go where the source says`,
      });
    }
  });

/** An id of a file in a collection: its name without `.txt`. */
export const entryId = z
  .string({ error: "must be text" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, "must be lower-case letters, digits and single hyphens")
  // An id names a folder of dist/, and Windows cannot hold a file or folder by these names.
  .refine(
    (id) => !/^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/iu.test(id),
    "must not be a name Windows keeps for a device (con, prn, aux, nul, com0–com9, lpt0–lpt9)",
  );
