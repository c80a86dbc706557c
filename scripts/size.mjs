// Reports each page's weight as a browser receives it: the HTML with all its
// inlined CSS and JS, gzip-compressed as a static host would serve it.
// Usage: npm run size [-- dist-dir]. Exits non-zero past the budget.
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import * as cheerio from "cheerio";

/** A new connection's first round trip carries about 14.6 kB (10 TCP segments). */
export const PAGE_BUDGET = 14_600;
export const SCRIPT_BUDGET = 1_024;

// Level 6, the gzip default; many hosts use less, so the real figure may be a little higher.
const gzipped = (text) => gzipSync(text, { level: 6 }).length;

/** Sizes in bytes of one page: raw, gzipped, and its client JavaScript gzipped. */
export function measurePage(html) {
  const $ = cheerio.load(html);
  const scripts = $("script")
    .filter((_, script) => !/json/u.test($(script).attr("type") ?? ""))
    .map((_, script) => $(script).text())
    .get()
    .join("\n");
  return {
    raw: Buffer.byteLength(html),
    gzip: gzipped(html),
    scriptGzip: scripts === "" ? 0 : gzipped(scripts),
  };
}

/** Every .html file below a folder. */
export async function htmlFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function main() {
  const dir = process.argv[2] ?? "dist";
  const rows = [];
  for (const file of await htmlFiles(dir)) {
    rows.push({ page: relative(dir, file), ...measurePage(await readFile(file, "utf8")) });
  }
  if (rows.length === 0) {
    console.error(`no pages in ${dir}/: run npm run build first`);
    process.exit(1);
  }
  console.log(["page", "html bytes", "gzip bytes", "JS gzip bytes"].join("\t"));
  for (const row of rows) console.log([row.page, row.raw, row.gzip, row.scriptGzip].join("\t"));
  const over = rows.filter((row) => row.gzip > PAGE_BUDGET || row.scriptGzip > SCRIPT_BUDGET);
  console.log(`budget: ${PAGE_BUDGET} bytes gzipped per page, ${SCRIPT_BUDGET} bytes of JavaScript gzipped`);
  for (const row of over) console.error(`over budget: ${row.page}`);
  process.exit(over.length === 0 ? 0 : 1);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
