import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { ARTICLES_NEWEST_FIRST, BROWSE_PAGES, GUIDE, RUSSIAN, SOURCE } from "../support/sources.ts";
import { listSiteFiles, servedUrl } from "../support/links.ts";
import { xmlUrls } from "../support/pageUrls.ts";
import { fidelityProblems } from "../support/pageText.ts";
import { ownSite } from "../support/fixture.ts";

// The site is built once by globalSetup, with SITE_URL https://news.example.org and no base path.
const SITE = "https://news.example.org/";
const articleUrl = (slug: string) => `${SITE}articles/${slug}/`;
let dist: string;
let files: Set<string>;

beforeAll(async () => {
  dist = ownSite.outDir;
  files = await listSiteFiles(dist);
});

const read = (file: string) => readFile(join(dist, file), "utf8");

describe("the site", () => {
  it("has a home page, a 404 page, the search page, the feeds, the sitemap, robots.txt, the icon, the mirror kit, one page per article and the browsing pages, besides the search index", () => {
    expect([...files].filter((file) => !file.startsWith("pagefind/")).sort()).toEqual(
      [
        "404.html",
        "atom.xml",
        "favicon.svg",
        "index.html",
        "search/index.html",
        "mirrors/index.html",
        "mirrors.json",
        "_headers",
        "SHA256SUMS",
        "robots.txt",
        "rss.xml",
        "sitemap-0.xml",
        "sitemap-index.xml",
        ...ARTICLES_NEWEST_FIRST.map(({ slug }) => `articles/${slug}/index.html`),
        ...BROWSE_PAGES,
        ...RUSSIAN.pages,
        RUSSIAN.feed,
        RUSSIAN.atom,
      ].sort(),
    );
  });

  it("fits both articles on the home page: no page/ folder of older articles", () => {
    expect([...files].filter((file) => file.startsWith("page/"))).toEqual([]);
  });

  it("points every page at both feeds of its edition", async () => {
    for (const file of [...files].filter((name) => name.endsWith(".html"))) {
      const $ = cheerio.load(await read(file));
      const feeds = $('link[rel="alternate"][type]')
        .map((_, link) => ({
          type: $(link).attr("type"),
          title: $(link).attr("title"),
          url: new URL($(link).attr("href") ?? "", servedUrl(file, new URL(SITE))).href,
        }))
        .get();
      const prefix = file.startsWith("ru/") ? "ru/" : "";
      expect(feeds, file).toEqual([
        { type: "application/rss+xml", title: "The Moscow Times", url: `${SITE}${prefix}rss.xml` },
        { type: "application/atom+xml", title: "The Moscow Times", url: `${SITE}${prefix}atom.xml` },
      ]);
    }
  });
});

describe("the home page", () => {
  let $: cheerio.CheerioAPI;
  beforeAll(async () => {
    $ = cheerio.load(await ownSite.readFile(""));
  });

  it("lists every article, newest first, with its linked headline, date and description", () => {
    const listed = $("main ol > li")
      .map((_, item) => ({
        headline: $(item).find("h2 a").text(),
        href: $(item).find("h2 a").attr("href"),
        datetime: $(item).find("time").attr("datetime"),
        shownDate: $(item).find("time").text(),
        description: $(item).find("p").last().text(),
      }))
      .get();
    expect(listed).toEqual([
      {
        headline: GUIDE.headline,
        href: `articles/${GUIDE.slug}/index.html`,
        datetime: GUIDE.published,
        shownDate: "15 March 2024",
        description: GUIDE.description,
      },
      {
        headline: SOURCE.headline,
        href: `articles/${SOURCE.slug}/index.html`,
        datetime: SOURCE.published,
        shownDate: "11 October 2023",
        description: SOURCE.articleLines[0],
      },
    ]);
  });

  it("is the canonical home of the site and has one <h1>", () => {
    expect($('link[rel="canonical"]').attr("href")).toBe(SITE);
    expect($("h1")).toHaveLength(1);
    expect($("h1").text()).toBe("Latest articles");
  });

  it("has no pagination, there being no other list page to go to, only the way to the sections and the archive", () => {
    expect($("nav.pagination")).toHaveLength(0);
    expect(
      $("main a")
        .map((_, a) => $(a).attr("href"))
        .get(),
    ).toEqual([
      "sections/index.html",
      "archive/index.html",
      ...ARTICLES_NEWEST_FIRST.map(({ slug }) => `articles/${slug}/index.html`),
    ]);
  });
});

