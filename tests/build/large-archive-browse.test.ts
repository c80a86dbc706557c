import { createHash } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as cheerio from "cheerio";
import yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateArticle, toPlainText, writeCorpus } from "../../tools/corpus.ts";
import { loadFixture } from "../support/fixture.ts";
import { listSiteFiles } from "../support/links.ts";
import { OUTPUT } from "../support/paths.ts";

// The benchmark's 10,000-article archive, built, then built again with one
// new article: browsing reaches every article in a few clicks, and the new
// article changes only the pages at the new end of the lists it joins.
const ARTICLES = 10_000;
const MAX_CLICKS = 6;
const root = new URL("https://mirror.example.net/mirror/");
const corpus = join(OUTPUT, "large-archive-browse-corpus");
const contentDir = join(corpus, "content");
const archive = (name: string) =>
  loadFixture({ name, content: contentDir, site: root.origin, base: root.pathname });
const beforeSite = archive("large-archive-browse-before");
const afterSite = archive("large-archive-browse-after");
const before = beforeSite.outDir;
const after = afterSite.outDir;

/** The one new article: the newest, in a section and tags whose page folders are written out by hand below. */
const NEW_SLUG = "a-new-article-on-the-archive";
const NEW_SECTION = { name: "Business", folder: "sections/business/" };
const NEW_TAGS = [
  { name: "Moscow", folder: "tags/moscow/" },
  { name: "Россия", folder: "tags/россия/" },
];

beforeAll(async () => {
  await rm(corpus, { recursive: true, force: true });
  await writeCorpus(corpus, ARTICLES);
  await beforeSite.build();
}, 900_000);

// Two builds of 10,000 pages each: not kept.
afterAll(async () => {
  for (const dir of [corpus, before, after]) await rm(dir, { recursive: true, force: true });
});

/** The file of dist/ a relative href on a page names (hrefs are percent-encoded; files are not). */
const linkedFile = (fromFile: string, href: string) => {
  const base = new URL("file:///dist/");
  const url = new URL(href, new URL(fromFile, base));
  return decodeURIComponent(url.pathname.slice(base.pathname.length));
};

describe(`a generated archive of ${ARTICLES} articles`, () => {
  it(`has every article within ${MAX_CLICKS} clicks of the home page, following only <a href>`, async () => {
    const files = await listSiteFiles(before);
    const articles = new Set([...files].filter((file) => /^articles\/[^/]+\/index\.html$/u.test(file)));
    expect(articles.size).toBe(ARTICLES);
    const depth = new Map<string, number>([["index.html", 0]]);
    let level = ["index.html"];
    let found = 0;
    for (let clicks = 1; level.length > 0 && found < articles.size; clicks++) {
      const next: string[] = [];
      for (const file of level) {
        const $ = cheerio.load(await readFile(join(before, file), "utf8"));
        for (const link of $("a[href]").toArray()) {
          const href = $(link).attr("href") ?? "";
          if (/^[a-z]+:|^#/iu.test(href)) continue;
          const target = linkedFile(file, href.replace(/#.*$/u, ""));
          if (depth.has(target) || !files.has(target) || !target.endsWith(".html")) continue;
          depth.set(target, clicks);
          next.push(target);
          if (articles.has(target)) found++;
        }
      }
      level = next;
    }
    const unreached = [...articles].filter((file) => !depth.has(file));
    const worst = Math.max(...[...articles].map((file) => depth.get(file) ?? Infinity));
    console.log(
      `browse walk: ${depth.size} pages reached; the farthest article is ${worst} clicks from the home page`,
    );
    expect(unreached).toEqual([]);
    expect(worst).toBeLessThanOrEqual(MAX_CLICKS);
  });
});

/** The numbered pages of a list in a dist/: `<folder>page/<n>/index.html`. */
const numberedPages = (files: ReadonlySet<string>, folder: string) =>
  [...files].flatMap((file) => {
    const number = new RegExp(`^${folder}page/(\\d+)/index\\.html$`, "u").exec(file)?.[1];
    return number === undefined ? [] : [Number(number)];
  });

const digest = async (file: string) =>
  createHash("sha256")
    .update(await readFile(file))
    .digest("hex");

describe("adding one article to it", () => {
  let changed: string[];
  let filesBefore: Set<string>;
  let filesAfter: Set<string>;
  let month: string;

  beforeAll(async () => {
    // The newest date in the corpus, read from the sources, plus a minute: the same month.
    const published = Array.from({ length: ARTICLES }, (_, index) => generateArticle(index).published).sort(
      (a, b) => Date.parse(b) - Date.parse(a),
    )[0];
    const newest = new Date(Date.parse(published ?? "") + 60_000 + 3 * 3_600_000).toISOString();
    const date = `${newest.slice(0, 19)}+03:00`;
    month = `archive/${date.slice(0, 4)}/${date.slice(5, 7)}/`;
    const article = {
      ...generateArticle(ARTICLES),
      slug: NEW_SLUG,
      published: date,
      section: NEW_SECTION.name,
      tags: NEW_TAGS.map((tag) => tag.name),
    };
    const text = toPlainText(article);
    // The front matter says what the test expects it to.
    const front = yaml.load(text.split("\n---\n")[0]?.slice(4) ?? "", { schema: yaml.CORE_SCHEMA });
    expect(front).toMatchObject({ published: date, section: "Business", tags: ["Moscow", "Россия"] });
    await writeFile(join(contentDir, "articles", `${NEW_SLUG}.txt`), text);
    await afterSite.build();
    filesBefore = await listSiteFiles(before);
    filesAfter = await listSiteFiles(after);
    changed = [];
    for (const file of new Set([...filesBefore, ...filesAfter])) {
      if (!filesBefore.has(file) || !filesAfter.has(file)) changed.push(file);
      else if ((await digest(join(before, file))) !== (await digest(join(after, file)))) changed.push(file);
    }
    changed.sort();
  }, 900_000);

  it("changes only the home page, the newest one or two pages of each list it joins, and the files that list everything", () => {
    // The files that list every page: the feeds, the sitemap, the checksums and the search index (docs/search.md).
    const listsEverything = (file: string) =>
      ["rss.xml", "atom.xml", "sitemap-0.xml", "SHA256SUMS", "_headers"].includes(file) ||
      file.startsWith("pagefind/");
    const index = changed.filter((file) => file.startsWith("pagefind/"));
    const pages = changed.filter((file) => !listsEverything(file));
    console.log(
      `files changed or added by one new article: ${pages.length} pages\n  ${pages.join("\n  ")}\n` +
        `and ${changed.length - pages.length - index.length} list files and ${index.length} files of the search index`,
    );
    const allowed = new Set([`articles/${NEW_SLUG}/index.html`]);
    for (const folder of ["", NEW_SECTION.folder, ...NEW_TAGS.map((tag) => tag.folder), month]) {
      allowed.add(`${folder}index.html`);
      const newest = Math.max(0, ...numberedPages(filesAfter, folder));
      for (const page of [newest, newest - 1]) if (page > 0) allowed.add(`${folder}page/${page}/index.html`);
    }
    // The archive index links every page of every month: it changes when the month gains a page.
    if (numberedPages(filesAfter, month).length !== numberedPages(filesBefore, month).length) {
      allowed.add("archive/index.html");
    }
    expect(pages.filter((file) => !allowed.has(file))).toEqual([]);
    // And the change is really there: the home page and the lists the article joined.
    for (const file of ["index.html", `${NEW_SECTION.folder}index.html`, `${month}index.html`]) {
      expect(changed).toContain(file);
    }
    expect(pages.length).toBeLessThan(30);
  });
});
