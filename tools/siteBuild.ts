import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { build } from "astro";

export interface SiteBuildOptions {
  /** The project to build; the working directory when omitted. */
  readonly root?: string | undefined;
  readonly outDir?: string | undefined;
  /** Astro's cache: the content store and the incremental build's pages; `node_modules/.astro` when omitted. */
  readonly cacheDir?: string | undefined;
  /** Reuse the last build's pages whose keys are unchanged (docs/incremental.md). */
  readonly incremental: boolean;
  /** Render every page, and write a fresh cache for the next build. */
  readonly force?: boolean | undefined;
  readonly logLevel?: "debug" | "info" | "warn" | "error" | "silent";
}

/**
 * Astro's build of the site. An incremental build that did not finish (it
 * failed, or was killed) may have overwritten cached pages without recording
 * their new keys, so the next one renders every page.
 */
export async function buildSite(options: SiteBuildOptions): Promise<void> {
  const root = resolve(options.root ?? ".");
  const cacheDir = resolve(root, options.cacheDir ?? "node_modules/.astro");
  const unfinished = join(cacheDir, "incremental-build.unfinished");
  const distrusted = options.incremental && existsSync(unfinished);
  if (options.incremental) {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(unfinished, "");
  }
  await build({
    root,
    cacheDir,
    ...(options.outDir !== undefined && { outDir: resolve(root, options.outDir) }),
    ...(options.logLevel !== undefined && { logLevel: options.logLevel }),
    experimental: { incrementalBuild: options.incremental },
    force: distrusted || (options.force ?? false),
  });
  if (options.incremental) await rm(unfinished);
}
