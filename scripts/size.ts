// Reports each page's weight as a browser receives it: the HTML with all its
// inlined CSS and JS, gzip-compressed as a static host would serve it.
// Usage: npm run size [-- dist-dir]. Exits non-zero past the budget.
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { PAGE_BUDGET, SCRIPT_BUDGET, htmlFiles, measurePage } from "../tools/pageWeight.ts";

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
