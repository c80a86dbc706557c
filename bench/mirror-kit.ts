// `npm run bench:mirror-kit -- <dist folder> [runs]`: the mirror kit's post-build
// step alone (list dist/, read and hash every file, _headers, SHA256SUMS) on a
// built site, with the size of the _headers it writes. Rewrites the same files.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { mirrorKit } from "../src/integrations/mirrorKit.ts";
import { HEADERS_FILE } from "../src/lib/headers.ts";

const [dist, runs = "3", site = "https://news.example.org"] = process.argv.slice(2);
if (dist === undefined) {
  console.error("Usage: npm run bench:mirror-kit -- <dist folder> [runs] [SITE_URL it was built with]");
  process.exit(2);
}
const hooks = mirrorKit().hooks as Record<string, (options: unknown) => unknown>;
await hooks["astro:config:done"]?.({ config: { site, base: process.env["BASE_PATH"] ?? "/" } });
for (let run = 1; run <= Number(runs); run++) {
  const [started, cpu] = [performance.now(), process.cpuUsage()];
  await hooks["astro:build:done"]?.({ dir: pathToFileURL(`${dist}/`) });
  const { user, system } = process.cpuUsage(cpu);
  console.log(
    `run ${run}: ${(performance.now() - started).toFixed(0)} ms wall, ${((user + system) / 1000).toFixed(0)} ms CPU`,
  );
}
const headers = readFileSync(join(dist, HEADERS_FILE), "utf8");
const rules = headers.split("\n").filter((line) => line.startsWith("/")).length;
console.log(`${HEADERS_FILE}: ${Buffer.byteLength(headers)} bytes, ${rules} rules`);
