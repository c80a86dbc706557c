// `npm run build`: Astro's own build of the site, with two settings that
// `astro build` cannot be given:
// - rolldown's allocator (mimalloc) returns freed memory at once and commits
//   memory as it is used, which lowers the build's peak memory;
// - Astro logs warnings and errors, not a line per page that nobody reads.
//   `npx astro build` still lists every page.
import module from "node:module";
import { resolve } from "node:path";
import { parseArgs } from "node:util";

// mimalloc reads these when rolldown's native binding loads: before Astro is imported.
process.env["MIMALLOC_ARENA_EAGER_COMMIT"] ??= "0";
process.env["MIMALLOC_PURGE_DELAY"] ??= "0";
// As Astro's own command does: later builds load its modules faster.
if (!process.env["CI"]) module.enableCompileCache?.();

const { values } = parseArgs({ options: { outDir: { type: "string" }, root: { type: "string" } } });
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
console.log(`Built the site into ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
