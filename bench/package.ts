// `npm run bench:package -- --articles 10000`: writes the generated archive,
// builds it, then times `npm run package` on it with `/usr/bin/time -v`, and
// prints the sizes of dist/, the zip and the ZIM.
import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeCorpus } from "./generate.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: { articles: { type: "string", default: "10000" }, keep: { type: "boolean", default: false } },
});
const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 1)
  throw new Error("usage: npm run bench:package -- --articles N");

const work = await mkdtemp(join(tmpdir(), "plain-news-bench-package-"));
const run = (command: string, args: string[], env: Record<string, string> = {}) => {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env } });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  return result;
};
const bytes = (value: number) => `${value.toLocaleString("en")} bytes`;

try {
  const corpus = await writeCorpus(work, articles);
  const dist = join(work, "dist");
  run(process.execPath, [join(ROOT, "scripts/build.ts"), "--outDir", dist], {
    CONTENT_DIR: corpus.contentDir,
    SITE_URL: "https://news.example.org",
    ASTRO_TELEMETRY_DISABLED: "1",
  });
  const files = (await readdir(dist, { recursive: true, withFileTypes: true })).filter((entry) =>
    entry.isFile(),
  );
  const distBytes = (
    await Promise.all(files.map((entry) => stat(join(entry.parentPath, entry.name))))
  ).reduce((sum, info) => sum + info.size, 0);
  spawnSync("sync");
  const out = join(work, "out");
  const timed = run("/usr/bin/time", [
    "-v",
    process.execPath,
    join(ROOT, "scripts/package.ts"),
    "--dist",
    dist,
    "--outDir",
    out,
  ]);
  const field = (name: string) => new RegExp(`${name}: (.+)`, "u").exec(timed.stderr)?.[1] ?? "?";
  console.log(`${articles} articles; dist/: ${files.length} files, ${bytes(distBytes)}`);
  console.log(timed.stdout.trim());
  console.log(
    `npm run package: ${field("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)")} wall, ` +
      `${field("User time \\(seconds\\)")} s user, ${field("System time \\(seconds\\)")} s system, ` +
      `peak RSS ${field("Maximum resident set size \\(kbytes\\)")} kB`,
  );
  for (const name of await readdir(out)) console.log(`${name}: ${bytes((await stat(join(out, name))).size)}`);
} finally {
  if (values.keep) console.log(`Kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
