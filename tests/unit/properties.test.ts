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
