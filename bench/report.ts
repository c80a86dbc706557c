import { cpus } from "node:os";
import type { BenchOptions } from "./args.ts";
import type { Measured } from "./sampler.ts";
import { LABELS, type SystemName } from "./systems.ts";

/** The goals, for 10,000 articles on a 2-core machine. */
const GOALS = {
  wallSeconds: 10,
  peakRssMB: 800,
  scalingRatio: 10,
  fasterThanMarkdown: 4,
  leanerThanMarkdown: 3,
  hugoRatio: 1.5,
};

const MB = 1024 * 1024;

export interface Run extends Measured {
  readonly distBytes: number;
  readonly pages: number;
  /** 1-minute load average just before the run. */
  readonly load: number;
  /** Share of the last 10 s in which some task waited on I/O, before the run (Linux PSI). */
  readonly ioPressure: number | null;
}

/** The medians of one system's runs at one size. */
export interface Result {
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

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** One line for a run, as it finishes. */
export const describeRun = (run: Run): string =>
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

/** The medians of a system's runs at one size. */
export function summarize(system: SystemName, articles: number, runs: readonly Run[]): Result {
  const medianOf = (value: (run: Run) => number | null) => {
    const values = runs.map(value);
    return values.includes(null) ? null : median(values as number[]);
  };
  const rss = medianOf((run) => run.peakRssBytes);
  return {
    system,
    articles,
    runs,
    wallMs: median(runs.map((run) => run.wallMs)),
    cpuUser: medianOf((run) => run.cpuUser),
    cpuSystem: medianOf((run) => run.cpuSystem),
    peakRssMB: rss === null ? null : rss / MB,
    distMB: median(runs.map((run) => run.distBytes)) / MB,
    pages: runs[0]!.pages,
  };
}

/** Prints the table, the marginal cost per article, the goals and one JSON line. */
export function printReport(results: readonly Result[], options: BenchOptions, hugo: boolean): void {
  const { sizes, systems, runs: runCount, seed } = options;
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
      result.runs
        .map((run) => (run.ioPressure === null ? "n/a" : (run.ioPressure * 100).toFixed(0)))
        .join(" "),
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
  const hugoResult = find("hugo", largest);
  const ratio = (a: number | null | undefined, b: number | null | undefined) => (a && b ? a / b : null);
  const ratios = {
    scaling: largest > smallest ? ratio(ours?.wallMs, small?.wallMs) : null,
    fasterThanMarkdown: ratio(stock?.wallMs, ours?.wallMs),
    leanerThanMarkdown: ratio(stock?.peakRssMB, ours?.peakRssMB),
    timeVsHugo: ratio(ours?.wallMs, hugoResult?.wallMs),
    memoryVsHugo: ratio(ours?.peakRssMB, hugoResult?.peakRssMB),
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
  goal(
    `time ${largest}/${smallest} (≤ ${GOALS.scalingRatio})`,
    ratios.scaling,
    (v) => v <= GOALS.scalingRatio,
  );
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
      hugo,
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
}
