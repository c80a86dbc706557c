import { fc, test } from "@fast-check/vitest";
import * as cheerio from "cheerio";
import { describe, expect } from "vitest";
import { parseAppeal } from "../../src/lib/appeal.ts";
import { articleParagraphs, parseArticle } from "../../src/lib/article.ts";
import { decodeSource } from "../../src/lib/text.ts";
import { renderAppeal, renderArticle } from "../support/render.ts";

// fast-check prints the seed and the shrunk counterexample of any failure;
// replay one with `fc.configureGlobal({ seed })`.
const RUNS = { numRuns: 1_000 };

/**
 * A line the site promises to keep exactly: no line break, control
 * character or noncharacter (those are errors), not blank, and not ending in a space or tab
 * (trimmed by the documented normalization). Written here independently of
 * the site's own rules.
 */
const keepsExactly = (line: string) =>
  !/[\u0000-\u001f\u007f-\u009f]/u.test(line.replaceAll("\t", "")) &&
  !/\p{Noncharacter_Code_Point}/u.test(line) &&
  line.trim() !== "" &&
  !/[ \t]$/u.test(line) &&
  !line.startsWith("\uFEFF");

const line = (unit: "grapheme" | "binary") =>
  fc.string({ unit, minLength: 1, maxLength: 60 }).filter(keepsExactly);
const lines = (unit: "grapheme" | "binary", minLength = 1) =>
  fc.array(line(unit), { minLength, maxLength: 12 });
const headline = fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).filter(keepsExactly);

const articleSource = (title: string, paragraphs: readonly string[]) =>
  `---\ntitle: ${JSON.stringify(title)}\npublished: 2023-10-11T12:00:00+03:00\n---\n${paragraphs.join("\n")}\n`;

const bytes = (text: string) => new TextEncoder().encode(text);

describe.each(["grapheme", "binary"] as const)("any %s text", (unit) => {
  test.prop([headline, lines(unit)], RUNS)(
    "the parser keeps every paragraph exactly",
    (title, paragraphs) => {
      const text = decodeSource(bytes(articleSource(title, paragraphs)), "p.txt");
      const article = parseArticle(text, "p.txt");
      expect(article.title).toBe(title);
      expect(article.paragraphs).toEqual(paragraphs);
      // What a build's pages read, without the front matter.
      expect(articleParagraphs(text, "p.txt")).toEqual(paragraphs);
    },
  );

  test.prop([headline, lines(unit)], RUNS)(
    "the Article component shows exactly the parsed text",
    async (title, paragraphs) => {
      const article = parseArticle(decodeSource(bytes(articleSource(title, paragraphs)), "p.txt"), "p.txt");
      const $ = cheerio.load(await renderArticle(article));
      expect($("h1").text()).toBe(title);
      expect(
        $("article > p")
          .map((_, p) => $(p).text())
          .get(),
      ).toEqual(paragraphs);
    },
  );

  test.prop([lines(unit, 3)], RUNS)(
    "the ReaderAppeal component shows every appeal line exactly",
    async (appealLines) => {
      const appeal = parseAppeal(decodeSource(bytes(appealLines.join("\n")), "a.txt"), "a.txt");
      const $ = cheerio.load(await renderAppeal(appeal));
      const shown = [
        $("h2").text(),
        ...$("aside > p")
          .map((_, p) => $(p).text())
          .get(),
        $("button").text(),
      ];
      expect(shown).toEqual(appealLines);
    },
  );
});

describe("output bounded by the source's own text", () => {
  const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });
  const words = fc.array(fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }), { maxLength: 60 });
  const paragraph = fc
    .tuple(words, fc.constantFrom(" ", "  ", "\u00a0", "", "\t"))
    .map(([parts, space]) => parts.join(space))
    .filter(keepsExactly);

  test.prop([paragraph], RUNS)(
    "the default description is the paragraph, or a prefix of it cut between graphemes, with … and at most 300 characters",
    (text) => {
      const article = parseArticle(articleSource("T", [text]), "p.txt");
      const description = article.description;
      expect(description.length).toBeLessThanOrEqual(300);
      if (text.length <= 300) {
        expect(description).toBe(text);
        return;
      }
      expect(description.endsWith("…")).toBe(true);
      const kept = description.slice(0, -1);
      expect(text.startsWith(kept)).toBe(true);
      expect(description.isWellFormed()).toBe(true);
      const boundaries = new Set([...graphemes.segment(text)].map((segment) => segment.index));
      expect(boundaries.has(kept.length)).toBe(true);
    },
  );

  // YAML's anchor (&), alias (*) and merge (<<) characters inside a value are text, quoted or not.
  const yamlPunctuation = fc
    .array(fc.constantFrom("&", "*", "<<", "&a", "*b", "Tom", "Jerry", " & ", " * ", "x<<y"), {
      minLength: 1,
      maxLength: 8,
    })
    .map((parts) => parts.join(""))
    .filter(keepsExactly);

  test.prop([yamlPunctuation], RUNS)("&, * and << inside a quoted headline are kept exactly", (title) => {
    expect(parseArticle(articleSource(title, ["Body."]), "p.txt").title).toBe(title);
  });

  const keyLines = fc.shuffledSubarray(
    ["credit: Reuters", "section: World", "tags: [a, b]", "updated: 2023-10-12T12:00:00+03:00"],
    { minLength: 0 },
  );
  const repetition = fc.constantFrom(
    ["description: &d Anchored", "anchors (&name) are not allowed"],
    ["description: *d", "aliases (*name) are not allowed"],
    ["<<: {credit: Merged}", "merge keys (<<) are not allowed"],
    ["description: [&t a, *t]", "anchors (&name) are not allowed"],
  );

  test.prop([keyLines, repetition, fc.nat()], RUNS)(
    "an anchor, alias or merge key anywhere is refused on its own line",
    (lines, [bad, problem], at) => {
      const position = at % (lines.length + 1);
      const yaml = ["title: T", "published: 2023-10-11T12:00:00+03:00", ...lines];
      yaml.splice(2 + position, 0, bad);
      const source = `---\n${yaml.join("\n")}\n---\nBody.\n`;
      // Line 1 is the fence: the bad line is line 2 + its index.
      expect(() => parseArticle(source, "p.txt")).toThrow(`p.txt:${2 + 2 + position}: ${problem}`);
    },
  );
});
