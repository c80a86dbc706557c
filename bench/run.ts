// `npm run bench -- --articles N`: builds the site from N generated articles,
// and the same articles with Astro's stock Markdown pipeline (and Hugo, when it
// is installed), cold, a few times each; prints a table and one JSON line.
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { existsSync } from "node:fs";
import { writeCorpus } from "../tools/corpus.ts";
import { USAGE, parseBenchArgs, type BenchOptions } from "./args.ts";
import { writeHugoSite } from "./hugo.ts";
import { benchIncremental } from "./incremental.ts";
import { describeRun, printReport, summarize, type Result, type Run } from "./report.ts";
import { ioPressure, measure } from "./sampler.ts";
import { buildCommand, hugoInstalled, type SystemName } from "./systems.ts";

const SETTLE_MS = 3000;

/**
 * Lets the machine go quiet before a run, as `hyperfine --prepare "sync; sleep 3"`
 * would: what earlier runs and deletions left for the disk is written out
 * first, so that a build is not charged for the writes of the one before it.
 */
async function settle(): Promise<void> {
  spawnSync("sync");
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

/** Total bytes and the number of HTML pages under a folder. */
async function folderSize(dir: string): Promise<{ bytes: number; pages: number }> {
  let bytes = 0;
  let pages = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    if (entry.name.endsWith(".html")) pages++;
  }
  return { bytes, pages };
}

/** Builds a corpus of `articles` with every system, `options.runs` cold builds each. */
async function benchSize(articles: number, options: BenchOptions): Promise<Result[]> {
  const { systems } = options;
  const work = await mkdtemp(join(tmpdir(), `plain-news-bench-${articles}-`));
  const corpus = await writeCorpus(work, articles, options.seed);
  if (systems.includes("hugo")) await writeHugoSite(join(work, "hugo"), corpus);
  await mkdir(join(work, "logs"));
  console.error(
    `${articles} articles: ${(corpus.words / articles).toFixed(0)} words and ` +
      `${(corpus.bytes / articles / 1024).toFixed(1)} KiB each on average, in ${work}`,
  );
  const runs = new Map<SystemName, Run[]>(systems.map((system) => [system, []]));
  // Runs take turns, so that a burst of load from elsewhere hits every system alike.
  for (let round = 1; round <= options.runs; round++) {
    for (const system of systems) {
      const out = join(work, `dist-${system}`);
      const { command, argv, env, caches } = buildCommand(system, corpus, work, out);
      await Promise.all([out, ...caches].map((dir) => rm(dir, { recursive: true, force: true })));
      await settle();
      const load = loadavg()[0]!;
      const io = ioPressure();
      const log = join(work, "logs", `${system}-${round}.log`);
      const measured = await measure(command, argv, env, log);
      const { bytes, pages } = await folderSize(out);
      if (pages < articles) {
        throw new Error(`${system} built ${pages} pages for ${articles} articles; see ${log}`);
      }
      const run: Run = { ...measured, distBytes: bytes, pages, load, ioPressure: io };
      runs.get(system)!.push(run);
      console.error(`  ${system} run ${round}: ${describeRun(run)}`);
      await rm(out, { recursive: true, force: true });
    }
  }
  if (!options.keep) await rm(work, { recursive: true, force: true });
  return systems.map((system) => summarize(system, articles, runs.get(system)!));
}

const parsed = parseBenchArgs(process.argv.slice(2));
if (parsed === undefined) {
  console.log(USAGE);
  process.exit(0);
}
if (parsed.incremental) {
  for (const articles of parsed.sizes) {
    const inMemory = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
    const work = parsed.work ?? (await mkdtemp(join(inMemory, `plain-news-incremental-${articles}-`)));
    await mkdir(work, { recursive: true });
    await benchIncremental({ ...parsed, articles, work });
    if (!parsed.keep) await rm(work, { recursive: true, force: true });
  }
  process.exit(0);
}
const hugo = hugoInstalled();
const options = { ...parsed, systems: parsed.systems.filter((name) => name !== "hugo" || hugo) };
const results: Result[] = [];
for (const size of options.sizes) results.push(...(await benchSize(size, options)));
printReport(results, options, hugo);