describe("the second article", () => {
  it("reproduces its source line for line, with the site's appeal after it", async () => {
    const html = await ownSite.readFile(`articles/${GUIDE.slug}/`);
    expect(GUIDE.articleLines).toHaveLength(6);
    expect(
      fidelityProblems(html, {
        headline: GUIDE.headline,
        body: GUIDE.articleLines,
        appeal: SOURCE.appealLines,
      }),
    ).toEqual([]);
    // The characters plain text must keep: straight quotes and a bare ampersand.
    expect(cheerio.load(html)("article").text()).toContain('"Save Page As"');
    expect(cheerio.load(html)("article").text()).toContain("layout & styles");
  });
});

describe("the RSS feed", () => {
  let $: cheerio.CheerioAPI;
  beforeAll(async () => {
    $ = cheerio.load(await read("rss.xml"), { xml: true });
  });

  it("is RSS 2.0 for the site", () => {
    expect($("rss").attr("version")).toBe("2.0");
    expect($("rss > channel > title").text()).toBe("The Moscow Times");
    expect($("rss > channel > link").text()).toBe(SITE);
  });

  it("has both articles (fewer than the feed holds), newest first, with title, link, guid, date and description", () => {
    const items = $("channel > item")
      .map((_, item) => ({
        title: $(item).children("title").text(),
        link: $(item).children("link").text(),
        guid: $(item).children("guid").text(),
        permaLink: $(item).children("guid").attr("isPermaLink"),
        published: new Date($(item).children("pubDate").text()).toISOString(),
        // Readers show the description as HTML: read it as HTML, as they do.
        description: cheerio.load($(item).children("description").text()).text(),
      }))
      .get();
    expect(items).toEqual(
      ARTICLES_NEWEST_FIRST.map((article) => ({
        title: article.headline,
        link: articleUrl(article.slug),
        guid: articleUrl(article.slug),
        permaLink: "true",
        published: new Date(article.published).toISOString(),
        description: article.description,
      })),
    );
  });
});

describe("the sitemap", () => {
  it("is found from robots.txt, and its index lists the sitemap file", async () => {
    expect((await read("robots.txt")).split("\n")).toContain(`Sitemap: ${SITE}sitemap-index.xml`);
    expect(xmlUrls(await read("sitemap-index.xml"), "sitemap > loc")).toEqual([`${SITE}sitemap-0.xml`]);
  });

  it("lists the home page, the search page, the mirrors page, every article and the browsing pages, and not the 404 page", async () => {
    // The integration orders entries by URL; a sitemap's order means nothing to crawlers.
    const urls = xmlUrls(await read("sitemap-0.xml"), "url > loc");
    expect(urls.toSorted()).toEqual(
      [
        SITE,
        `${SITE}search/`,
        `${SITE}mirrors/`,
        ...ARTICLES_NEWEST_FIRST.map((article) => articleUrl(article.slug)),
        ...BROWSE_PAGES.map((file) => `${SITE}${file.replace(/index\.html$/u, "")}`),
        ...RUSSIAN.pages.map((page) => new URL(page.replace(/index\.html$/u, ""), SITE).href),
      ].toSorted(),
    );
  });
});

describe("the 404 page", () => {
  it("says the page was not found, is not indexed, and links home from the root", async () => {
    const $ = cheerio.load(await read("404.html"));
    expect($("h1").text()).toBe("Page not found");
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    expect($('link[rel="canonical"]')).toHaveLength(0);
    expect($("main a").attr("href")).toBe("/index.html");
  });
});
