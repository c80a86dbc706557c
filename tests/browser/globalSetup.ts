import type { TestProject } from "vitest/node";
import { findChromium } from "../support/browser.ts";
import { startStaticServer } from "../support/server.ts";
import { buildOwnSiteOnce } from "../support/site.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The `dist/` of the site's own content, built once per test run. */
    siteDist: string;
    /** That build served over HTTP (gzip on) on a loopback port, e.g. `http://127.0.0.1:43127/`. */
    siteUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The same build as the `build` project's, built once for both.
  const siteDist = await buildOwnSiteOnce();
  // Unpacks the packaged browser once, before test files look for it in parallel.
  // A missing browser is reported by the tests themselves, as failures that say what to do.
  await findChromium().catch(() => undefined);
  const server = await startStaticServer(siteDist, { gzip: true });
  project.provide("siteDist", siteDist);
  project.provide("siteUrl", server.url);
  return () => server.close();
}
