import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EDITIONS } from "../../src/consts.ts";
import { formatNumber, type Lang, type SiteStrings, STRINGS } from "../../src/lib/strings.ts";

const SRC = join(import.meta.dirname, "../../src");

/** Every file under src/. */
const sourceFiles = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : [join(folder, entry.name)],
  );

// The keys the templates and libraries read: `strings.key` or `STRINGS[lang].key`.
const USED = new Set(
  sourceFiles(SRC).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/(?<![/\w])(?:strings|STRINGS\[[^\]]+\])\.(\w+)/gu)].map(
      (m) => m[1]!,
    ),
  ),
);

/** A string's text, with sample arguments for those that take some; the parts of one in parts, joined. */
const textOf = (lang: Lang, value: SiteStrings[keyof SiteStrings]): string =>
  typeof value === "function"
    ? (value as (...args: unknown[]) => string)(formatNumber(lang, 2), 2)
    : typeof value === "string"
      ? value
      : Object.values(value).join("\n");

describe("the site's own strings", () => {
  it("are read by the templates (the scan finds them)", () => {
    expect(USED.size).toBeGreaterThanOrEqual(10);
  });

  it.each(Object.keys(STRINGS) as Lang[])(
    "in %s: every string the templates use is there and not blank",
    (lang) => {
      for (const key of USED) {
        expect(Object.hasOwn(STRINGS[lang], key), `${lang} lacks "${key}"`).toBe(true);
        const text = textOf(lang, STRINGS[lang][key as keyof SiteStrings]);
        expect(text.trim(), `${lang}.${key}`).not.toBe("");
      }
    },
  );

  it.each((Object.keys(STRINGS) as Lang[]).filter((lang) => lang !== "en"))(
    "in %s: no string is the English one left untranslated",
    (lang) => {
      for (const key of Object.keys(STRINGS.en) as (keyof SiteStrings)[]) {
        expect(textOf(lang, STRINGS[lang][key]), `${lang}.${key}`).not.toBe(textOf("en", STRINGS.en[key]));
      }
    },
  );

  it("has a table for every edition's language", () => {
    for (const edition of EDITIONS) expect(STRINGS).toHaveProperty(edition.lang);
  });
});

describe("formatNumber", () => {
  it("writes numbers in the language's own digits", () => {
    expect(formatNumber("en", 12)).toBe("12");
    expect(formatNumber("ru", 12)).toBe("12");
    expect(formatNumber("fa", 12)).toBe("۱۲");
  });
});
