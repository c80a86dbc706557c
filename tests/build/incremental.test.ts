import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { promisify } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPEAL_ID, generateArticle, toPlainText, writeCorpus } from "../../tools/corpus.ts";
import { TEST_SITE } from "../support/fixture.ts";
import { ROOT } from "../support/paths.ts";

// An incremental build must give exactly what a clean full build of the same
// state gives. A seeded random walk changes a small archive in two editions
// (and the code) one step at a time; after each step the incremental build's
// output is compared, byte for byte, with a full build's. The seed and the
// steps are printed on a failure: INCREMENTAL_SEED=<seed> replays a walk,
// INCREMENTAL_STEPS sets its length (docs/incremental.md).
const STEPS = Number(process.env["INCREMENTAL_STEPS"] ?? 30);
const SEED = Number(process.env["INCREMENTAL_SEED"] ?? Date.now() % 2 ** 31);
/** The generated archive: articles 0–4 in English, 5–7 in Russian; 0 and 5 translate each other. */
const FIRST_ARTICLES = 8;
const FIRST_RUSSIAN = 5;
const RU_APPEAL = "moscow-times-ru";
const execFileAsync = promisify(execFile);

const change = fc.constantFrom(
  "add",
  "edit body",
  "edit headline",
  "edit date",
  "delete",
  "rename",
  "change section",
  "change tags",
  "link translations",
  "unlink translations",
  "change appeal",
  "edit appeal",
  "change BASE_PATH",
  "edit CSS",
  "edit component",
  "edit mirror list",
  "nothing",
);
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

let work: string;
let project: string;
let content: string;
let basePath = "/";
let added = 0;

/** The project's code in a folder of its own, so that the walk can edit its CSS and components. */
async function copyProject(to: string): Promise<void> {
  for (const name of [
    "src",
    "public",
    "astro.config.mjs",
    "package.json",
    "package-lock.json",
    "tsconfig.json",
  ]) {
    await cp(join(ROOT, name), join(to, name), { recursive: true });
  }
  await symlink(join(ROOT, "node_modules"), join(to, "node_modules"), "dir");
}

async function articleFiles(): Promise<string[]> {
  return (await readdir(join(content, "articles"))).sort().map((name) => join(content, "articles", name));
}

const idOf = (file: string) => basename(file, ".txt");
const fileOf = (id: string) => join(content, "articles", `${id}.txt`);

/** A front matter value (`key: …`), if the file has the key. */
async function frontMatter(file: string, key: string): Promise<string | undefined> {
  const lines = (await readFile(file, "utf8")).split("\n");
  const end = lines.indexOf("---", 1);
  return lines
    .slice(1, end)
    .find((line) => line.startsWith(`${key}:`))
    ?.slice(key.length + 1)
    .trim();
}

/** Replaces one front matter line (`key: …`), adds it after the opening `---`, or removes it. */
async function setFrontMatter(file: string, key: string, value: string | undefined): Promise<void> {
  const lines = (await readFile(file, "utf8")).split("\n");
  const end = lines.indexOf("---", 1);
  const at = lines.findIndex((line, index) => index > 0 && index < end && line.startsWith(`${key}:`));
  if (at === -1 && value !== undefined) lines.splice(1, 0, `${key}: ${value}`);
  else if (at !== -1 && value === undefined) lines.splice(at, 1);
  else if (at !== -1 && value !== undefined) lines[at] = `${key}: ${value}`;
  await writeFile(file, lines.join("\n"));
}

async function editLine(file: string, find: (line: string) => boolean, edit: (line: string) => string) {
  const lines = (await readFile(file, "utf8")).split("\n");
  const at = lines.findIndex(find);
  if (at === -1) throw new Error(`${file}: no line to edit`);
  lines[at] = edit(lines[at] ?? "");
  await writeFile(file, lines.join("\n"));
}

async function editionOf(file: string): Promise<string> {
  return (await frontMatter(file, "edition")) ?? "en";
}

