// `npm run bench -- --articles N`: builds the site from N generated articles,
// and the same articles with Astro's stock Markdown pipeline (and Hugo, when it
// is installed), cold, a few times each; prints a table and one JSON line.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, openSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeCorpus, type Corpus } from "../tools/corpus.ts";
import { writeHugoSite } from "./hugo.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BASELINE_ROOT = join(ROOT, "bench/markdown-baseline");
const ASTRO = join(ROOT, "node_modules/astro/bin/astro.mjs");
/** What `npm run build` runs: the site is measured as it is built. */
const BUILD_SCRIPT = join(ROOT, "scripts/build.ts");

/** The goals from issue 7, for 10,000 articles on a 2-core machine. */
const GOALS = {
  wallSeconds: 10,
  peakRssMB: 800,
  scalingRatio: 10,
  fasterThanMarkdown: 4,
  leanerThanMarkdown: 3,
  hugoRatio: 1.5,
};

type SystemName = "plain" | "markdown" | "hugo";

interface Run {
  readonly wallMs: number;
  readonly peakRssBytes: number | null;
  readonly distBytes: number;
  readonly pages: number;
  /** CPU seconds of the process tree in user space and in the kernel (Linux only). */
  readonly cpuUser: number | null;
  readonly cpuSystem: number | null;
  /** 1-minute load average just before the run. */
  readonly load: number;
  /** Share of the last 10 s in which some task waited on I/O, before the run (Linux PSI). */
  readonly ioPressure: number | null;
}

interface Result {
  readonly system: SystemName;
  readonly articles: number;
  readonly runs: readonly Run[];
  readonly wallMs: number;
  readonly cpuUser: number | null;
  readonly cpuSystem: number | null;
  readonly peakRssMB: number | null;
  readonly distMB: number;
  readonly pages: number;
}

const { values: args } = parseArgs({
  options: {
    articles: { type: "string", multiple: true },
    runs: { type: "string", default: "3" },
    seed: { type: "string", default: "1" },
    systems: { type: "string", default: "plain,markdown,hugo" },
    keep: { type: "boolean", default: false },
  },
});
const sizes = (args.articles ?? ["1000", "10000"]).flatMap((value) => value.split(",")).map(Number);
const runCount = Number(args.runs);
const seed = Number(args.seed);
const hugoInstalled = spawnSync("hugo", ["version"], { stdio: "ignore" }).status === 0;
const systems = args.systems
  .split(",")
  .filter((name): name is SystemName => ["plain", "markdown", "hugo"].includes(name))
  .filter((name) => name !== "hugo" || hugoInstalled);
