import { copyFile, glob, link, mkdir, mkdtemp, readdir, readFile, rename, rm } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import { EDITIONS } from "../consts.ts";
import { codeFingerprint, digest } from "../lib/cacheKeys.ts";
import { editionPath } from "../lib/editions.ts";

/**
 * After the build, the search index: Pagefind over the built article pages,
 * written into `pagefind/` beside them. `SEARCH_INDEX=off` leaves it out (the
 * benchmark times the build without it). It comes before any integration
 * that lists every file (`SHA256SUMS`): Astro runs `astro:build:done` hooks
 * in the order of `integrations`.
 *
 * An incremental build keeps the last index in Astro's cache folder, keyed
 * on the indexed pages (their paths and bytes) and the code, and copies it
 * back when they are unchanged: Pagefind has no incremental mode, and its
 * index is all that a build with no change to an article page would redo.
 */
export function searchIndex(): AstroIntegration {
  let cacheDir: string | undefined;
  let root = "";
  return {
    name: "search-index",
    hooks: {
      "astro:config:done": ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = config.experimental.incrementalBuild ? fileURLToPath(config.cacheDir) : undefined;
      },
      "astro:build:done": async ({ dir, logger }) => {
        if (process.env["SEARCH_INDEX"] === "off") return;
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
        if (cacheDir === undefined) {
          const { pages } = await indexSite(outDir);
          logger.info(
            `indexed ${pages} article ${pages === 1 ? "page" : "pages"} for search in ${seconds()} s`,
          );
          return;
        }
        const cached = join(cacheDir, "search-index", await indexedPagesKey(outDir, root));
        try {
          await copyTree(cached, join(outDir, "pagefind"));
          logger.info(`search index unchanged: copied from the last build in ${seconds()} s`);
          return;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        }
        const { pages } = await indexSite(outDir);
        // Only the latest index is kept; written beside it, then renamed, so that a killed build leaves no half.
        await rm(join(cacheDir, "search-index"), { recursive: true, force: true });
        await mkdir(join(cacheDir, "search-index"), { recursive: true });
        await copyTree(join(outDir, "pagefind"), `${cached}.partial`);
        await rename(`${cached}.partial`, cached);
        logger.info(
          `indexed ${pages} article ${pages === 1 ? "page" : "pages"} for search in ${seconds()} s`,
        );
      },
    },
  };
}

/**
 * Copies a folder's files into a new folder, many at a time: `fs.cp` copies
 * one file after another, 2.2-2.5 s for the index's 10,000 files against
 * 0.2 s. Throws ENOENT, having written nothing, when `from` does not exist.
 */
async function copyTree(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const path = (entry: { parentPath: string; name: string }) =>
    relative(from, join(entry.parentPath, entry.name));
  await mkdir(to, { recursive: true });
  for (const entry of entries)
    if (entry.isDirectory()) await mkdir(join(to, path(entry)), { recursive: true });
  const files = entries.filter((entry) => entry.isFile()).map(path);
  const AT_ONCE = 64;
  for (let start = 0; start < files.length; start += AT_ONCE) {
    await Promise.all(
      files.slice(start, start + AT_ONCE).map((file) => copyFile(join(from, file), join(to, file))),
    );
  }
}

/** Calls `use` with a folder, inside `outDir`, of hard links to `pages`, made in the order given; then removes it. */
async function withLinksInOrder<Result>(
  outDir: string,
  pages: readonly string[],
  use: (folder: string) => Promise<Result>,
): Promise<Result> {
  const folder = await mkdtemp(join(outDir, ".search-pages-"));
  try {
    for (const page of pages) {
      await mkdir(join(folder, dirname(page)), { recursive: true });
      await link(join(outDir, page), join(folder, page));
    }
    return await use(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The paths of the pages the index holds, below the output folder, sorted. */
async function indexedPages(outDir: string): Promise<string[]> {
  return (await Array.fromAsync(glob(ARTICLE_PAGES, { cwd: outDir }))).sort();
}

/** A digest of what the index is made from: the indexed pages, each by path and bytes, and the code. */
async function indexedPagesKey(outDir: string, root: string): Promise<string> {
  const paths = await indexedPages(outDir);
  const parts = [codeFingerprint(root)];
  // A digest per page: the pages are not all held in memory at once.
  for (const path of paths) parts.push(digest([path, await readFile(join(outDir, path))]));
  return digest(parts);
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
    // The index depends on the order in which Pagefind finds the pages, which
    // is the order a folder lists them: on some file systems (tmpfs) the order
    // they were written, which an incremental build changes. So they are
    // indexed from a folder of hard links made in the order of their paths.
    const pages = await indexedPages(outDir);
    const added = await withLinksInOrder(outDir, pages, (folder) =>
      index.addDirectory({ path: folder, glob: ARTICLE_PAGES }),
    );
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