/** Applies one change; `pick` chooses among the articles. Returns what it did. */
async function apply(step: Change, pick: number): Promise<string> {
  const files = await articleFiles();
  const file = files[pick % files.length] ?? "";
  const name = relative(content, file);
  const translation = await frontMatter(file, "translation");
  switch (step) {
    case "add": {
      const article = generateArticle(FIRST_ARTICLES + added++, 7);
      const path = join(content, "articles", `${article.slug}.txt`);
      await writeFile(path, toPlainText(article));
      if (pick % 2 === 1) await setFrontMatter(path, "edition", "ru");
      return `add ${article.slug}${pick % 2 === 1 ? " (ru)" : ""}`;
    }
    case "edit body": {
      // Mostly a paragraph after the first: the first also gives the description, which the content store's digest covers.
      const lines = (await readFile(file, "utf8")).split("\n");
      const body = lines.indexOf("---", 1) + 1;
      const paragraphs = lines.length - 1 - body;
      const at = body + (pick % paragraphs);
      lines[at] = `${lines[at]} Corrected.`;
      await writeFile(file, lines.join("\n"));
      return `${step} of ${name}, line ${at + 1}`;
    }
    case "edit headline":
      await setFrontMatter(file, "title", JSON.stringify(`A new headline ${pick}`));
      return `${step} of ${name}`;
    case "edit date": {
      const month = String((pick % 3) + 1).padStart(2, "0");
      const day = String((pick % 28) + 1).padStart(2, "0");
      await setFrontMatter(file, "published", `2030-${month}-${day}T12:00:00+03:00`);
      return `${step} of ${name} to 2030-${month}-${day}`;
    }
    case "delete":
      if (files.length <= 2) return "delete skipped: two articles left";
      await rm(file);
      if (translation !== undefined) await setFrontMatter(fileOf(translation), "translation", undefined);
      return `${step} ${name}`;
    case "rename": {
      const renamed = file.replace(/\.txt$/, `-${pick}.txt`);
      await rename(file, renamed);
      if (translation !== undefined) await setFrontMatter(fileOf(translation), "translation", idOf(renamed));
      return `rename ${name} to ${relative(content, renamed)}`;
    }
    case "change section":
      await setFrontMatter(
        file,
        "section",
        pick % 3 === 0 ? undefined : JSON.stringify(`Section ${pick % 4}`),
      );
      return `${step} of ${name}`;
    case "change tags":
      await setFrontMatter(file, "tags", pick % 3 === 0 ? undefined : `["Tag ${pick % 5}", "Elections"]`);
      return `${step} of ${name}`;
    case "link translations": {
      const en: string[] = [];
      const ru: string[] = [];
      for (const each of files) {
        if ((await frontMatter(each, "translation")) !== undefined) continue;
        ((await editionOf(each)) === "en" ? en : ru).push(each);
      }
      const from = en[pick % Math.max(en.length, 1)];
      const to = ru[pick % Math.max(ru.length, 1)];
      if (from === undefined || to === undefined) return `${step} skipped: no pair without a translation`;
      await setFrontMatter(from, "translation", idOf(to));
      await setFrontMatter(to, "translation", idOf(from));
      return `${step}: ${idOf(from)} and ${idOf(to)}`;
    }
    case "unlink translations": {
      const linked: string[] = [];
      for (const each of files) if ((await frontMatter(each, "translation")) !== undefined) linked.push(each);
      const one = linked[pick % Math.max(linked.length, 1)];
      if (one === undefined) return `${step} skipped: no translations`;
      const other = (await frontMatter(one, "translation")) ?? "";
      await setFrontMatter(one, "translation", undefined);
      await setFrontMatter(fileOf(other), "translation", undefined);
      return `${step}: ${idOf(one)} and ${other}`;
    }
    case "change appeal": {
      const appeal = [undefined, RU_APPEAL, APPEAL_ID, "none"][pick % 4];
      await setFrontMatter(file, "appeal", appeal);
      return `appeal of ${name} set to ${appeal ?? "its edition's"}`;
    }
    case "edit appeal": {
      const appeal = pick % 2 === 0 ? APPEAL_ID : RU_APPEAL;
      const path = join(content, "appeals", `${appeal}.txt`);
      const lines = (await readFile(path, "utf8")).split("\n");
      // The line after the heading: the appeal's first paragraph.
      const at = lines.indexOf("---", 1) + 2;
      lines[at] = `${lines[at]} Again,`;
      await writeFile(path, lines.join("\n"));
      return `edit appeal ${appeal}`;
    }
    case "change BASE_PATH":
      basePath = basePath === "/" ? "/news/" : "/";
      return `BASE_PATH=${basePath}`;
    case "edit CSS":
      await editLine(
        join(project, "src/styles/global.css"),
        (line) => line.includes("--accent:"),
        () => `  --accent: #${(pick % 0xffffff).toString(16).padStart(6, "0")};`,
      );
      return `${step}: --accent`;
    case "edit component":
      await editLine(
        join(project, "src/components/ArticleTopics.astro"),
        (line) => line.includes("{strings.sectionLabel}"),
        (line) => (line.includes(`{":"}`) ? line.replace(`{":"}`, "") : line.replace("}{", `}{":"}{`)),
      );
      return `${step}: ArticleTopics`;
    case "edit mirror list": {
      const path = join(content, "mirrors.txt");
      const mirror = `https://mirror-${pick % 3}.example/ Mirror ${pick % 3}`;
      const lines = (await readFile(path, "utf8")).split("\n").filter((line) => line !== "");
      const kept = lines.filter((line) => line !== mirror);
      await writeFile(path, [...kept, ...(kept.length === lines.length ? [mirror] : [])].join("\n") + "\n");
      return `${step}: ${kept.length === lines.length ? "add" : "remove"} ${mirror}`;
    }
    case "nothing":
      return "no change";
  }
}

