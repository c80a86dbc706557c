import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { writeCorpus } from "../../bench/generate.ts";
import { PAGE_SIZE } from "../../src/consts.ts";
import { findChromium } from "../support/browser.ts";
import { startStaticServer } from "../support/server.ts";
import { OUTPUT, buildOwnSiteOnce, buildSite } from "../support/site.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The `dist/` of the site's own content, built once per test run. */
    siteDist: string;
    /** That build served over HTTP (gzip on) on a loopback port, e.g. `http://127.0.0.1:43127/`. */
    siteUrl: string;
    /** The `dist/` of a generated archive with a home page and five numbered list pages (`page/1/` to `page/5/`). */
    listSiteDist: string;
    /** That build served over HTTP (gzip on) on another loopback port. */
    listSiteUrl: string;
  }
}

/**
 * Articles in the generated archive: the site's own two fit on the home page,
 * so list pages with pagination links need more. Five numbered pages, counted
 * from the oldest: page 3 links to all four (newest, newer, older, oldest).
 */
const LIST_SITE_ARTICLES = 4 * PAGE_SIZE + 1;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The same build as the `build` project's, built once for both.
  const siteDist = await buildOwnSiteOnce();
  // Built after it, never beside it: builds set environment variables and share .astro/.
  const corpus = await mkdtemp(join(tmpdir(), "plain-news-list-site-"));
  await writeCorpus(corpus, LIST_SITE_ARTICLES);
  const listSiteDist = join(OUTPUT, "list-site");
  await rm(listSiteDist, { recursive: true, force: true });
  await buildSite({ outDir: listSiteDist, contentDir: join(corpus, "content") });
  // Unpacks the packaged browser once, before test files look for it in parallel.
  // A missing browser is reported by the tests themselves, as failures that say what to do.
  await findChromium().catch(() => undefined);
  const server = await startStaticServer(siteDist, { gzip: true });
  const listServer = await startStaticServer(listSiteDist, { gzip: true });
  project.provide("siteDist", siteDist);
  project.provide("siteUrl", server.url);
  project.provide("listSiteDist", listSiteDist);
  project.provide("listSiteUrl", listServer.url);
  return async () => {
    await Promise.all([server.close(), listServer.close()]);
    await rm(corpus, { recursive: true, force: true });
  };
}
