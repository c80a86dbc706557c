import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { OUTPUT, buildSite } from "../support/site.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The `dist/` of the site's own content, built once per test run. */
    siteDist: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const outDir = join(OUTPUT, "site");
  await rm(outDir, { recursive: true, force: true });
  await buildSite({ outDir, site: "https://news.example.org" });
  project.provide("siteDist", outDir);
}