/**
 * `npm run build` (scripts/build.ts), each build in a process of its own as
 * on a newsroom's server: one process building twice into the same folder
 * would import the first build's page modules again (docs/incremental.md).
 */
async function build(outDir: string, cacheDir: string, incremental: boolean): Promise<void> {
  const args = [
    join(ROOT, "scripts/build.ts"),
    "--root",
    project,
    "--outDir",
    outDir,
    "--cacheDir",
    cacheDir,
  ];
  await execFileAsync(process.execPath, incremental ? args : [...args, "--no-incremental"], {
    env: {
      ...process.env,
      CONTENT_DIR: content,
      SITE_URL: TEST_SITE,
      BASE_PATH: basePath,
      ASTRO_TELEMETRY_DISABLED: "1",
    },
  });
}

/** The pages the incremental cache holds, with when each was last written. */
async function cachedPages(cacheDir: string): Promise<Map<string, number>> {
  const pages = new Map<string, number>();
  const dir = join(cacheDir, "dist");
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile()) pages.set(relative(dir, path), (await stat(path)).mtimeMs);
  }
  return pages;
}

/** The output files of the keyed pages the last build recorded in Astro's manifest. */
async function keyedPages(cacheDir: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(cacheDir, "incremental-build.json"), "utf8")) as {
    routes: Record<string, { paths: Record<string, { outputFile: string }> }>;
  };
  return Object.values(manifest.routes).flatMap((route) =>
    Object.values(route.paths).map((path) => path.outputFile),
  );
}

/** Every file below `dir`, by its path, with the digest of its bytes. */
async function tree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(
      relative(dir, path),
      createHash("sha256")
        .update(await readFile(path))
        .digest("hex"),
    );
  }
  return files;
}

