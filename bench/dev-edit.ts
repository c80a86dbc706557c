// `npm run bench:dev -- --articles N`: starts `astro dev` on N generated
// articles, then edits one article at a time and measures how long the dev
// server takes to serve the page with the edit.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateArticle, writeCorpus } from "../tools/corpus.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ASTRO = join(ROOT, "node_modules/astro/bin/astro.mjs");

const { values: args } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    edits: { type: "string", default: "5" },
  },
});
const articles = Number(args.articles);
const edits = Number(args.edits);

const work = await mkdtemp(join(tmpdir(), `plain-news-dev-${articles}-`));
const corpus = await writeCorpus(work, articles);
const started = performance.now();
const server = spawn(process.execPath, [ASTRO, "dev", "--root", ROOT, "--host", "127.0.0.1", "--port", "0"], {
  env: { ...process.env, CONTENT_DIR: corpus.contentDir, ASTRO_TELEMETRY_DISABLED: "1" },
  stdio: ["ignore", "pipe", "pipe"],
});
let output = "";
server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));

try {
  // The dev server prints its address once the content is synced and it listens.
  const origin = await new Promise<string>((resolve, reject) => {
    server.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const address = /http:\/\/127\.0\.0\.1:\d+/u.exec(output)?.[0];
      if (address) resolve(address);
    });
    server.on("exit", (code) => reject(new Error(`astro dev exited with ${code}:\n${output}`)));
  });
  const readyMs = performance.now() - started;
  const fetchPage = async (slug: string) => (await fetch(`${origin}/articles/${slug}/`)).text();

  // A body edit shows as soon as the file is written (pages read bodies from
  // disk); a headline edit has to go through the loader's watcher and the store.
  const measureEdits = async (kind: "body" | "headline") => {
    const timings: number[] = [];
    for (let edit = 0; edit < edits; edit++) {
      const article = generateArticle(edit * 97 + (kind === "body" ? 0 : 1));
      const path = join(corpus.contentDir, "articles", `${article.slug}.txt`);
      await fetchPage(article.slug); // rendered once before the edit, as a reader has it open
      const marker = `Edited ${kind} ${edit} at ${Date.now()}`;
      const text = await readFile(path, "utf8");
      const editedAt = performance.now();
      await writeFile(
        path,
        kind === "body"
          ? `${text}${marker}.\n`
          : text.replace(/^title: .*$/mu, `title: ${JSON.stringify(marker)}`),
      );
      while (!(await fetchPage(article.slug)).includes(marker)) {
        if (performance.now() - editedAt > 30_000) throw new Error(`${kind} edit ${edit} never appeared`);
      }
      timings.push(performance.now() - editedAt);
    }
    const sorted = [...timings].sort((a, b) => a - b);
    return `${kind} edits ${timings.map((ms) => ms.toFixed(0)).join(", ")} ms (median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms)`;
  };
  const body = await measureEdits("body");
  const headline = await measureEdits("headline");
  console.log(
    `${articles} articles: dev server ready in ${(readyMs / 1000).toFixed(1)} s; edit to updated page: ` +
      `${body}; ${headline}; load ${loadavg()[0]!.toFixed(2)}`,
  );
} finally {
  server.kill();
  await rm(work, { recursive: true, force: true });
}
