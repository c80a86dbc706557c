import type { TestProject } from "vitest/node";
import { buildOwnSiteOnce } from "../support/site.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The `dist/` of the site's own content, built once per test run. */
    siteDist: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide("siteDist", await buildOwnSiteOnce());
}
