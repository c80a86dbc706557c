import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { APPEAL_ID, generateArticle, toMarkdown, toPlainText, writeCorpus } from "../../../tools/corpus.ts";
import { ROOT } from "../../support/paths.ts";
import { SOURCE } from "../../support/sources.ts";

const sample = Array.from({ length: 500 }, (_, index) => generateArticle(index));
const words = (article: (typeof sample)[number]) =>
  article.paragraphs.reduce((sum, paragraph) => sum + paragraph.split(" ").length, 0);

describe("the corpus generator", () => {
  it("gives the same article for the same index and seed, and another for another seed", () => {
    expect(generateArticle(42)).toEqual(generateArticle(42));
    expect(generateArticle(42, 2)).not.toEqual(generateArticle(42));
  });

  it("writes 5 to 25 paragraphs, about 600 words an article on average", () => {
    const counts = sample.map((article) => article.paragraphs.length);
    expect(Math.min(...counts)).toBe(5);
    expect(Math.max(...counts)).toBe(25);
    const average = sample.reduce((sum, article) => sum + words(article), 0) / sample.length;
    expect(average).toBeGreaterThan(550);
    expect(average).toBeLessThan(650);
  });

  it("mixes ASCII, Cyrillic and the punctuation plain text must keep", () => {
    const text = sample.flatMap((article) => article.paragraphs).join("\n");
    for (const needle of [/[А-Яа-я]/u, /"/u, /'/u, /—/u, /\$/u, /%/u, /&/u, /</u, /\*/u]) {
      expect(text).toMatch(needle);
    }
  });

  it("gives every article a unique slug that is a valid entry id", () => {
    const slugs = sample.map((article) => article.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u);
  });

  it("puts one paragraph per line in plain text and blank lines between them in Markdown", () => {
    const article = sample[0]!;
    expect(toPlainText(article).split("\n---\n")[1]).toBe(`${article.paragraphs.join("\n")}\n`);
    expect(toMarkdown(article).split("\n---\n")[1]).toBe(`\n${article.paragraphs.join("\n\n")}\n`);
  });

  it("gives the baselines the site's appeal: its lines and its snooze days", async () => {
    const dir = await mkdtemp(join(tmpdir(), "plain-news-corpus-"));
    try {
      const corpus = await writeCorpus(dir, 2);
      const appeals = JSON.parse(await readFile(corpus.appealJson, "utf8")) as Record<string, unknown>;
      const source = await readFile(join(ROOT, "src/content/appeals", `${APPEAL_ID}.txt`), "utf8");
      expect(appeals[APPEAL_ID]).toEqual({
        heading: SOURCE.appealLines[0],
        paragraphs: SOURCE.appealLines.slice(1, -1),
        dismissLabel: SOURCE.appealLines.at(-1),
        snoozeDays: Number(/^snoozeDays: (\d+)$/mu.exec(source)?.[1]),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
