import { describe, expect, it } from "vitest";
import { formatDisplayDate } from "../../src/lib/dates.ts";
import { isDateTimeWithOffset } from "../../src/lib/schema.ts";

describe("formatDisplayDate", () => {
  it("shows the calendar date in the source's own offset", () => {
    expect(formatDisplayDate("2023-10-11T12:00:00+03:00")).toBe("11 October 2023");
    // 23:30 in Moscow is already the 11th, though still the 10th in UTC... and the reverse:
    expect(formatDisplayDate("2023-10-11T01:30:00+03:00")).toBe("11 October 2023");
    expect(formatDisplayDate("2023-10-11T23:30:00-05:00")).toBe("11 October 2023");
  });

  it("shows years 1–99 as written, in four digits, not as 1901–1999", () => {
    expect(formatDisplayDate("0023-10-11T12:00:00+03:00")).toBe("11 October 0023");
    expect(formatDisplayDate("0004-02-29T12:00:00Z")).toBe("29 February 0004");
  });
});

describe("formatDisplayDate in an edition's language", () => {
  it("writes the date as Intl does in that language", () => {
    const date = Date.UTC(2023, 9, 11);
    const intl = (locale: string) =>
      new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
        .formatToParts(date)
        .map((part) => part.value)
        .join("");
    expect(formatDisplayDate("2023-10-11T12:00:00+03:00", "ru")).toBe(intl("ru"));
    expect(formatDisplayDate("2023-10-11T12:00:00+03:00", "ru")).toMatch(/^11 октября 2023/u);
    expect(formatDisplayDate("2023-10-11T12:00:00+03:00", "fa")).toBe(intl("fa"));
    // Persian digits, not Latin ones.
    expect(formatDisplayDate("2023-10-11T12:00:00+03:00", "fa")).toMatch(/^[۰-۹]+ \S+ [۰-۹]+$/u);
  });

  it("keeps each language's dates apart", () => {
    expect(formatDisplayDate("2024-03-15T09:00:00+00:00", "ru")).not.toBe(
      formatDisplayDate("2024-03-15T09:00:00+00:00"),
    );
    expect(formatDisplayDate("2024-03-15T09:00:00+00:00")).toBe("15 March 2024");
  });
});

describe("isDateTimeWithOffset", () => {
  it.each([
    "2023-10-11T12:00:00+03:00",
    "2023-10-11T12:00Z",
    "2024-02-29T00:00:00.123-08:00",
    "0000-02-29T00:00:00Z",
    "0004-02-29T00:00:00Z",
  ])("accepts %s", (value) => {
    expect(isDateTimeWithOffset(value)).toBe(true);
  });
  it.each([
    "2023-10-11",
    "2023-10-11T12:00:00",
    "2023-02-29T12:00:00Z",
    "0100-02-29T12:00:00Z",
    "2023-13-01T00:00:00Z",
    "2023-10-11T24:00:00Z",
    "11/10/2023",
  ])("rejects %s", (value) => {
    expect(isDateTimeWithOffset(value)).toBe(false);
  });
});
