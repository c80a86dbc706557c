// `npm run build`: Astro's own build of the site, with two settings that
// `astro build` cannot be given:
// - rolldown's allocator (mimalloc) returns freed memory at once and commits
//   memory as it is used, which lowers the build's peak memory;
// - Astro logs warnings and errors, not a line per page that nobody reads.
//   `npx astro build` still lists every page.
import module from "node:module";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { indexSite } from "../tools/searchIndex.ts";

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
    "search-index": { type: "boolean", default: true },
  },
  allowNegative: true,
});
const { build } = await import("astro");

const started = performance.now();
try {
  await build({
    logLevel: "warn",
    ...(values.root !== undefined && { root: values.root }),
    ...(values.outDir !== undefined && { outDir: values.outDir }),
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const outDir = resolve(values.root ?? ".", values.outDir ?? "dist");
const astroSeconds = (performance.now() - started) / 1000;
if (!values["search-index"]) {
  console.log(`Built the site into ${outDir} in ${astroSeconds.toFixed(1)} s, without its search index.`);
} else {
  try {
    const { pages } = await indexSite(outDir);
    const indexSeconds = (performance.now() - started) / 1000 - astroSeconds;
    console.log(
      `Built the site into ${outDir} in ${astroSeconds.toFixed(1)} s, ` +
        `and its search index of ${pages} article ${pages === 1 ? "page" : "pages"} in ${indexSeconds.toFixed(1)} s.`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
