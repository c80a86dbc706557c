import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { HtmlValidate } from "html-validate";
import yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import htmlValidateConfig from "../../.htmlvalidate.mjs";
import { generateArticle, writeCorpus } from "../../bench/generate.ts";
import { PAGE_BUDGET, measurePage } from "../../scripts/size.mjs";
import { FEED_SIZE, PAGE_SIZE } from "../../src/consts.ts";
import { SOURCE } from "../support/fixtures.ts";
import { fileProblem, htmlPageChecks, listSiteFiles, pageLinkProblems, xmlUrls } from "../support/links.ts";
import { fidelityProblems } from "../support/pageText.ts";
import { buildMarkdownBaseline, buildSite, readPage } from "../support/site.ts";

// The benchmark's small case: `npm run bench` runs the same generator and builds at 10,000.
// The same build is the large archive the two sample articles are not: more
// articles than a list page and the feed hold, and not a whole number of list
// pages, built for a sub-path (BASE_PATH=/mirror/) as a mirror would.
const ARTICLES = 207;
const root = new URL("https://mirror.example.net/mirror/");
const generated = Array.from({ length: ARTICLES }, (_, index) => generateArticle(index));
let work: string;
let site: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "plain-news-bench-smoke-"));
  site = join(work, "site");
  await writeCorpus(work, ARTICLES);
  await buildSite({
    outDir: site,
    contentDir: join(work, "content"),
    site: root.origin,
    base: root.pathname,
  });
  await buildMarkdownBaseline({ outDir: join(work, "markdown"), corpusDir: work });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const articlePages = async (outDir: string) => (await readdir(join(outDir, "articles"))).sort();

describe(`the site built from ${ARTICLES} generated articles`, () => {
  it("has one article page per article, and no other", async () => {
    expect(await articlePages(site)).toEqual(generated.map((article) => article.slug).sort());
  });

  it("shows each article's paragraphs exactly as generated, then the site's appeal", async () => {
    for (const article of generated) {
      const html = await readPage(site, `articles/${article.slug}/`);
      const problems = fidelityProblems(html, {
        headline: article.title,
        body: article.paragraphs,
        appeal: SOURCE.appealLines,
      });
      expect(problems, article.slug).toEqual([]);
    }
  });
});

/** An article as its source file says: slug from the file name, title and date read with js-yaml. */
interface Source {
  readonly slug: string;
  readonly title: string;
  readonly published: string;
}

/**
 * The articles newest first, read from the source files the build read, and
 * ordered here by their dates: not by the site's own sort or pager.
 */
