import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateArticle, writeCorpus } from "../../bench/generate.ts";
import { SOURCE } from "../support/fixtures.ts";
import { fidelityProblems } from "../support/pageText.ts";
import { buildMarkdownBaseline, buildSite, readPage } from "../support/site.ts";

// The benchmark's small case: `npm run bench` runs the same generator and builds at 10,000.
const ARTICLES = 200;
const generated = Array.from({ length: ARTICLES }, (_, index) => generateArticle(index));
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "plain-news-bench-smoke-"));
  await writeCorpus(work, ARTICLES);
  await buildSite({ outDir: join(work, "site"), contentDir: join(work, "content") });
  await buildMarkdownBaseline({ outDir: join(work, "markdown"), corpusDir: work });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const articlePages = async (outDir: string) => (await readdir(join(outDir, "articles"))).sort();

describe("the site built from 200 generated articles", () => {
  it("has one article page per article, and no other", async () => {
    expect(await articlePages(join(work, "site"))).toEqual(generated.map((article) => article.slug).sort());
  });

  it("shows each article's paragraphs exactly as generated, then the site's appeal", async () => {
    for (const article of generated) {
      const html = await readPage(join(work, "site"), `articles/${article.slug}/`);
      const problems = fidelityProblems(html, {
        headline: article.title,
        body: article.paragraphs,
        appeal: SOURCE.appealLines,
      });
      expect(problems, article.slug).toEqual([]);
    }
  });
});

describe("the benchmark's Markdown baseline on the same articles", () => {
  it("builds one page per article, each with its headline", async () => {
    const outDir = join(work, "markdown");
    expect(await articlePages(outDir)).toEqual(generated.map((article) => article.slug).sort());
    for (const article of generated) {
      const $ = cheerio.load(await readPage(outDir, `articles/${article.slug}/`));
      expect($("h1").text()).toBe(article.title);
      expect($("article p").length).toBeGreaterThanOrEqual(article.paragraphs.length);
    }
  });
});
