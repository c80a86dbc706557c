import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { renderCaseSlug, renderCases } from "../fixtures/corpus.ts";
import { TEST_SITE, hostileSite } from "../support/fixture.ts";
import { SOURCE } from "../support/sources.ts";
import { fidelityProblems } from "../support/pageText.ts";
import { EXECUTABLE_SCRIPT } from "../support/scripts.ts";

// The whole hostile corpus built as one site: every page must still say
// exactly what its source says, with the site's appeal after it.

describe("a site built from hostile sources", () => {
  it.each(renderCases.map((c, index) => [c.name, index] as const))("shows %s exactly", async (_, index) => {
    const { headline, paragraphs } = renderCases[index]!;
    const html = await hostileSite.readFile(`articles/${renderCaseSlug(index)}/`);
    expect(fidelityProblems(html, { headline, body: paragraphs, appeal: SOURCE.appealLines })).toEqual([]);
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
    const $ = cheerio.load(await hostileSite.readFile("rss.xml"), { xml: true });
    const items = new Map(
      $("item")
        .toArray()
        .map((item) => [$(item).find("link").text(), $(item)] as const),
    );
    for (const [index, { headline, paragraphs }] of renderCases.entries()) {
      const item = items.get(new URL(`articles/${renderCaseSlug(index)}/`, `${TEST_SITE}/`).href);
      expect(item?.find("title").text()).toBe(headline);
      // RSS descriptions are HTML: decoded once as XML and once as HTML, the text is the source's.
      expect(cheerio.load(item?.find("description").text() ?? "", {}, false).text()).toBe(paragraphs[0]);
    }
  });
});