if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !(runCount >= 1)) {
  throw new Error("usage: npm run bench -- [--articles N]... [--runs 3] [--systems plain,markdown,hugo]");
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const MB = 1024 * 1024;

/** The pids of a process and all its descendants (Linux /proc; empty elsewhere). */
function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${tree[i]}/task`)) {
        const children = readFileSync(`/proc/${tree[i]}/task/${task}/children`, "utf8");
        tree.push(...children.split(" ").filter(Boolean).map(Number));
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return tree;
}

const TICKS_PER_SECOND = 100;

/** User and kernel CPU seconds a process has used, or undefined once it is gone. */
function cpuOf(pid: number): { user: number; system: number } | undefined {
  try {
    // Fields after the parenthesized name: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return { user: Number(fields[11]) / TICKS_PER_SECOND, system: Number(fields[12]) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

/** The share of the last 10 s in which some task waited on I/O, or null without Linux PSI. */
function ioPressure(): number | null {
  try {
    return Number(/^some avg10=([\d.]+)/u.exec(readFileSync("/proc/pressure/io", "utf8"))?.[1]) / 100;
  } catch {
    return null;
  }
}

/** VmRSS and VmHWM (peak) of a process in bytes, or undefined once it is gone. */
function memoryOf(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kB = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "mu").exec(status)?.[1] ?? 0);
    return { rss: kB("VmRSS") * 1024, hwm: kB("VmHWM") * 1024 };
  } catch {
    return undefined;
  }
}

/**
 * Runs a command to completion and measures its wall time, the CPU time of its
 * process tree, and the tree's peak memory: the largest sum of resident memory
 * over all its processes, sampled every 10 ms, or the largest single process's
 * own peak (VmHWM, kept by the kernel) if that is higher.
 */
async function measure(command: string, argv: string[], env: NodeJS.ProcessEnv, log: string) {
  const out = openSync(log, "w");
  const start = performance.now();
  const child = spawn(command, argv, { env: { ...process.env, ...env }, stdio: ["ignore", out, out] });
  const hasProc = memoryOf(process.pid) !== undefined;
  let peak = 0;
  // The last CPU times seen per process: a process's own count only grows.
  const cpu = new Map<number, { user: number; system: number }>();
  const sample = () => {
    let sum = 0;
    for (const pid of processTree(child.pid!)) {
      const memory = memoryOf(pid);
      const times = cpuOf(pid);
      if (times) cpu.set(pid, times);
      if (!memory) continue;
      sum += memory.rss;
      peak = Math.max(peak, memory.hwm);
    }
    peak = Math.max(peak, sum);
  };
  const timer = setInterval(sample, 10);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  const wallMs = performance.now() - start;
  clearInterval(timer);
  closeSync(out);
  if (code !== 0) {
    const tail = readFileSync(log, "utf8").split("\n").slice(-30).join("\n");
    throw new Error(`${command} ${argv.join(" ")} exited with ${code}; log ${log}:\n${tail}`);
  }
  const total = (key: "user" | "system") => [...cpu.values()].reduce((sum, times) => sum + times[key], 0);
  return {
    wallMs,
    peakRssBytes: hasProc ? peak : null,
    cpuUser: hasProc ? total("user") : null,
    cpuSystem: hasProc ? total("system") : null,
  };
}

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

/** What one cold build of a system needs: the command, and the caches to clear first. */
function buildCommand(system: SystemName, corpus: Corpus, work: string, out: string) {
  const astroCaches = (root: string) =>
    [".astro", "node_modules/.astro", "node_modules/.vite"].map((dir) => join(root, dir));
  switch (system) {
    case "plain":
      return {
        command: process.execPath,
        argv: [BUILD_SCRIPT, "--root", ROOT, "--outDir", out],
        env: { CONTENT_DIR: corpus.contentDir, ASTRO_TELEMETRY_DISABLED: "1" },
        caches: astroCaches(ROOT),
      };
    case "markdown":
      return {
        command: process.execPath,
        argv: [ASTRO, "build", "--root", BASELINE_ROOT, "--outDir", out],
        env: { BENCH_CORPUS: work, ASTRO_TELEMETRY_DISABLED: "1" },
        caches: astroCaches(BASELINE_ROOT),
      };
    case "hugo":
      return {
        command: "hugo",
        argv: ["--source", join(work, "hugo"), "--destination", out, "--cacheDir", join(work, "hugo-cache")],
        env: {},
        caches: [join(work, "hugo-cache"), join(work, "hugo", "resources")],
      };
  }
}

const describeRun = (run: Run) =>
  [
    `${(run.wallMs / 1000).toFixed(2)} s`,
    run.cpuUser === null
      ? undefined
      : `cpu ${run.cpuUser.toFixed(1)} user + ${run.cpuSystem!.toFixed(1)} kernel s`,
    run.peakRssBytes === null ? undefined : `${(run.peakRssBytes / MB).toFixed(0)} MB`,
    `load ${run.load.toFixed(2)}`,
    run.ioPressure === null ? undefined : `io pressure ${(run.ioPressure * 100).toFixed(0)}%`,
  ]
    .filter(Boolean)
    .join(", ");

async function benchSize(articles: number): Promise<Result[]> {
  const work = await mkdtemp(join(tmpdir(), `plain-news-bench-${articles}-`));
  const corpus = await writeCorpus(work, articles, seed);
  if (systems.includes("hugo")) await writeHugoSite(join(work, "hugo"), corpus);
  await mkdir(join(work, "logs"));
  console.error(
    `${articles} articles: ${(corpus.words / articles).toFixed(0)} words and ` +
      `${(corpus.bytes / articles / 1024).toFixed(1)} KiB each on average, in ${work}`,
  );
  const runs = new Map<SystemName, Run[]>(systems.map((system) => [system, []]));
  // Runs take turns, so that a burst of load from elsewhere hits every system alike.
  for (let round = 1; round <= runCount; round++) {
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
  if (!args.keep) await rm(work, { recursive: true, force: true });
  const medianOf = (list: readonly Run[], value: (run: Run) => number | null) => {
    const values = list.map(value);
    return values.includes(null) ? null : median(values as number[]);
  };
  return systems.map((system) => {
    const list = runs.get(system)!;
    const rss = medianOf(list, (run) => run.peakRssBytes);
    return {
      system,
      articles,
      runs: list,
      wallMs: median(list.map((run) => run.wallMs)),
      cpuUser: medianOf(list, (run) => run.cpuUser),
      cpuSystem: medianOf(list, (run) => run.cpuSystem),
      peakRssMB: rss === null ? null : rss / MB,
      distMB: median(list.map((run) => run.distBytes)) / MB,
      pages: list[0]!.pages,
    };
  });
}

const results: Result[] = [];
for (const size of sizes) results.push(...(await benchSize(size)));

const LABELS: Record<SystemName, string> = {
  plain: "plain text (this site)",
  markdown: "Astro Markdown (glob + render)",
  hugo: "Hugo (Markdown)",
};
const find = (system: SystemName, articles: number) =>
  results.find((result) => result.system === system && result.articles === articles);
const smallest = Math.min(...sizes);
const largest = Math.max(...sizes);
const marginal = (system: SystemName) => {
  const small = find(system, smallest);
  const large = find(system, largest);
  return small && large && largest > smallest ? (large.wallMs - small.wallMs) / (largest - smallest) : null;
};
const seconds = (value: number | null) => (value === null ? "n/a" : value.toFixed(1));

const rows = [
  [
    "articles",
    "build",
    "wall s",
    "cpu user s",
    "cpu kernel s",
    "peak RSS MB",
    "dist MB",
    "pages",
    "load 1m",
    "io %",
  ],
  ...results.map((result) => [
    String(result.articles),
    LABELS[result.system],
    (result.wallMs / 1000).toFixed(2),
    seconds(result.cpuUser),
    seconds(result.cpuSystem),
    result.peakRssMB === null ? "n/a" : result.peakRssMB.toFixed(0),
    result.distMB.toFixed(1),
    String(result.pages),
    result.runs.map((run) => run.load.toFixed(1)).join(" "),
    result.runs.map((run) => (run.ioPressure === null ? "n/a" : (run.ioPressure * 100).toFixed(0))).join(" "),
  ]),
];
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
console.log();
for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  "));
console.log(
  `median of ${runCount} cold runs each; cpu: user and kernel time of the build's processes; ` +
    "load 1m and io % (share of the last 10 s some task waited on I/O) before each run",
);

