import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { feedFetchedUrls, fetchedUrls, otherOrigins } from "../support/fetched.ts";
import { listSiteFiles, servedUrl } from "../support/links.ts";

// No third parties: nothing on the home page, the article pages, the 404 page
// or the feed makes a browser or feed reader fetch from, or connect to,
// another origin. Links a reader may follow (an outbound <a href>, a
// canonical or alternate <link>) are not fetches. What counts as fetched is
// listed in tests/support/fetched.ts. The browser's own request log is
// checked in tests/browser/third-parties.test.ts.

// The origin the test build is made for (tests/support/site.ts).
const SITE = new URL("https://news.example.org/");

let dist: string;
let pages: string[];

beforeAll(async () => {
  dist = inject("siteDist");
  pages = [...(await listSiteFiles(dist))].filter((file) => file.endsWith(".html")).sort();
});

const read = (file: string) => readFile(join(dist, file), "utf8");

describe("every page of dist/ and the feed", () => {
  it("are the home page, both articles, the mirrors page and the 404 page", () => {
    expect(pages).toEqual([
      "404.html",
      "articles/how-to-keep-reading-us-if-this-site-is-blocked/index.html",
      "articles/kyrgyzstan-ratifies-joint-air-defense-system-with-russia/index.html",
      "index.html",
      "mirrors/index.html",
    ]);
  });

  it("make a browser fetch nothing from another origin", async () => {
    for (const file of pages) {
      // The 404 page is served at any address; its URLs are root-relative, so any depth will do.
      const at = file === "404.html" ? new URL("no/such/page/", SITE) : servedUrl(file, SITE);
      const html = await read(file);
      expect({ file, other: otherOrigins(fetchedUrls(html), at, SITE.origin) }).toEqual({ file, other: [] });
    }
  });

  it("fetch nothing at all: no stylesheet, script, font, image or icon file; CSS and JS are inline", async () => {
    for (const file of pages) {
      expect({ file, fetched: fetchedUrls(await read(file)) }).toEqual({ file, fetched: [] });
    }
  });

  it("the feed makes a feed reader fetch nothing from another origin, nor anything at all", async () => {
    const feed = await read("rss.xml");
    expect(feedFetchedUrls(feed)).toEqual([]);
  });
});

describe("the check itself", () => {
  const page = (body: string, head = "") =>
    `<!doctype html><html><head><title>t</title>${head}</head><body>${body}</body></html>`;
  const base = new URL("articles/x/", SITE);
  const others = (html: string) => otherOrigins(fetchedUrls(html), base, SITE.origin);

  it.each([
    ["a stylesheet", page("", '<link rel="stylesheet" href="https://cdn.example/site.css">')],
    ["an icon", page("", '<link rel="icon" href="//cdn.example/favicon.ico">')],
    ["a preconnect", page("", '<link rel="preconnect" href="https://fonts.example">')],
    ["a font preload", page("", '<link rel="preload" as="font" href="https://fonts.example/a.woff2">')],
    ["a manifest", page("", '<link rel="manifest" href="https://cdn.example/app.webmanifest">')],
    ["a script", page('<script src="https://cdn.example/a.js"></script>')],
    ["an image in a srcset", page('<img alt="" src="a.png" srcset="a.png 1x, https://t.example/b.png 2x">')],
    [
      "a picture source",
      page('<picture><source srcset="https://t.example/b.avif"><img alt="" src="a.png"></picture>'),
    ],
    ["a video poster", page('<video poster="https://t.example/p.jpg"></video>')],
    ["a frame", page('<iframe title="x" src="https://t.example/embed"></iframe>')],
    ["an object", page('<object data="https://t.example/x.swf"></object>')],
    ["a link ping", page('<a href="a.html" ping="https://t.example/ping">a</a>')],
    ["a base URL", page("", '<base href="https://cdn.example/">')],
    ["a refresh", page("", '<meta http-equiv="refresh" content="0; url=https://t.example/">')],
    ["an SVG image", page('<svg><image href="https://t.example/i.png"/></svg>')],
    ["a CSS url()", page("<style>body { background: url(//t.example/p.gif) }</style>")],
    ["a CSS @import", page('<style>@import "https://fonts.example/css";</style>')],
    [
      "a font in @font-face",
      page("<style>@font-face { font-family: x; src: url(https://fonts.example/x.woff2) }</style>"),
    ],
    ["a style attribute", page('<div style="background-image: url(https://t.example/p.png)"></div>')],
  ])("catches %s on another origin", (_, html) => {
    expect(others(html)).toHaveLength(1);
  });

  it("lets links be links: outbound <a>, canonical and alternate <link>, JSON-LD, a form", () => {
    const html = page(
      '<a href="https://other.example/story">story</a><form action="https://other.example/search"></form>',
      '<link rel="canonical" href="https://news.example.org/articles/x/">' +
        '<link rel="alternate" type="application/rss+xml" href="https://other.example/rss.xml">' +
        '<script type="application/ld+json">{"url": "https://other.example/"}</script>',
    );
    expect(fetchedUrls(html)).toEqual([]);
  });

  it("finds what the real page would fetch if it named another origin", async () => {
    const article = await read(
      "articles/kyrgyzstan-ratifies-joint-air-defense-system-with-russia/index.html",
    );
    const broken = article.replace(
      "</head>",
      '<link rel="icon" href="https://cdn.example/favicon.ico"></head>',
    );
    expect(others(broken)).toEqual(['<link rel="icon"> https://cdn.example/favicon.ico']);
    // Same origin is fine for the origin check, but it is still a request.
    const ownIcon = article.replace("</head>", '<link rel="icon" href="../../favicon.ico"></head>');
    expect(others(ownIcon)).toEqual([]);
    expect(fetchedUrls(ownIcon)).toHaveLength(1);
  });

  it.each([
    [
      "an XSL stylesheet",
      (xml: string) =>
        xml.replace("<rss", '<?xml-stylesheet type="text/xsl" href="https://t.example/feed.xsl"?><rss'),
    ],
    [
      "an enclosure",
      (xml: string) =>
        xml.replace(
          "</item>",
          '<enclosure url="https://t.example/a.mp3" length="1" type="audio/mpeg"/></item>',
        ),
    ],
    [
      "a channel image",
      (xml: string) =>
        xml.replace("<language>", "<image><url>https://t.example/logo.png</url></image><language>"),
    ],
    [
      "an image in a description's HTML",
      (xml: string) =>
        xml.replace("<description>Mirrors", '<description>&lt;img src="https://t.example/p.gif"&gt;Mirrors'),
    ],
  ])("catches %s in the feed", async (_, change) => {
    const feed = await read("rss.xml");
    const urls = feedFetchedUrls(change(feed));
    expect(urls.map(({ url }) => url)).toEqual([expect.stringMatching(/^https:\/\/t\.example\//u)]);
  });
});
