// `npm run bench:package -- --articles 10000`: writes the generated archive,
// builds it as `npm run bench` does, then measures `npm run package` on it
// (wall, CPU and peak memory of its process tree, zimwriterfs included) and
// prints the sizes of dist/, the zip and the ZIM.
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeCorpus } from "../tools/corpus.ts";
import { measure } from "./sampler.ts";
import { buildCommand } from "./systems.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const USAGE = "usage: npm run bench:package -- [--articles 10000] [--seed 1] [--keep]";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
    keep: { type: "boolean", default: false },
  },
});
const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 1) throw new Error(USAGE);

const work = await mkdtemp(join(tmpdir(), "plain-news-bench-package-"));
const bytes = (value: number) => `${value.toLocaleString("en")} bytes`;

try {
  const corpus = await writeCorpus(work, articles, Number(values.seed));
  await mkdir(join(work, "logs"));
  const dist = join(work, "dist");
  const build = buildCommand("plain", corpus, work, dist);
  await measure(build.command, build.argv, build.env, join(work, "logs", "build.log"));
  const files = (await readdir(dist, { recursive: true, withFileTypes: true })).filter((entry) =>
    entry.isFile(),
  );
  const distBytes = (
    await Promise.all(files.map((entry) => stat(join(entry.parentPath, entry.name))))
  ).reduce((sum, info) => sum + info.size, 0);
  console.log(`${articles} articles; dist/: ${files.length} files, ${bytes(distBytes)}`);

  // The build's writes go to disk first, so that packaging is not charged for them.
  spawnSync("sync");
  const out = join(work, "out");
  const log = join(work, "logs", "package.log");
  const load = loadavg()[0]!;
  const run = await measure(
    process.execPath,
    [join(ROOT, "scripts/package.ts"), "--dist", dist, "--outDir", out],
    {},
    log,
  );
  console.log((await readFile(log, "utf8")).trim());
  const seconds = (value: number | null) => (value === null ? "?" : value.toFixed(1));
  console.log(
    `npm run package: ${(run.wallMs / 1000).toFixed(1)} s wall, ${seconds(run.cpuUser)} s user + ` +
      `${seconds(run.cpuSystem)} s kernel, peak ${
        run.peakRssBytes === null ? "?" : (run.peakRssBytes / 1024 / 1024).toFixed(0)
      } MB, load ${load.toFixed(2)} before`,
  );
  for (const name of await readdir(out)) console.log(`${name}: ${bytes((await stat(join(out, name))).size)}`);
} finally {
  if (values.keep) console.log(`Kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