/** The files that are not the same in both trees. */
function differences(incremental: Map<string, string>, full: Map<string, string>): string[] {
  const names = new Set([...incremental.keys(), ...full.keys()]);
  return [...names]
    .filter((name) => incremental.get(name) !== full.get(name))
    .sort()
    .map((name) =>
      !full.has(name)
        ? `${name} (stale: only in the incremental build)`
        : !incremental.has(name)
          ? `${name} (missing)`
          : `${name} (differs)`,
    );
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "plain-news-incremental-"));
  project = join(work, "project");
  await mkdir(project);
  await copyProject(project);
  const corpus = await writeCorpus(join(work, "corpus"), FIRST_ARTICLES);
  content = corpus.contentDir;
  await cp(
    join(ROOT, "src/content/appeals", `${RU_APPEAL}.txt`),
    join(content, "appeals", `${RU_APPEAL}.txt`),
  );
  await cp(join(ROOT, "src/content/mirrors.txt"), join(content, "mirrors.txt"));
  const files = await articleFiles();
  for (const file of files.slice(FIRST_RUSSIAN)) await setFrontMatter(file, "edition", "ru");
  const [en, ru] = [files[0] ?? "", files[FIRST_RUSSIAN] ?? ""];
  await setFrontMatter(en, "translation", idOf(ru));
  await setFrontMatter(ru, "translation", idOf(en));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("an incremental build", () => {
  it(
    `gives byte for byte what a full build gives, after each of ${STEPS} random changes (seed ${SEED})`,
    async () => {
      const [steps] = fc.sample(
        fc.array(fc.tuple(change, fc.nat()), { minLength: STEPS, maxLength: STEPS }),
        {
          seed: SEED,
          numRuns: 1,
        },
      );
      const cacheDir = join(work, "cache");
      const incrementalOut = join(work, "incremental");
      await build(incrementalOut, cacheDir, true);
      const done: string[] = ["the first build"];
      for (const [index, [step, pick]] of (steps ?? []).entries()) {
        done.push(await apply(step, pick));
        await build(incrementalOut, cacheDir, true);
        const fullOut = join(work, `full-${index}`);
        const fullCache = join(work, `full-cache-${index}`);
        await build(fullOut, fullCache, false);
        const differing = differences(await tree(incrementalOut), await tree(fullOut));
        expect(differing, `seed ${SEED}, after: ${done.join("; ")}`).toEqual([]);
        await Promise.all([fullOut, fullCache].map((dir) => rm(dir, { recursive: true })));
      }
      // The walk proves something only if the cache is used: with nothing changed,
      // every keyed page, every article's among them, is reused, and its cached copy is not written again.
      const before = await cachedPages(cacheDir);
      // The search index, kept only while no indexed page changes, is not written again either.
      const searchIndex = join(cacheDir, "search-index");
      const [indexBefore] = await readdir(searchIndex);
      const indexWritten = (await stat(searchIndex)).mtimeMs;
      await build(incrementalOut, cacheDir, true);
      const after = await cachedPages(cacheDir);
      expect(await readdir(searchIndex)).toEqual([indexBefore]);
      expect((await stat(searchIndex)).mtimeMs).toBe(indexWritten);
      const keyed = await keyedPages(cacheDir);
      expect(keyed.filter((page) => page.includes("articles/")).length).toBe((await articleFiles()).length);
      expect(before.size).toBe(keyed.length);
      expect([...after].filter(([page, written]) => before.get(page) !== written)).toEqual([]);
    },
    (STEPS + 2) * 40_000,
  );

  it("that did not finish makes the next one render every page", async () => {
    const cacheDir = join(work, "cache-unfinished");
    const out = join(work, "unfinished");
    await build(out, cacheDir, true);
    const unfinished = join(cacheDir, "incremental-build.unfinished");
    await writeFile(unfinished, "");
    const before = await cachedPages(cacheDir);
    await build(out, cacheDir, true);
    const after = await cachedPages(cacheDir);
    expect(before.size).toBeGreaterThan(0);
    expect([...after].filter(([page, written]) => before.get(page) === written)).toEqual([]);
    await expect(stat(unfinished)).rejects.toThrow();

    const bad = join(content, "articles", "bad-date.txt");
    await writeFile(bad, "---\ntitle: A headline\npublished: 2023-02-30T12:00:00+03:00\n---\nBody.\n");
    await expect(build(out, cacheDir, true)).rejects.toThrow(/bad-date\.txt/);
    await rm(bad);
    expect((await stat(unfinished)).isFile()).toBe(true);
  });
});