const ours = find("plain", largest);
const small = find("plain", smallest);
const stock = find("markdown", largest);
const hugo = find("hugo", largest);
const ratio = (a: number | null | undefined, b: number | null | undefined) => (a && b ? a / b : null);
const ratios = {
  scaling: largest > smallest ? ratio(ours?.wallMs, small?.wallMs) : null,
  fasterThanMarkdown: ratio(stock?.wallMs, ours?.wallMs),
  leanerThanMarkdown: ratio(stock?.peakRssMB, ours?.peakRssMB),
  timeVsHugo: ratio(ours?.wallMs, hugo?.wallMs),
  memoryVsHugo: ratio(ours?.peakRssMB, hugo?.peakRssMB),
};

if (largest > smallest) {
  console.log(`marginal cost, (t(${largest}) - t(${smallest})) / ${largest - smallest}:`);
  for (const system of systems) {
    console.log(`  ${LABELS[system]}: ${marginal(system)?.toFixed(3) ?? "n/a"} ms/article`);
  }
}
const goal = (label: string, value: number | null | undefined, ok: (value: number) => boolean) =>
  console.log(
    `  ${label}: ${value == null ? "n/a" : `${value.toFixed(2)} (${ok(value) ? "met" : "missed"})`}`,
  );
console.log(`goals at ${largest} articles (set for 10,000):`);
goal(`wall s (≤ ${GOALS.wallSeconds})`, ours && ours.wallMs / 1000, (v) => v <= GOALS.wallSeconds);
goal(`peak RSS MB (≤ ${GOALS.peakRssMB})`, ours?.peakRssMB, (v) => v <= GOALS.peakRssMB);
goal(`time ${largest}/${smallest} (≤ ${GOALS.scalingRatio})`, ratios.scaling, (v) => v <= GOALS.scalingRatio);
goal(
  `× faster than Astro Markdown (≥ ${GOALS.fasterThanMarkdown})`,
  ratios.fasterThanMarkdown,
  (v) => v >= GOALS.fasterThanMarkdown,
);
goal(
  `× leaner than Astro Markdown (≥ ${GOALS.leanerThanMarkdown})`,
  ratios.leanerThanMarkdown,
  (v) => v >= GOALS.leanerThanMarkdown,
);
goal(`time / Hugo (≤ ${GOALS.hugoRatio})`, ratios.timeVsHugo, (v) => v <= GOALS.hugoRatio);
goal("memory / Hugo (no goal)", ratios.memoryVsHugo, () => true);

console.log(
  JSON.stringify({
    bench: "plain-news",
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    seed,
    runs: runCount,
    hugo: hugoInstalled,
    results: results.map(({ runs, ...result }) => ({
      ...result,
      runsMs: runs.map((run) => Math.round(run.wallMs)),
      load: runs.map((run) => run.load),
      ioPressure: runs.map((run) => run.ioPressure),
    })),
    marginalMsPerArticle: Object.fromEntries(systems.map((system) => [system, marginal(system)])),
    ratios,
  }),
);
