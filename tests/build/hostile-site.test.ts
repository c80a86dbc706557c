import * as cheerio from "cheerio";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { renderCases } from "../fixtures/corpus.ts";
import { writeContent } from "../support/content.ts";
import { SOURCE } from "../support/fixtures.ts";
import { fidelityProblems } from "../support/pageText.ts";
import { OUTPUT, TEST_SITE, buildSite, readPage } from "../support/site.ts";
import { EXECUTABLE_SCRIPT } from "../support/scripts.ts";

// The whole hostile corpus built as one site: every page must still say
// exactly what its source says, with the site's appeal after it.
const slugOf = (index: number) => `case-${String(index + 1).padStart(2, "0")}`;
const outDir = join(OUTPUT, "hostile-site");

beforeAll(async () => {
  const articles = Object.fromEntries(renderCases.map((c, index) => [`${slugOf(index)}.txt`, c.source]));
  await buildSite({ outDir, contentDir: await writeContent({ articles }) });
});

describe("a site built from hostile sources", () => {
  it.each(renderCases.map((c, index) => [c.name, index] as const))("shows %s exactly", async (_, index) => {
    const { headline, paragraphs } = renderCases[index]!;
    const html = await readPage(outDir, `articles/${slugOf(index)}/`);
    expect(fidelityProblems(html, { headline, body: paragraphs, appeal: SOURCE.appealLines })).toEqual([]);
  });

  it.each(renderCases.map((c, index) => [c.name, index] as const))(
    "gives back %s exactly in <title>, meta tags and JSON-LD",
    async (_, index) => {
      const { headline, paragraphs } = renderCases[index]!;
      const $ = cheerio.load(await readPage(outDir, `articles/${slugOf(index)}/`));
      const meta = (selector: string) => $(`meta[${selector}]`).attr("content");
      const jsonLd = JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>;
      expect({
        title: $("title").text(),
        description: meta('name="description"'),
        ogTitle: meta('property="og:title"'),
        ogDescription: meta('property="og:description"'),
        jsonLdHeadline: jsonLd["headline"],
        jsonLdDescription: jsonLd["description"],
      }).toEqual({
        title: `${headline} - The Moscow Times`,
        description: paragraphs[0],
        ogTitle: headline,
        ogDescription: paragraphs[0],
        jsonLdHeadline: headline,
        jsonLdDescription: paragraphs[0],
      });
      // Source text may sit in the JSON-LD data block (escaped), never in a script that runs.
      expect($(EXECUTABLE_SCRIPT).filter((_, script) => $(script).text().includes("alert("))).toHaveLength(0);
      expect($("img, b, body title, head script:not([type])")).toHaveLength(0);
    },
  );

  it("gives back every headline and description exactly in the feed", async () => {
    const $ = cheerio.load(await readPage(outDir, "rss.xml"), { xml: true });
    const items = new Map(
      $("item")
        .toArray()
        .map((item) => [$(item).find("link").text(), $(item)] as const),
    );
    for (const [index, { headline, paragraphs }] of renderCases.entries()) {
      const item = items.get(new URL(`articles/${slugOf(index)}/`, `${TEST_SITE}/`).href);
      expect(item?.find("title").text()).toBe(headline);
      // RSS descriptions are HTML: decoded once as XML and once as HTML, the text is the source's.
      expect(cheerio.load(item?.find("description").text() ?? "", {}, false).text()).toBe(paragraphs[0]);
    }
  });
});
