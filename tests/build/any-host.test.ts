import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { ARTICLES_NEWEST_FIRST, BROWSE_PAGES, RUSSIAN, SOURCE } from "../support/sources.ts";
import { fileProblem, htmlPageChecks, listSiteFiles, pageLinkProblems, servedUrl } from "../support/links.ts";
import { pageUrls, xmlUrls } from "../support/pageUrls.ts";
import { loadFixture } from "../support/fixture.ts";

// A mirror: the same commit built for a sub-path of another host, with only
// SITE_URL and BASE_PATH set.
const root = new URL("https://mirror.example.net/mirror/");
const mirror = loadFixture({ name: "mirror", site: root.origin, base: root.pathname });
const dist = mirror.outDir;
let files: Set<string>;
let site: { root: URL; dist: string; files: Set<string> };

beforeAll(async () => {
  await mirror.build();
  files = await listSiteFiles(dist);
  site = { root, dist, files };
});

const read = (file: string) => readFile(join(dist, file), "utf8");

describe("a build with BASE_PATH=/mirror/", () => {
  it("has every page: home, 404, search, mirrors, both articles, the browsing pages and the Russian edition's", () => {
    const html = [...files].filter((name) => name.endsWith(".html")).sort();
    expect(html).toEqual(
      [
        "404.html",
        "index.html",
        "search/index.html",
        "mirrors/index.html",
        ...ARTICLES_NEWEST_FIRST.map(({ slug }) => `articles/${slug}/index.html`),
        ...BROWSE_PAGES,
        ...RUSSIAN.pages,
      ].sort(),
    );
  });

  it("has no broken internal URL in any page, on the host or opened from disk", async () => {
    const pages = await htmlPageChecks(dist, files, root);
    const problems = pages.flatMap((page) => pageLinkProblems(page, site));
    expect(problems).toEqual([]);
    // Not vacuous: every page links home and to the feed, twice each.
    for (const page of pages) expect(pageUrls(page.html).length, page.file).toBeGreaterThanOrEqual(4);
  });

  it("checked links of every kind: navigation, the feed, canonical and Open Graph URLs, JSON-LD", async () => {
    const $ = cheerio.load(await read(`articles/${SOURCE.slug}/index.html`));
    expect($(".site-header a[rel=home]").attr("href")).toBe("../../index.html");
    expect($('link[rel="alternate"]').attr("href")).toBe("../../rss.xml");
    expect($('link[rel="canonical"]').attr("href")).toBe(`${root.href}articles/${SOURCE.slug}/`);
    const home = cheerio.load(await read("404.html"));
    expect(home("main a").attr("href")).toBe("/mirror/index.html");
  });

  it("lists only URLs of files in dist/ in the feed, the sitemap and robots.txt", async () => {
    const urls = [
      ...xmlUrls(await read("rss.xml"), "channel > link, item > link, item > guid"),
      ...xmlUrls(await read(RUSSIAN.feed), "channel > link, item > link, item > guid"),
      ...xmlUrls(await read("sitemap-index.xml"), "sitemap > loc"),
      ...xmlUrls(await read("sitemap-0.xml"), "url > loc"),
      ...cheerio
        .load(await read("sitemap-0.xml"), { xml: true })("xhtml\\:link")
        .map((_, link) => link.attribs["href"] ?? "")
        .get(),
      ...(await read("robots.txt"))
        .split("\n")
        .filter((line) => line.startsWith("Sitemap:"))
        .map((line) => line.slice("Sitemap:".length).trim()),
    ];
    // Channel link, 2 × (link, guid); the Russian channel link, 1 × (link, guid); index entry; a sitemap
    // entry per page (home, search, mirrors, 2 articles, browsing, Russian); 2 × 3 hreflang alternates; robots.txt.
    expect(urls).toHaveLength(1 + 4 + 1 + 2 + 1 + (5 + BROWSE_PAGES.length + RUSSIAN.pages.length) + 6 + 1);
    expect(urls.flatMap((url) => fileProblem(new URL(url), root, files) ?? [])).toEqual([]);
    expect(urls.every((url) => url.startsWith(root.href))).toBe(true);
  });

  it("lists only URLs of files in dist/ in the Atom feed, resolved against its xml:base", async () => {
    const $ = cheerio.load(await read("atom.xml"), { xml: true });
    const base = $("feed").attr("xml:base") ?? "";
    expect(base).toBe(root.href);
    const urls = [
      ...$("feed > id, entry > id")
        .map((_, element) => $(element).text())
        .get(),
      ...$("feed > link, entry > link")
        .map((_, element) => new URL($(element).attr("href") ?? "", base).href)
        .get(),
    ];
    // The feed's id, its self and alternate links, 2 × (id, link).
    expect(urls).toHaveLength(7);
    expect(urls.flatMap((url) => fileProblem(new URL(url), root, files) ?? [])).toEqual([]);
    expect(urls).toContain(`${root.href}atom.xml`);
  });
});

describe("the link check", () => {
  const articleFile = `articles/${SOURCE.slug}/index.html`;
  const problemsAfter = async (change: ($: cheerio.CheerioAPI) => void, anyDepth = false) => {
    const $ = cheerio.load(await read(articleFile));
    change($);
    return pageLinkProblems(
      { file: articleFile, html: $.html(), servedAt: servedUrl(articleFile, root), anyDepth },
      site,
    );
  };

  it("passes the real page", async () => {
    expect(await problemsAfter(() => {})).toEqual([]);
  });

  it.each<[string, ($: cheerio.CheerioAPI) => void]>([
    [
      "a link to a missing page",
      ($) => $(".site-header a[rel=home]").attr("href", "../missing-article/index.html"),
    ],
    [
      "a link that climbs out of the base path",
      ($) => $(".site-header a[rel=home]").attr("href", "../../../index.html"),
    ],
    [
      "a link to a folder, which has no index page on disk",
      ($) => $(".site-header a[rel=home]").attr("href", "../../"),
    ],
    ["a link from the root", ($) => $(".site-header a[rel=home]").attr("href", "/mirror/index.html")],
    ["a wrong feed link", ($) => $('link[rel="alternate"]').attr("href", "../rss.xml")],
    [
      "a canonical URL without the base path",
      ($) => $('link[rel="canonical"]').attr("href", `${root.origin}/articles/${SOURCE.slug}/`),
    ],
    ["a skip link to an id the page lacks", ($) => $("main").removeAttr("id")],
    ["a missing stylesheet", ($) => $("head").append('<link rel="stylesheet" href="../../style.css">')],
    ["a missing image in a srcset", ($) => $("article").append('<img srcset="a.png 1x, ../../b.png 2x">')],
    [
      "a broken URL in the JSON-LD",
      ($) => {
        const script = $('script[type="application/ld+json"]');
        const data = JSON.parse(script.text());
        data.mainEntityOfPage = `${root.href}articles/nope/`;
        script.text(JSON.stringify(data));
      },
    ],
  ])("catches %s", async (_, change) => {
    expect(await problemsAfter(change)).not.toEqual([]);
  });

  it("lets a page served at any depth link from the root, and ignores other sites", async () => {
    const problems = await problemsAfter(($) => {
      $(".site-header a[rel=home]").attr("href", "/mirror/index.html");
      $("article").append('<a href="https://example.com/elsewhere">elsewhere</a>');
    }, true);
    expect(problems).toEqual([]);
  });
});
