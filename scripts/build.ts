// `npm run build`: Astro's own build of the site, with two settings that
// `astro build` cannot be given:
// - rolldown's allocator (mimalloc) returns freed memory at once and commits
//   memory as it is used, which lowers the build's peak memory;
// - Astro logs warnings and errors, not a line per page that nobody reads.
//   `npx astro build` still lists every page;
// - incremental: pages whose keys are unchanged since the last build are
//   reused from Astro's cache (docs/incremental.md); --no-incremental renders
//   every page and neither reads nor writes that cache, --force renders every
//   page and writes a fresh cache.
import module from "node:module";
import { resolve } from "node:path";
import { parseArgs } from "node:util";

// mimalloc reads these when rolldown's native binding loads: before Astro is imported.
process.env["MIMALLOC_ARENA_EAGER_COMMIT"] ??= "0";
process.env["MIMALLOC_PURGE_DELAY"] ??= "0";
// As Astro's own command does: later builds load its modules faster.
if (!process.env["CI"]) module.enableCompileCache?.();

const { values } = parseArgs({
  // --no-search-index: Astro's build alone (the benchmark compares the two).
  options: {
    outDir: { type: "string" },
    root: { type: "string" },
    cacheDir: { type: "string" },
    incremental: { type: "boolean", default: true },
    force: { type: "boolean", default: false },
    "search-index": { type: "boolean", default: true },
  },
  allowNegative: true,
});
// Read by the search-index integration (src/integrations/searchIndex.ts).
if (!values["search-index"]) process.env["SEARCH_INDEX"] = "off";
const { buildSite } = await import("../tools/siteBuild.ts");

const started = performance.now();
try {
  await buildSite({
    logLevel: "warn",
    root: values.root,
    outDir: values.outDir,
    cacheDir: values.cacheDir,
    incremental: values.incremental,
    force: values.force,
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const outDir = resolve(values.root ?? ".", values.outDir ?? "dist");
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const what = values["search-index"] ? "the site and its search index" : "the site, without its search index,";
console.log(`Built ${what} into ${outDir} in ${seconds} s.`);
