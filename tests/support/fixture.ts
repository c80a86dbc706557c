import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "astro";
import { startStaticServer, type StaticServer, type StaticServerOptions } from "../../tools/server.ts";
import { renderCaseFiles } from "../fixtures/corpus.ts";
import { type ContentFiles, writeContent } from "./content.ts";
import { OUTPUT, ROOT } from "./paths.ts";

// One helper for every site the tests build, in the style of Astro's own
// test utilities: name a fixture, build it once, read its files, serve it.

/** The `SITE_URL` of test builds. */
export const TEST_SITE = "https://news.example.org";

export interface FixtureOptions {
  /** Names the fixture; it is built into `tests/.output/<name>/`. */
  readonly name: string;
  /** A content folder, or files to write into a new one; the site's own content when omitted. */
  readonly content?: string | ContentFiles;
  /** `SITE_URL`: the test site when omitted; `null` builds without one (as a newcomer's first build). */
  readonly site?: string | null;
  readonly base?: string;
  /** Astro's cache (its content store lives here); a new empty one when omitted. */
  readonly cacheDir?: string;
  /** Another Astro project to build instead of the site (the bench's Markdown baseline). */
  readonly root?: string;
  /** More environment variables for the build. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface Fixture {
  readonly outDir: string;
  /** Builds the fixture; later calls in the same process wait for the same build. */
  build(): Promise<void>;
  /** A built file, by its URL path below the site root: "" is the home page, "articles/x/" an article. */
  readFile(urlPath: string): Promise<string>;
  /** Serves the build on a loopback port, as a static host would. */
  serve(options?: StaticServerOptions): Promise<StaticServer>;
}

// The build and browser groups run their global setups in one process: a
// fixture both need is built by the first and awaited by the second.
const BUILDS = Symbol.for("plain-news.fixtureBuilds");
const builds = ((globalThis as { [BUILDS]?: Map<string, Promise<void>> })[BUILDS] ??= new Map());

export function loadFixture(options: FixtureOptions): Fixture {
  const outDir = join(OUTPUT, options.name);
  return {
    outDir,
    build() {
      let building = builds.get(options.name);
      if (building === undefined) {
        building = buildFixture(outDir, options);
        builds.set(options.name, building);
      }
      return building;
    },
    readFile(urlPath) {
      const file = urlPath.endsWith("/") || urlPath === "" ? join(urlPath, "index.html") : urlPath;
      return readFile(join(outDir, file), "utf8");
    },
    serve: (serverOptions = { gzip: true }) => startStaticServer(outDir, serverOptions),
  };
}

/** The site's own content, built once per test run. */
export const ownSite = loadFixture({ name: "site" });

/** The hostile corpus (tests/fixtures/corpus.ts) built as one site, once per test run. */
export const hostileSite = loadFixture({ name: "hostile-site", content: { articles: renderCaseFiles() } });

/**
 * A right-to-left edition: two Persian articles and a Persian appeal, one
 * article the translation of an English one, built under a base path.
 */
export const rtlSite = loadFixture({
  name: "rtl-site",
  content: join(ROOT, "tests/fixtures/rtl"),
  base: "/news/",
});

/** Where the browser group's global setup writes the generated archive's corpus before building it. */
export const LIST_SITE_CORPUS = join(OUTPUT, "list-site-corpus");

/** A generated archive with several list pages, for the browser group. */
export const listSite = loadFixture({ name: "list-site", content: join(LIST_SITE_CORPUS, "content") });

/**
 * Builds a fixture that must fail, and returns the build's error message: what
 * reaches the publisher. Each such fixture needs a name of its own, since a
 * fixture is built once per name.
 */
export async function buildError(options: FixtureOptions): Promise<string> {
  const error = await loadFixture(options)
    .build()
    .then(
      () => undefined,
      (reason: unknown) => reason,
    );
  if (!(error instanceof Error)) throw new Error(`fixture "${options.name}" built, but it has bad input`);
  return error.message;
}

/**
 * Builds with Astro's programmatic `build()`, search index included. Settings the site reads from the environment are set for the
 * duration of the build.
 */
async function buildFixture(outDir: string, options: FixtureOptions): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  const content = typeof options.content === "object" ? await writeContent(options.content) : options.content;
  // Exactly these settings, whatever the environment the tests run in: an unset one is removed.
  const env = {
    CONTENT_DIR: content && resolve(content),
    SITE_URL: options.site === null ? undefined : (options.site ?? TEST_SITE),
    BASE_PATH: options.base,
    ASTRO_TELEMETRY_DISABLED: "1",
    ...options.env,
  };
  await withEnv(env, async () =>
    build({
      root: options.root ?? ROOT,
      outDir,
      // A cache of its own, so that builds of different content never share a data store.
      cacheDir: options.cacheDir ?? (await mkdtemp(join(tmpdir(), "astro-cache-"))),
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
