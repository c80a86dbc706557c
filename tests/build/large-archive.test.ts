import { readFile, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { HtmlValidate } from "html-validate";
import yaml from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";
import htmlValidateConfig from "../../.htmlvalidate.mjs";
import { generateArticle, writeCorpus } from "../../tools/corpus.ts";
import { PAGE_BUDGET, measurePage } from "../../tools/pageWeight.ts";
import { FEED_SIZE, PAGE_SIZE } from "../../src/consts.ts";
import { SOURCE } from "../support/sources.ts";
import { fileProblem, htmlPageChecks, listSiteFiles, pageLinkProblems } from "../support/links.ts";
import { xmlUrls } from "../support/pageUrls.ts";
import { fidelityProblems } from "../support/pageText.ts";
import { loadFixture } from "../support/fixture.ts";
import { OUTPUT, ROOT } from "../support/paths.ts";

// A large archive from the bench's corpus generator, which the two sample
// articles are not: more articles than a list page and the feed hold, not a
// whole number of list pages, built for a sub-path (BASE_PATH=/mirror/) as a
// mirror would. The bench's Markdown baseline is built from the same corpus.
const ARTICLES = 207;
const root = new URL("https://mirror.example.net/mirror/");
const generated = Array.from({ length: ARTICLES }, (_, index) => generateArticle(index));
const corpus = join(OUTPUT, "large-archive-corpus");
const archive = loadFixture({
  name: "large-archive",
  content: join(corpus, "content"),
  site: root.origin,
  base: root.pathname,
});
const markdown = loadFixture({
  name: "large-archive-markdown",
  root: join(ROOT, "bench/markdown-baseline"),
  env: { BENCH_CORPUS: corpus },
});
const site = archive.outDir;

beforeAll(async () => {
  await rm(corpus, { recursive: true, force: true });
  await writeCorpus(corpus, ARTICLES);
  await archive.build();
  await markdown.build();
});

const articlePages = async (outDir: string) => (await readdir(join(outDir, "articles"))).sort();

describe(`the site built from ${ARTICLES} generated articles`, () => {
  it("has one article page per article, and no other", async () => {
    expect(await articlePages(site)).toEqual(generated.map((article) => article.slug).sort());
  });

  it("shows each article's paragraphs exactly as generated, then the site's appeal", async () => {
    for (const article of generated) {
      const html = await archive.readFile(`articles/${article.slug}/`);
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
  const folder = join(corpus, "content", "articles");
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
  readonly newest: string | undefined;
  readonly newer: string | undefined;
  readonly older: string | undefined;
  readonly oldest: string | undefined;
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
    status: nav.find("p.pagination-status").text().replace(/\s+/gu, " ").trim(),
    newest: link("Newest articles"),
    newer: link("Newer articles"),
    older: link("Older articles"),
    oldest: link("Oldest articles"),
  };
}

describe(`the list pages of ${ARTICLES} generated articles`, () => {
  let sources: Source[];
  let files: Set<string>;
  // Worked out by hand from the count, not by the site's pager: numbered pages
  // count from the oldest, page 1 holding the oldest PAGE_SIZE.
  const pageCount = Math.ceil(ARTICLES / PAGE_SIZE);
  const fileOfPage = (page: number) => (page === 0 ? "index.html" : `page/${page}/index.html`);
  const articleFile = (source: Source) => `articles/${source.slug}/index.html`;
  /** The articles of numbered page n, newest first: the n-th PAGE_SIZE counted from the oldest. */
  const onPage = (page: number) =>
    sources
      .toReversed()
      .slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
      .toReversed()
      .map(articleFile);

  beforeAll(async () => {
    sources = await sourcesNewestFirst();
    files = await listSiteFiles(site);
  });

  it("are built from a corpus that needs a short newest page, with no two articles at the same instant", () => {
    expect(ARTICLES % PAGE_SIZE).not.toBe(0);
    expect(ARTICLES).toBeGreaterThan(FEED_SIZE);
    expect(sources).toHaveLength(ARTICLES);
    expect(new Set(sources.map((source) => Date.parse(source.published))).size).toBe(ARTICLES);
  });

  it("are the home page and page/1/ to page/<newest>/", () => {
    const listPages = [...files].filter((file) => file.startsWith("page/")).sort();
    const expected = Array.from({ length: pageCount }, (_, index) => fileOfPage(index + 1)).sort();
    expect(listPages).toEqual(expected);
    expect(files.has("index.html")).toBe(true);
  });

  it("show the newest on the home page, and on page n the n-th page of articles counted from the oldest", async () => {
    const home = await readListPage("index.html");
    expect(home.articles).toEqual(sources.slice(0, PAGE_SIZE).map(articleFile));
    const numbered = await Promise.all(
      Array.from({ length: pageCount }, (_, index) => readListPage(fileOfPage(index + 1))),
    );
    for (const [index, page] of numbered.entries())
      expect(page.articles, page.file).toEqual(onPage(index + 1));
    // Together, every article exactly once; each page full but the newest.
    expect(numbered.toReversed().flatMap((page) => page.articles)).toEqual(sources.map(articleFile));
    expect(numbered.map((page) => page.articles.length)).toEqual([
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

  it("say which page they are, with no count of pages, each canonical at its own URL", async () => {
    const home = await readListPage("index.html");
    expect(home).toMatchObject({ title: "The Moscow Times", h1: "Latest articles", canonical: root.href });
    for (let page = 1; page <= pageCount; page++) {
      const heading = `Articles, page ${page}`;
      expect(await readListPage(fileOfPage(page))).toMatchObject({
        title: `\u2068${heading}\u2069 - The Moscow Times`,
        h1: heading,
        status: `Page ${page}`,
        canonical: `${root.href}page/${page}/`,
      });
    }
  });

  it("link to the newest page, their neighbours and the oldest page, and to no page that is not there", async () => {
    // The home page shows the newest PAGE_SIZE; older leads to the page of the next older article.
    const nextOlder = Math.floor((ARTICLES - PAGE_SIZE - 1) / PAGE_SIZE) + 1;
    expect(await readListPage("index.html")).toMatchObject({
      status: "",
      newest: undefined,
      newer: undefined,
      older: fileOfPage(nextOlder),
      oldest: fileOfPage(1),
    });
    for (let page = 1; page <= pageCount; page++) {
      const listPage = await readListPage(fileOfPage(page));
      expect(
        { newest: listPage.newest, newer: listPage.newer, older: listPage.older, oldest: listPage.oldest },
        listPage.file,
      ).toEqual({
        newest: "index.html",
        newer: page === pageCount ? undefined : fileOfPage(page + 1),
        older: page === 1 ? undefined : fileOfPage(page - 1),
        oldest: page <= 2 ? undefined : fileOfPage(1),
      });
      for (const target of [listPage.newest, listPage.newer, listPage.older, listPage.oldest]) {
        if (target !== undefined) expect(files.has(target), `${listPage.file} → ${target}`).toBe(true);
      }
    }
  });

  it("lead a reader who follows Oldest, then Newer, through every article, and Older back", async () => {
    const read: string[] = [];
    const visited: string[] = [];
    const start = (await readListPage("index.html")).oldest;
    for (let file: string | undefined = start; file !== undefined;) {
      const page = await readListPage(file);
      visited.push(file);
      read.unshift(...page.articles);
      file = page.newer;
      expect(visited.length).toBeLessThanOrEqual(pageCount);
    }
    expect(read).toEqual(sources.map(articleFile));
    const back: string[] = [];
    for (
      let file: string | undefined = visited.at(-1);
      file !== undefined;
      file = (await readListPage(file)).older
    ) {
      back.push(file);
    }
    expect(back).toEqual(visited.toReversed());
  });

  it(`each weigh at most ${PAGE_BUDGET} bytes gzipped and pass html-validate`, async () => {
    const validator = new HtmlValidate(htmlValidateConfig);
    for (let page = 0; page <= pageCount; page++) {
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

  it("are in the sitemap, beside the home page, the search and mirrors pages and every article", async () => {
    const urls = xmlUrls(await readFile(join(site, "sitemap-0.xml"), "utf8"), "url > loc");
    const mainList = [
      root.href,
      ...Array.from({ length: pageCount }, (_, index) => `${root.href}page/${index + 1}/`),
    ];
    const mirrors = `${root.href}mirrors/`;
    const search = `${root.href}search/`;
    const articles = sources.map((source) => `${root.href}articles/${source.slug}/`);
    // The browsing pages (sections, tags, months) are pinned in browse.test.ts; here, only that nothing else is there.
    const browsing = urls.filter((url) => /^(sections|tags|archive)\//u.test(url.slice(root.href.length)));
    expect(urls.toSorted()).toEqual([...mainList, search, mirrors, ...articles, ...browsing].toSorted());
    expect(browsing.length).toBeGreaterThan(0);
  });

  it("with every other page, have no broken internal URL at BASE_PATH=/mirror/, on the host or from disk", async () => {
    const pages = await htmlPageChecks(site, files, root);
    const checked = new Set(pages.map((page) => page.file));
    for (let page = 0; page <= pageCount; page++) expect(checked.has(fileOfPage(page))).toBe(true);
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
    expect(await articlePages(markdown.outDir)).toEqual(generated.map((article) => article.slug).sort());
    for (const article of generated) {
      const $ = cheerio.load(await markdown.readFile(`articles/${article.slug}/`));
      expect($("h1").text()).toBe(article.title);
      expect($("article p").length).toBeGreaterThanOrEqual(article.paragraphs.length);
    }
  });
});
