import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "astro";
import { indexSite } from "../../scripts/searchIndex.ts";
import { OUTPUT, ROOT } from "./paths.ts";

export { OUTPUT, ROOT } from "./paths.ts";

/** The `SITE_URL` of test builds. */
export const TEST_SITE = "https://news.example.org";

export interface SiteBuild {
  readonly outDir: string;
}

export interface BuildOptions {
  /** Where `dist/` goes. */
  readonly outDir: string;
  /** A folder with `articles/` and `appeals/`; the site's own content when omitted. */
  readonly contentDir?: string;
  /** `SITE_URL`: the test site when omitted; `null` builds without one (as a newcomer's first build). */
  readonly site?: string | null;
  readonly base?: string;
  /** Astro's cache (its content store lives here); a new empty one when omitted. */
  readonly cacheDir?: string;
}

/**
 * Builds the real site with Astro's programmatic `build()`. Settings the
 * site reads from the environment are set for the duration of the build.
 */
export async function buildSite(options: BuildOptions): Promise<SiteBuild> {
  // Exactly these settings, whatever the environment the tests run in: an unset one is removed.
  const env = {
    CONTENT_DIR: options.contentDir && resolve(options.contentDir),
    SITE_URL: options.site === null ? undefined : (options.site ?? TEST_SITE),
    BASE_PATH: options.base,
    ASTRO_TELEMETRY_DISABLED: "1",
  };
  await withEnv(env, async () =>
    build({
      root: ROOT,
      outDir: options.outDir,
      // A cache of its own, so that builds of different content never share a data store.
      cacheDir: options.cacheDir ?? (await mkdtemp(join(tmpdir(), "astro-cache-"))),
      logLevel: "error",
      vite: { logLevel: "error" },
    }),
  );
  // As `npm run build` does after Astro's build.
  await indexSite(options.outDir);
  return { outDir: options.outDir };
}

/**
 * Builds the benchmark's baseline, Astro's stock Markdown blog pipeline, from a
 * corpus that `bench/generate.ts` wrote.
 */
export async function buildMarkdownBaseline(options: { outDir: string; corpusDir: string }): Promise<void> {
  await withEnv({ BENCH_CORPUS: resolve(options.corpusDir) }, async () =>
    build({
      root: join(ROOT, "bench/markdown-baseline"),
      outDir: options.outDir,
      cacheDir: await mkdtemp(join(tmpdir(), "astro-cache-")),
      logLevel: "error",
      vite: { logLevel: "error" },
    }),
  );
}

/**
 * Runs `action` with these environment variables set (or removed, where
 * undefined), and puts the environment back as it was afterwards.
 */
export async function withEnv<T>(
  env: Readonly<Record<string, string | undefined>>,
  action: () => Promise<T>,
): Promise<T> {
  const assign = (values: Readonly<Record<string, string | undefined>>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  assign(env);
  try {
    return await action();
  } finally {
    assign(saved);
  }
}

/** Reads a built page, given its URL path below the site root (e.g. "articles/x/"). */
export async function readPage(outDir: string, urlPath: string): Promise<string> {
  const file = urlPath.endsWith("/") || urlPath === "" ? join(urlPath, "index.html") : urlPath;
  return readFile(join(outDir, file), "utf8");
}

// The `build` and `browser` projects both read the site's own build, and
// each runs its global setup in the same process: the first starts the
// build, the second waits for that same one.
const SITE_BUILD = Symbol.for("plain-news.siteBuild");

/** Builds the site's own content once per test run, into `tests/.output/site`. */
export function buildOwnSiteOnce(): Promise<string> {
  const holder = globalThis as { [SITE_BUILD]?: Promise<string> };
  holder[SITE_BUILD] ??= (async () => {
    const outDir = join(OUTPUT, "site");
    await rm(outDir, { recursive: true, force: true });
    await buildSite({ outDir });
    return outDir;
  })();
  return holder[SITE_BUILD];
}
