import { join } from "node:path";
import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { errorCases, largeCases, renderCases } from "../fixtures/corpus.ts";
import { appealLoader, articleLoader } from "../../src/loaders/contentLoaders.ts";
import { readArticle, readArticleParagraphs } from "../../src/lib/sourceFile.ts";
import { runLoader, writeContent } from "../support/content.ts";
import { makeNode } from "../support/fileNodes.ts";
import { renderArticle } from "../support/render.ts";

// Each source goes through the real loader and the real Article component.
describe("hostile and unusual sources render exactly", () => {
  it.each([...renderCases, ...largeCases])("$name", async ({ source, headline, paragraphs, published }) => {
    const dir = await writeContent({ articles: { "case.txt": source } });
    const entries = await runLoader(articleLoader(dir));
    expect(entries.get("case")?.data["title"]).toBe(headline);

    const path = join(dir, "articles/case.txt");
    // A build's pages read only the paragraphs; `astro dev` reads the whole file.
    expect(readArticleParagraphs(path)).toEqual(paragraphs);
    const html = await renderArticle(readArticle(path));
    const $ = cheerio.load(html);
    expect($("h1").text()).toBe(headline);
    const shown = $("article > p")
      .map((_, p) => $(p).text())
      .get();
    expect(shown.length).toBe(paragraphs.length);
    expect(shown).toEqual(paragraphs);
    if (published) expect($("time").first().text()).toBe(published.shown);
    // Markup in the source is text on the page: nothing became an element.
    expect($("article script, article img, article b")).toHaveLength(0);
  });
});

describe("bad sources stop the build with file, line and problem", () => {
  it.each(errorCases)(
    "$name",
    async ({ source, fileName = "case.txt", collection = "articles", node, line, problem }) => {
      const files = node === undefined ? { [fileName]: source } : {};
      const dir = await writeContent(
        collection === "articles" ? { articles: files } : { articles: {}, appeals: files },
      );
      const undo =
        node === undefined ? async () => {} : await makeNode(join(dir, collection, fileName), node);
      const loader = collection === "articles" ? articleLoader(dir) : appealLoader(dir);
      const error = await runLoader(loader)
        .then(
          () => undefined,
          (reason: unknown) => reason,
        )
        .finally(undo);
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toContain(`${collection}/${fileName}:${line}: `);
      expect(message).toContain(problem);
    },
  );
});