async function sourcesNewestFirst(): Promise<Source[]> {
  const folder = join(work, "content", "articles");
  const sources: Source[] = [];
  for (const name of await readdir(folder)) {
    const text = await readFile(join(folder, name), "utf8");
    const [, frontMatter] = text.split(/^---$/mu);
    // The core schema keeps the date as written (the default one makes it a Date).
    const data = yaml.load(frontMatter ?? "", { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>;
    sources.push({
      slug: name.replace(/\.txt$/u, ""),
      title: String(data["title"]),
      published: String(data["published"]),
    });
  }
  return sources.sort((a, b) => Date.parse(b.published) - Date.parse(a.published));
}

/** The file of dist/ a relative link on a page names, e.g. `../3/index.html` on `page/2/index.html` → `page/3/index.html`. */
const linkedFile = (fromFile: string, href: string) => {
  const base = new URL("file:///dist/");
  return new URL(href, new URL(fromFile, base)).pathname.slice(base.pathname.length);
};

/** What a reader finds on a list page. */
interface ListPage {
  readonly file: string;
  readonly title: string;
  readonly h1: string;
  readonly canonical: string | undefined;
  /** The linked articles, in order, as the files their links name. */
  readonly articles: string[];
  readonly status: string;
  readonly newer: string | undefined;
  readonly older: string | undefined;
}

async function readListPage(file: string): Promise<ListPage> {
  const $ = cheerio.load(await readFile(join(site, file), "utf8"));
  const nav = $('main nav[aria-label="Pages of articles"]');
  const link = (text: string) => {
    const links = nav.find("a").filter((_, a) => $(a).text().trim() === text);
    expect(links.length, `${file}: "${text}" links`).toBeLessThanOrEqual(1);
    const href = links.attr("href");
    return href === undefined ? undefined : linkedFile(file, href);
  };
  return {
    file,
    title: $("title").text(),
    h1: $("h1").text(),
    canonical: $('link[rel="canonical"]').attr("href"),
    articles: $("main ol > li h2 a")
      .map((_, a) => linkedFile(file, $(a).attr("href") ?? ""))
      .get(),
    status: nav.find("p").text().replace(/\s+/gu, " ").trim(),
    newer: link("Newer articles"),
    older: link("Older articles"),
  };
}

describe(`the list pages of ${ARTICLES} generated articles`, () => {
  let sources: Source[];
  let files: Set<string>;
  // Worked out by hand from the count, not by the site's pager.
  const pageCount = Math.ceil(ARTICLES / PAGE_SIZE);
  const fileOfPage = (page: number) => (page === 1 ? "index.html" : `page/${page}/index.html`);
  const articleFile = (source: Source) => `articles/${source.slug}/index.html`;

  beforeAll(async () => {
    sources = await sourcesNewestFirst();
    files = await listSiteFiles(site);
  });

  it("are built from a corpus that needs a short last page, with no two articles at the same instant", () => {
    expect(ARTICLES % PAGE_SIZE).not.toBe(0);
    expect(ARTICLES).toBeGreaterThan(FEED_SIZE);
    expect(sources).toHaveLength(ARTICLES);
    expect(new Set(sources.map((source) => Date.parse(source.published))).size).toBe(ARTICLES);
  });

  it("are the home page and page/2/ to page/<last>/, with no page/1/", () => {
    const listPages = [...files].filter((file) => file.startsWith("page/")).sort();
    const expected = Array.from({ length: pageCount - 1 }, (_, index) => fileOfPage(index + 2)).sort();
    expect(listPages).toEqual(expected);
    expect(files.has("index.html")).toBe(true);
    expect(files.has("page/1/index.html")).toBe(false);
  });

  it("list every article exactly once, newest first across the pages, each full but the last", async () => {
    const pages = await Promise.all(
      Array.from({ length: pageCount }, (_, index) => readListPage(fileOfPage(index + 1))),
    );
    expect(pages.flatMap((page) => page.articles)).toEqual(sources.map(articleFile));
    expect(pages.map((page) => page.articles.length)).toEqual([
      ...Array.from({ length: pageCount - 1 }, () => PAGE_SIZE),
      ARTICLES % PAGE_SIZE,
    ]);
    // Each headline is the article's own title.
    const $ = cheerio.load(await readFile(join(site, "index.html"), "utf8"));
    expect(
      $("main ol > li h2 a")
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(sources.slice(0, PAGE_SIZE).map((source) => source.title));
  });

  it("say which page they are, each canonical at its own URL", async () => {
    const home = await readListPage("index.html");
    expect(home).toMatchObject({ title: "The Moscow Times", h1: "Latest articles", canonical: root.href });
    for (let page = 2; page <= pageCount; page++) {
      const heading = `Latest articles, page ${page} of ${pageCount}`;
      expect(await readListPage(fileOfPage(page))).toMatchObject({
        title: `\u2068${heading}\u2069 - The Moscow Times`,
        h1: heading,
        canonical: `${root.href}page/${page}/`,
      });
    }
  });

  it("link each to the newer and the older page next to it, and to no page that is not there", async () => {
    for (let page = 1; page <= pageCount; page++) {
      const listPage = await readListPage(fileOfPage(page));
      expect(
        { status: listPage.status, newer: listPage.newer, older: listPage.older },
        listPage.file,
      ).toEqual({
        status: `Page ${page} of ${pageCount}`,
        newer: page === 1 ? undefined : fileOfPage(page - 1),
        older: page === pageCount ? undefined : fileOfPage(page + 1),
      });
      for (const target of [listPage.newer, listPage.older]) {
        if (target !== undefined) expect(files.has(target), `${listPage.file} → ${target}`).toBe(true);
      }
    }
  });

  it("lead a reader who follows Older from the home page through every article, and Newer back", async () => {
    const read: string[] = [];
    const visited: string[] = [];
    for (let file: string | undefined = "index.html"; file !== undefined;) {
      const page = await readListPage(file);
      visited.push(file);
      read.push(...page.articles);
      file = page.older;
      expect(visited.length).toBeLessThanOrEqual(pageCount);
    }
    expect(read).toEqual(sources.map(articleFile));
    const back: string[] = [];
    for (
      let file: string | undefined = visited.at(-1);
      file !== undefined;
      file = (await readListPage(file)).newer
    ) {
      back.push(file);
    }
    expect(back).toEqual(visited.toReversed());
  });

  it(`each weigh at most ${PAGE_BUDGET} bytes gzipped and pass html-validate`, async () => {
    const validator = new HtmlValidate(htmlValidateConfig);
    for (let page = 1; page <= pageCount; page++) {
      const file = fileOfPage(page);
      const html = await readFile(join(site, file), "utf8");
      expect({ file, gzip: measurePage(html).gzip }).toEqual({
        file,
        gzip: expect.toSatisfy((gzip: number) => gzip <= PAGE_BUDGET),
      });
      const report = await validator.validateString(html, file);
      expect(report.results.flatMap((result) => result.messages.map((m) => `${file}: ${m.message}`))).toEqual(
        [],
      );
    }
  });

  it("are in the sitemap, beside the home page and every article", async () => {
    const urls = xmlUrls(await readFile(join(site, "sitemap-0.xml"), "utf8"), "url > loc");
    expect(urls.toSorted()).toEqual(
      [
        root.href,
        ...Array.from({ length: pageCount - 1 }, (_, index) => `${root.href}page/${index + 2}/`),
        ...sources.map((source) => `${root.href}articles/${source.slug}/`),
      ].toSorted(),
    );
  });

  it("with every other page, have no broken internal URL at BASE_PATH=/mirror/, on the host or from disk", async () => {
    const pages = await htmlPageChecks(site, files, root);
    const checked = new Set(pages.map((page) => page.file));
    for (let page = 1; page <= pageCount; page++) expect(checked.has(fileOfPage(page))).toBe(true);
    expect(pages.flatMap((page) => pageLinkProblems(page, { root, dist: site, files }))).toEqual([]);
  });
});

describe(`the feed of ${ARTICLES} generated articles`, () => {
  it(`has the newest ${FEED_SIZE}, newest first, each linking to a page in dist/`, async () => {
    const sources = await sourcesNewestFirst();
    const $ = cheerio.load(await readFile(join(site, "rss.xml"), "utf8"), { xml: true });
    const items = $("channel > item")
      .map((_, item) => ({ title: $(item).children("title").text(), link: $(item).children("link").text() }))
      .get();
    expect(items).toEqual(
      sources.slice(0, FEED_SIZE).map((source) => ({
        title: source.title,
        link: `${root.href}articles/${source.slug}/`,
      })),
    );
    const files = await listSiteFiles(site);
    expect(items.flatMap((item) => fileProblem(new URL(item.link), root, files) ?? [])).toEqual([]);
  });
});

describe("the benchmark's Markdown baseline on the same articles", () => {
  it("builds one page per article, each with its headline", async () => {
    const outDir = join(work, "markdown");
    expect(await articlePages(outDir)).toEqual(generated.map((article) => article.slug).sort());
    for (const article of generated) {
      const $ = cheerio.load(await readPage(outDir, `articles/${article.slug}/`));
      expect($("h1").text()).toBe(article.title);
      expect($("article p").length).toBeGreaterThanOrEqual(article.paragraphs.length);
    }
  });
});
