import { rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import { EDITIONS } from "../consts.ts";
import { editionPath } from "../lib/editions.ts";

/**
 * After the build, the search index: Pagefind over the built article pages,
 * written into `pagefind/` beside them. `SEARCH_INDEX=off` leaves it out (the
 * benchmark times the build without it). It comes before any integration
 * that lists every file (`SHA256SUMS`): Astro runs `astro:build:done` hooks
 * in the order of `integrations`.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: "search-index",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        if (process.env["SEARCH_INDEX"] === "off") return;
        const started = performance.now();
        const { pages } = await indexSite(fileURLToPath(dir));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`indexed ${pages} article ${pages === 1 ? "page" : "pages"} for search in ${seconds} s`);
      },
    },
  };
}

/** Pagefind writes these for its own UI; the search page has a UI of its own. */
const UNUSED_FILES = [
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
  "pagefind-highlight.js",
];

// The article pages of every edition and no other page, as one glob:
// {articles,ru/articles,fa/articles}/*/index.html (an edition not built matches nothing).
export const ARTICLE_PAGES = `{${EDITIONS.map((edition) => editionPath(edition, "articles")).join(",")}}/*/index.html`;

/** Indexes every edition's `articles/<slug>/index.html` (every article, no other page) into `outDir/pagefind/`. */
export async function indexSite(outDir: string): Promise<{ pages: number }> {
  const outputPath = join(outDir, "pagefind");
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(errors.join("\n"));
    const added = await index.addDirectory({ path: outDir, glob: ARTICLE_PAGES });
    failOn(added.errors);
    failOn((await index.writeFiles({ outputPath })).errors);
    await Promise.all(UNUSED_FILES.map((file) => rm(join(outputPath, file), { force: true })));
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

function failOn(errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind: ${errors.join("\n")}`);
}
