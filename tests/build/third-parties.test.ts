import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { RUSSIAN } from "../support/sources.ts";
import { feedFetchedUrls, fetchedUrls, otherOrigins } from "../support/pageUrls.ts";
import { listSiteFiles, servedUrl } from "../support/links.ts";
import { ownSite } from "../support/fixture.ts";
import { BROWSE_PAGES } from "../support/sources.ts";

// No third parties: nothing on the home page, the article pages, the 404 page
// or the feeds makes a browser or feed reader fetch from, or connect to,
// another origin, and the pages fetch nothing but the site's own icon. Links
// a reader may follow (an outbound <a href>, a canonical or alternate
// <link>) are not fetches. What counts as fetched is
// listed in tests/support/pageUrls.ts. The browser's own request log is
// checked in tests/browser/third-parties.test.ts.

// The origin the test build is made for (TEST_SITE in tests/support/fixture.ts).
const SITE = new URL("https://news.example.org/");

let dist: string;
let pages: string[];

beforeAll(async () => {
  dist = ownSite.outDir;
  pages = [...(await listSiteFiles(dist))].filter((file) => file.endsWith(".html")).sort();
});

const read = (file: string) => readFile(join(dist, file), "utf8");

describe("every page of dist/ and the feed", () => {
  it("are the home page, both articles, the search page, the mirrors page, the 404 page, the browsing pages and the Russian edition's", () => {
    expect(pages).toEqual(
      [
        "404.html",
        "articles/how-to-keep-reading-us-if-this-site-is-blocked/index.html",
        "articles/kyrgyzstan-ratifies-joint-air-defense-system-with-russia/index.html",
        "index.html",
        "search/index.html",
        "mirrors/index.html",
        ...BROWSE_PAGES,
        ...RUSSIAN.pages,
      ].sort(),
    );
  });

  it("make a browser fetch nothing from another origin", async () => {
    for (const file of pages) {
      // The 404 page is served at any address; its URLs are root-relative, so any depth will do.
      const at = file === "404.html" ? new URL("no/such/page/", SITE) : servedUrl(file, SITE);
      const html = await read(file);
      expect({ file, other: otherOrigins(fetchedUrls(html), at, SITE.origin) }).toEqual({ file, other: [] });
    }
  });

  it("fetch nothing but the site's icon: no stylesheet, script, font or image; CSS and JS are inline", async () => {
    const icon = new URL("favicon.svg", SITE).href;
    for (const file of pages) {
      const at = file === "404.html" ? new URL("no/such/page/", SITE) : servedUrl(file, SITE);
      const fetched = fetchedUrls(await read(file)).map(
        ({ where, url }) => `${where} ${new URL(url, at).href}`,
      );
      expect({ file, fetched }).toEqual({ file, fetched: [`<link rel="icon"> ${icon}`] });
    }
  });

  it.each(["rss.xml", "atom.xml"])(
    "%s makes a feed reader fetch nothing from another origin, nor anything at all",
    async (file) => {
      expect(feedFetchedUrls(await read(file))).toEqual([]);
    },
  );
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
    const ownImage = article.replace("</main>", '<img alt="" src="../../photo.jpg"></main>');
    expect(others(ownImage)).toEqual([]);
    expect(fetchedUrls(ownImage)).toHaveLength(fetchedUrls(article).length + 1);
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

  it.each([
    [
      "an enclosure link",
      (xml: string) =>
        xml.replace("</entry>", '<link rel="enclosure" href="https://t.example/a.mp3" length="1"/></entry>'),
    ],
    ["a logo", (xml: string) => xml.replace("<updated>", "<logo>https://t.example/logo.png</logo><updated>")],
    [
      "an image in an entry's HTML content",
      (xml: string) =>
        xml.replace(
          '<content type="html">',
          '<content type="html">&lt;img src="https://t.example/p.gif"&gt;',
        ),
    ],
  ])("catches %s in the Atom feed", async (_, change) => {
    const feed = await read("atom.xml");
    const urls = feedFetchedUrls(change(feed));
    expect(urls.map(({ url }) => url)).toEqual([expect.stringMatching(/^https:\/\/t\.example\//u)]);
  });
});
