import { describe, expect, it } from "vitest";
import { parseAppeal } from "../../src/lib/appeal.ts";

describe("parseAppeal", () => {
  it("reads heading, paragraphs and dismiss label from the lines", () => {
    expect(parseAppeal("Heading:\nDear readers,\n\nPlease help.\nRemind me later.", "a.txt")).toEqual({
      heading: "Heading:",
      paragraphs: ["Dear readers,", "Please help."],
      dismissLabel: "Remind me later.",
      snoozeDays: 30,
    });
  });

  it("reads optional front matter", () => {
    const appeal = parseAppeal(
      "---\nsnoozeDays: 7\nsupport:\n  label: Support us\n  href: https://example.org/give\n---\nH\nP\nD",
      "a.txt",
    );
    expect(appeal.snoozeDays).toBe(7);
    expect(appeal.support).toEqual({ label: "Support us", href: "https://example.org/give" });
  });

  it.each([
    [
      "two lines",
      "Heading\nRemind me later.",
      "a.txt:1: an appeal needs at least three lines (heading, text, dismiss label); found 2",
    ],
    ["no lines", "---\nsnoozeDays: 3\n---\n\n", "a.txt:4: an appeal needs at least three lines"],
    [
      "a fractional snooze",
      "---\nsnoozeDays: 1.5\n---\nH\nP\nD",
      'a.txt:2: "snoozeDays" must be a whole number of days',
    ],
    ["a zero snooze", "---\nsnoozeDays: 0\n---\nH\nP\nD", 'a.txt:2: "snoozeDays" must be at least 1'],
    [
      "a script link",
      "---\nsupport:\n  label: x\n  href: javascript:alert(1)\n---\nH\nP\nD",
      // The key that is wrong, on its own line (the old key map knew only top-level keys).
      'a.txt:4: "support.href" must be an absolute http(s) URL',
    ],
    ["an unknown key", "---\ncolour: red\n---\nH\nP\nD", 'a.txt:2: unknown front matter key "colour"'],
  ])("fails on %s, naming file and line", (_, text, message) => {
    expect(() => parseAppeal(text, "a.txt")).toThrow(message);
  });
});
