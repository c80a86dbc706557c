import * as cheerio from "cheerio";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { renderCases } from "../fixtures/corpus.ts";
import { writeContent } from "../support/content.ts";
import { SOURCE } from "../support/fixtures.ts";
import { fidelityProblems } from "../support/pageText.ts";
import { OUTPUT, buildSite, readPage } from "../support/site.ts";
import { EXECUTABLE_SCRIPT } from "../support/scripts.ts";

// The whole hostile corpus built as one site: every page must still say
// exactly what its source says, with the site's appeal after it.
const slugOf = (index: number) => `case-${String(index + 1).padStart(2, "0")}`;
const outDir = join(OUTPUT, "hostile-site");

beforeAll(async () => {
  const articles = Object.fromEntries(renderCases.map((c, index) => [`${slugOf(index)}.txt`, c.source]));
  await buildSite({ outDir, contentDir: await writeContent({ articles }), site: "https://news.example.org" });
});

describe("a site built from hostile sources", () => {
  it.each(renderCases.map((c, index) => [c.name, index] as const))("shows %s exactly", async (_, index) => {
    const { headline, paragraphs } = renderCases[index]!;
    const html = await readPage(outDir, `articles/${slugOf(index)}/`);
    expect(fidelityProblems(html, { headline, body: paragraphs, appeal: SOURCE.appealLines })).toEqual([]);
  });

  it("never lets source text become markup, in the body or the head", async () => {
    for (const [index, { headline, paragraphs }] of renderCases.entries()) {
      const $ = cheerio.load(await readPage(outDir, `articles/${slugOf(index)}/`));
      // Source text may sit inside the JSON-LD data block (escaped), never in a script that runs.
      expect($(EXECUTABLE_SCRIPT).filter((_, script) => $(script).text().includes("alert("))).toHaveLength(0);
      expect($("img, b, body title")).toHaveLength(0);
      expect($("title").text().startsWith(headline)).toBe(true);
      expect($('meta[name="description"]').attr("content")).toBe(paragraphs[0]);
    }
  });
});
