import * as cheerio from "cheerio";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { largeCases, renderCaseSlug, renderCases as browserCases } from "../fixtures/corpus.ts";
import { TEST_SITE, hostileSite } from "../support/fixture.ts";
import { fidelityProblems } from "../support/pageText.ts";
import { SOURCE } from "../support/sources.ts";
import { EXECUTABLE_SCRIPT } from "../support/scripts.ts";

// The whole hostile corpus built as one site: every page must still say
// exactly what its source says, with the site's appeal after it.
const renderCases = [...browserCases, ...largeCases];
const outDir = hostileSite.outDir;

/**
 * Checks a description against its source paragraph, by the documented rule:
 * the paragraph itself up to 300 characters, else a prefix of it that stops
 * before white space (or, with none to stop at, anywhere) followed by "…".
 */
function expectDescriptionOf(paragraph: string, description: string | undefined): void {
  if (paragraph.length <= 300) {
    expect(description).toBe(paragraph);
    return;
  }
  expect(description?.length).toBeLessThanOrEqual(300);
  expect(description?.endsWith("…")).toBe(true);
  const kept = description?.slice(0, -1) ?? "";
  expect(paragraph.startsWith(kept)).toBe(true);
  if (/\s/u.test(paragraph.slice(1, 299))) expect(paragraph[kept.length]).toMatch(/\s/u);
}

describe("a site built from hostile sources", () => {
  it.each(renderCases.map((c, index) => [c.name, index] as const))("shows %s exactly", async (_, index) => {
    const { headline, paragraphs, published } = renderCases[index]!;
    const html = await hostileSite.readFile(`articles/${renderCaseSlug(index)}/`);
    expect(fidelityProblems(html, { headline, body: paragraphs, appeal: SOURCE.appealLines })).toEqual([]);
    if (published) expect(cheerio.load(html)("article time").first().text()).toBe(published.shown);
  });

  it.each(renderCases.map((c, index) => [c.name, index] as const))(
    "gives back %s exactly in <title>, meta tags and JSON-LD",
    async (_, index) => {
      const { headline, paragraphs } = renderCases[index]!;
      const $ = cheerio.load(await hostileSite.readFile(`articles/${renderCaseSlug(index)}/`));
      const meta = (selector: string) => $(`meta[${selector}]`).attr("content");
      const jsonLd = JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>;
      expect({
        title: $("title").text(),
        description: meta('name="description"'),
        ogTitle: meta('property="og:title"'),
        ogDescription: meta('property="og:description"'),
        jsonLdHeadline: jsonLd["headline"],
        jsonLdDescription: jsonLd["description"],
      }).toMatchObject({
        title: `\u2068${headline}\u2069 - The Moscow Times`,
        ogTitle: headline,
        jsonLdHeadline: headline,
      });
      const paragraph = paragraphs[0] ?? "";
      expectDescriptionOf(paragraph, meta('name="description"'));
      expectDescriptionOf(paragraph, meta('property="og:description"'));
      expectDescriptionOf(paragraph, String(jsonLd["description"]));
      // Source text may sit in the JSON-LD data block (escaped), never in a script that runs.
      expect($(EXECUTABLE_SCRIPT).filter((_, script) => $(script).text().includes("alert("))).toHaveLength(0);
      expect($("img, b, body title, head script:not([type])")).toHaveLength(0);
    },
  );

  it("gives back every headline and description exactly in the feed", async () => {
    const $ = cheerio.load(await hostileSite.readFile("rss.xml"), { xml: true });
    const items = new Map(
      $("item")
        .toArray()
        .map((item) => [$(item).find("link").text(), $(item)] as const),
    );
    for (const [index, { headline, paragraphs, published }] of renderCases.entries()) {
      const item = items.get(new URL(`articles/${renderCaseSlug(index)}/`, `${TEST_SITE}/`).href);
      expect(item?.find("title").text()).toBe(headline);
      if (published) expect(item?.find("pubDate").text()).toBe(published.feed);
      // RSS descriptions are HTML: decoded once as XML and once as HTML, the text is the source's.
      expectDescriptionOf(
        paragraphs[0] ?? "",
        cheerio.load(item?.find("description").text() ?? "", {}, false).text(),
      );
    }
  });

  // Only an article's own body may make its own page large: a description is bounded.
  // The full-text feeds carry their articles' bodies (docs/offline-copies.md) and nothing more.
  it("keeps every page but an article's own small, and each feed to its articles' text, whatever their size", async () => {
    const FEEDS = ["rss.xml", "atom.xml"];
    const files = (await readdir(outDir, { recursive: true })).filter((name) => /\.(html|xml)$/u.test(name));
    for (const name of files.filter((file) => !file.startsWith("articles/") && !FEEDS.includes(file))) {
      expect.soft((await stat(join(outDir, name))).size, name).toBeLessThan(200_000);
    }
    // A body escaped at most as "&quot;" in HTML, or as "&amp;quot;" as HTML inside XML.
    const escapedBound = (text: string, perSpecial: number) =>
      Buffer.byteLength(text) + perSpecial * (text.match(/[&<>"']/gu)?.length ?? 0);
    const texts = renderCases.map(({ headline, paragraphs }) => [headline, ...paragraphs].join(""));
    for (const [index, text] of texts.entries()) {
      const size = (await stat(join(outDir, `articles/${renderCaseSlug(index)}/index.html`))).size;
      expect.soft(size, renderCases[index]?.name).toBeLessThan(escapedBound(text, 6) + 64_000);
    }
    const feedBound = texts.reduce((sum, text) => sum + escapedBound(text, 10) + 4_000, 64_000);
    for (const feed of FEEDS)
      expect.soft((await stat(join(outDir, feed))).size, feed).toBeLessThan(feedBound);
  });
});
