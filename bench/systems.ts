import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Corpus } from "../tools/corpus.ts";

/** The builds under test: this site, Astro's stock Markdown pipeline, and Hugo. */
export const SYSTEM_NAMES = ["plain", "markdown", "hugo"] as const;
export type SystemName = (typeof SYSTEM_NAMES)[number];

export const LABELS: Record<SystemName, string> = {
  plain: "plain text (this site)",
  markdown: "Astro Markdown (glob + render)",
  hugo: "Hugo (Markdown)",
};

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BASELINE_ROOT = join(ROOT, "bench/markdown-baseline");
const ASTRO = join(ROOT, "node_modules/astro/bin/astro.mjs");
/** What `npm run build` runs: the site is measured as it is built. */
const BUILD_SCRIPT = join(ROOT, "scripts/build.ts");

export const hugoInstalled = (): boolean => spawnSync("hugo", ["version"], { stdio: "ignore" }).status === 0;

export interface BuildCommand {
  readonly command: string;
  readonly argv: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** Folders to delete first, so that the build is cold. */
  readonly caches: readonly string[];
}

/** What one cold build of a system needs: the command, and the caches to clear first. */
export function buildCommand(system: SystemName, corpus: Corpus, work: string, out: string): BuildCommand {
  const astroCaches = (root: string) =>
    [".astro", "node_modules/.astro", "node_modules/.vite"].map((dir) => join(root, dir));
  switch (system) {
    case "plain":
      return {
        command: process.execPath,
        argv: [BUILD_SCRIPT, "--root", ROOT, "--outDir", out],
        env: { CONTENT_DIR: corpus.contentDir, ASTRO_TELEMETRY_DISABLED: "1" },
        caches: astroCaches(ROOT),
      };
    case "markdown":
      return {
        command: process.execPath,
        argv: [ASTRO, "build", "--root", BASELINE_ROOT, "--outDir", out],
        env: { BENCH_CORPUS: work, ASTRO_TELEMETRY_DISABLED: "1" },
        caches: astroCaches(BASELINE_ROOT),
      };
    case "hugo":
      return {
        command: "hugo",
        argv: ["--source", join(work, "hugo"), "--destination", out, "--cacheDir", join(work, "hugo-cache")],
        env: {},
        caches: [join(work, "hugo-cache"), join(work, "hugo", "resources")],
      };
  }
}
