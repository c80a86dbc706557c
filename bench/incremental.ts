// `npm run bench -- --incremental --articles N`: `npm run build` of N generated
// articles, incrementally (docs/incremental.md): a cold build with an empty
// cache beside today's full build (--no-incremental), then, each from the
// build before it, a rebuild with no change, with one new article, with one
// edited body and with the appeal edited. Prints a table and one JSON line.
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { APPEAL_ID, generateArticle, toPlainText, writeCorpus } from "../tools/corpus.ts";
import { measure, type Measured } from "./sampler.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BUILD_SCRIPT = join(ROOT, "scripts/build.ts");
const MB = 1024 * 1024;

/** The goals at 10,000 articles, in seconds of wall time. */
const GOALS: Record<string, string> = {
  "no change": "≤ 2.5 s",
  "one new article": "≤ 3 s (≤ 10 s at 100,000)",
  "one body edited": "≤ 3 s (≤ 10 s at 100,000)",
  "cold, empty cache": "no slower than today's",
};

export interface IncrementalOptions {
  readonly articles: number;
  readonly runs: number;
  readonly seed: number;
  /** Where the corpus, the output and the cache go (memory: /dev/shm). */
  readonly work: string;
  readonly searchIndex: boolean;
}

interface Case extends Measured {
  readonly name: string;
  readonly pages: number;
  readonly rendered: number;
}

/** The HTML pages under a folder, and when each was last written. */
async function pages(dir: string): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(".html")) {
      const path = join(entry.parentPath, entry.name);
      found.set(path.slice(dir.length), (await stat(path)).mtimeMs);
    }
  }
  return found;
}

/** Appends to one line of a file. */
async function appendToLine(file: string, line: (lines: string[]) => number, text: string): Promise<void> {
  const lines = (await readFile(file, "utf8")).split("\n");
  const at = line(lines);
  lines[at] = `${lines[at]}${text}`;
  await writeFile(file, lines.join("\n"));
}

export async function benchIncremental(options: IncrementalOptions): Promise<void> {
  const { work, articles } = options;
  const corpus = await writeCorpus(join(work, "corpus"), articles, options.seed);
  const out = join(work, "out");
  const cache = join(work, "cache");
  const env = {
    CONTENT_DIR: corpus.contentDir,
    SITE_URL: "https://news.example.org",
    ASTRO_TELEMETRY_DISABLED: "1",
  };
  const build = async (name: string, extra: string[] = []): Promise<Case> => {
    const before = await pages(join(cache, "dist")).catch(() => new Map<string, number>());
    const argv = [BUILD_SCRIPT, "--root", ROOT, "--outDir", out, "--cacheDir", cache, ...extra];
    if (!options.searchIndex) argv.push("--no-search-index");
    const measured = await measure(
      process.execPath,
      argv,
      env,
      join(work, `${name.replaceAll(" ", "-")}.log`),
    );
    const built = await pages(out);
    const cached = await pages(join(cache, "dist")).catch(() => new Map<string, number>());
    // Reused: a keyed page whose cached copy was not written again.
    const reused = [...cached].filter(([page, written]) => before.get(page) === written).length;
    const result = { ...measured, name, pages: built.size, rendered: built.size - reused };
    console.error(
      `  ${name}: ${(result.wallMs / 1000).toFixed(2)} s, cpu ${result.cpuUser} user + ${result.cpuSystem} kernel s, ` +
        `${((result.peakRssBytes ?? 0) / MB).toFixed(0)} MB, ${result.rendered} of ${result.pages} pages rendered`,
    );
    return result;
  };
  const results: Case[] = [];
  for (let run = 1; run <= options.runs; run++) {
    console.error(`run ${run}:`);
    await rm(cache, { recursive: true, force: true });
    results.push(await build("cold, today's full build", ["--no-incremental"]));
    await rm(cache, { recursive: true, force: true });
    results.push(await build("cold, empty cache"));
    results.push(await build("no change"));
    // Published after every other article, as news is: it joins the lists' newest pages.
    const article = {
      ...generateArticle(articles + run - 1, options.seed + 1),
      published: "2030-01-01T12:00:00+03:00",
    };
    const added = join(corpus.contentDir, "articles", `${article.slug}.txt`);
    await writeFile(added, toPlainText(article));
    results.push(await build("one new article"));
    // Its last paragraph: the content store does not hold it.
    await appendToLine(added, (lines) => lines.length - 2, " Corrected.");
    results.push(await build("one body edited"));
    const appeal = join(corpus.contentDir, "appeals", `${APPEAL_ID}.txt`);
    await appendToLine(appeal, (lines) => lines.indexOf("---", 1) + 2, " Again,");
    results.push(await build("the appeal edited"));
    await rm(added);
  }
  const names = [...new Set(results.map((result) => result.name))];
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const rows = names.map((name) => {
    const runs = results.filter((result) => result.name === name);
    return {
      name,
      wallSeconds: median(runs.map((run) => run.wallMs)) / 1000,
      cpuUser: median(runs.map((run) => run.cpuUser ?? 0)),
      cpuSystem: median(runs.map((run) => run.cpuSystem ?? 0)),
      peakRssMB: median(runs.map((run) => run.peakRssBytes ?? 0)) / MB,
      rendered: runs[0]!.rendered,
      pages: runs[0]!.pages,
    };
  });
  const cacheMB = Number(
    (await import("node:child_process")).execSync(`du -sm ${cache}`).toString().split("\t")[0],
  );
  console.log(
    `\n${articles} articles, ${options.runs} run(s), medians; search index ${options.searchIndex ? "included" : "left out"}; cache ${cacheMB} MB\n`,
  );
  console.log("| build | wall s | user s | kernel s | peak MB | pages rendered | goal |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const row of rows) {
    console.log(
      `| ${row.name} | ${row.wallSeconds.toFixed(2)} | ${row.cpuUser.toFixed(1)} | ${row.cpuSystem.toFixed(1)} | ` +
        `${row.peakRssMB.toFixed(0)} | ${row.rendered} of ${row.pages} | ${GOALS[row.name] ?? ""} |`,
    );
  }
  console.log(
    JSON.stringify({ articles, runs: options.runs, searchIndex: options.searchIndex, cacheMB, rows }),
  );
}
