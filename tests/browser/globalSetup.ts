import { rm } from "node:fs/promises";
import type { TestProject } from "vitest/node";
import { PAGE_SIZE } from "../../src/consts.ts";
import { findChromium } from "../../tools/chromium.ts";
import { writeCorpus } from "../../tools/corpus.ts";
import { LIST_SITE_CORPUS, hostileSite, listSite, ownSite, rtlSite } from "../support/fixture.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The site's own build, served over HTTP (gzip on) on a loopback port, e.g. `http://127.0.0.1:43127/`. */
    siteUrl: string;
    /** The generated archive, with a home page and five numbered list pages (`page/1/` to `page/5/`), served on another port. */
    listSiteUrl: string;
    /** The right-to-left fixture (tests/fixtures/rtl: a Persian edition under fa/), served on another port. */
    rtlSiteUrl: string;
  }
}

/**
 * Articles in the generated archive: the site's own two fit on the home page,
 * so list pages with pagination links need more. Five numbered pages, counted
 * from the oldest: page 3 links to all four (newest, newer, older, oldest).
 */
const LIST_SITE_ARTICLES = 4 * PAGE_SIZE + 1;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // One build at a time: builds set environment variables and share .astro/.
  await ownSite.build();
  await hostileSite.build();
  await rm(LIST_SITE_CORPUS, { recursive: true, force: true });
  await writeCorpus(LIST_SITE_CORPUS, LIST_SITE_ARTICLES);
  await listSite.build();
  await rtlSite.build();
  // Unpacks the packaged browser once, before test files look for it in parallel.
  // A missing browser is reported by the tests themselves, as failures that say what to do.
  await findChromium().catch(() => undefined);
  const servers = await Promise.all([ownSite.serve(), listSite.serve(), rtlSite.serve()]);
  const [site, list, rtl] = servers;
  project.provide("siteUrl", site!.url);
  project.provide("listSiteUrl", list!.url);
  project.provide("rtlSiteUrl", rtl!.url);
  return async () => {
    await Promise.all(servers.map((server) => server.close()));
  };
}
