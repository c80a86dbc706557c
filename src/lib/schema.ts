import { z } from "zod";

/** A short, single-line piece of text such as a headline or a credit. */
export const singleLine = z
  .string({ error: "must be text (put it in quotes if YAML reads it as something else)" })
  .refine((value) => value.trim() !== "", "must not be empty")
  // YAML escapes such as "\n" or "\u0000" could smuggle in what a source line cannot hold.
  .refine(
    (value) => !/[\u0000-\u0008\u000A-\u001F\u007F-\u009F\p{Noncharacter_Code_Point}]/u.test(value),
    "must be a single line without control characters or noncharacters",
  );

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/u;

/** True for an ISO 8601 date-time with a UTC offset that names a real instant. */
export function isDateTimeWithOffset(value: string): boolean {
  const parts = DATE_TIME.exec(value);
  if (!parts) return false;
  const [year, month, day, hour, minute, second = "0", offsetHours = "0", offsetMinutes = "0"] = parts
    .slice(1)
    .map((part) => part ?? "0");
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return (
    Number(month) >= 1 &&
    Number(month) <= 12 &&
    Number(day) >= 1 &&
    Number(day) <= daysInMonth &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    Number(offsetHours) <= 23 &&
    Number(offsetMinutes) <= 59
  );
}

/** An ISO 8601 date-time with offset, kept as the string the author wrote. */
export const dateTime = z
  .string({ error: 'must be a date-time with offset, e.g. "2023-10-11T12:00:00+03:00"' })
  .refine(
    isDateTimeWithOffset,
    'must be an ISO 8601 date-time with offset, e.g. "2023-10-11T12:00:00+03:00"',
  );

/** An id of a file in a collection: its name without `.txt`. */
export const entryId = z
  .string({ error: "must be text" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, "must be lower-case letters, digits and single hyphens");
