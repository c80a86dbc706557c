// Lighthouse on the built site, as a reader's phone would load it: mobile
// preset, served gzip-compressed from a loopback static server, on the same
// Chromium the browser tests use. Prints the four category scores and LCP,
// CLS and TBT per page (the median of three runs) and exits non-zero when any
// score is below 100.
// Usage: npm run audit [-- dist-dir [url-path ...]]   (after npm run build)
// URL paths are below the site root: "/" (or "") is the home page,
// "articles/<slug>/" an article.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import { findChromium } from "../tools/chromium.ts";
import { startStaticServer } from "../tools/server.ts";

const RUNS = 3;
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const METRICS = {
  LCP: "largest-contentful-paint",
  CLS: "cumulative-layout-shift",
  TBT: "total-blocking-time",
} as const;

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];

/** The home page and the first article, unless pages are named. */
async function defaultPages(dist: string): Promise<string[]> {
  const articles = (await readdir(join(dist, "articles")).catch(() => [])).sort();
  return ["", ...articles.slice(0, 1).map((slug) => `articles/${slug}/`)];
}

async function auditPage(url: string, port: number): Promise<Result> {
  const runs: Result[] = [];
  for (let i = 0; i < RUNS; i++) {
    const result = await lighthouse(url, {
      port,
      logLevel: "error",
      output: "json",
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`${url}: ${result.lhr.runtimeError.message}`);
    runs.push(result.lhr);
  }
  return computeMedianRun(runs);
}

const [dist = "dist", ...named] = process.argv.slice(2);
const pages = named.length > 0 ? named.map((page) => page.replace(/^\/+/u, "")) : await defaultPages(dist);
const server = await startStaticServer(dist, { gzip: true });
const chromium = await findChromium();
const chrome = await chromeLauncher.launch({
  chromePath: chromium.path,
  chromeFlags: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

let failed = false;
const summary: Record<string, unknown>[] = [];
try {
  console.log(["page", ...CATEGORIES, ...Object.keys(METRICS)].join("\t"));
  for (const page of pages) {
    const lhr = await auditPage(new URL(page, server.url).href, chrome.port);
    const scores = CATEGORIES.map((id) => Math.round((lhr.categories[id]?.score ?? 0) * 100));
    const metrics = Object.values(METRICS).map((id) => lhr.audits[id]?.numericValue ?? NaN);
    console.log(
      [`/${page}`, ...scores, ...metrics.map((value) => value.toFixed(value < 1 ? 3 : 0))].join("\t"),
    );
    summary.push({ page: `/${page}`, ...Object.fromEntries(CATEGORIES.map((id, i) => [id, scores[i]])) });
    if (scores.some((score) => score < 100)) {
      failed = true;
      // Every audit that costs points, with Lighthouse's own explanation.
      for (const id of CATEGORIES) {
        for (const ref of lhr.categories[id]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit?.score !== null && audit?.score !== undefined && audit.score < 1) {
            const why = audit.explanation ?? audit.displayValue ?? "";
            console.error(`  /${page}: ${id}: ${audit.id}: ${audit.title}${why ? ` (${why})` : ""}`);
          }
        }
      }
    }
  }
  console.log(`Lighthouse ${RUNS} runs per page (median), mobile preset, ${chromium.source} Chromium`);
  console.log(JSON.stringify({ audit: summary }));
} finally {
  chrome.kill();
  await server.close();
}
process.exit(failed ? 1 : 0);
