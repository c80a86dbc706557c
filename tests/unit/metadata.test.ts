import * as cheerio from "cheerio";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ArticleMeta } from "../../src/lib/article.ts";
import {
  articleJsonLd,
  articleOpenGraph,
  pageTitle,
  serializeJsonLd,
  type SiteInfo,
} from "../../src/lib/metadata.ts";

const site: SiteInfo = { name: "Site", lang: "en", locale: "en_GB", url: "https://example.org/" };
const canonical = "https://example.org/articles/a/";
const article: ArticleMeta = {
  title: "A headline",
  published: "2023-10-11T12:00:00+03:00",
  description: "A summary.",
  tags: [],
};

describe("pageTitle", () => {
  it("puts the site's name after the page's title", () => {
    expect(pageTitle("A headline", site)).toBe("\u2068A headline\u2069 - Site");
    // A right-to-left override left open stays inside the isolate.
    expect(pageTitle("\u202Eevil", site)).toBe("\u2068\u202Eevil\u2069 - Site");
  });
});

describe("articleOpenGraph", () => {
  it("describes an article with property/content pairs", () => {
    expect(articleOpenGraph(article, canonical, site)).toEqual([
      ["og:type", "article"],
      ["og:title", "A headline"],
      ["og:description", "A summary."],
      ["og:url", canonical],
      ["og:site_name", "Site"],
      ["og:locale", "en_GB"],
      ["article:published_time", "2023-10-11T12:00:00+03:00"],
      ["article:modified_time", "2023-10-11T12:00:00+03:00"],
    ]);
  });

  it("gives the update time, the section and one tag property per tag", () => {
    const properties = articleOpenGraph(
      { ...article, updated: "2023-10-12T08:00:00Z", section: "News", tags: ["Russia", "CSTO"] },
      canonical,
      site,
    );
    expect(properties).toContainEqual(["article:modified_time", "2023-10-12T08:00:00Z"]);
    expect(properties).toContainEqual(["article:section", "News"]);
    expect(properties.filter(([property]) => property === "article:tag")).toEqual([
      ["article:tag", "Russia"],
      ["article:tag", "CSTO"],
    ]);
  });
});

describe("articleJsonLd", () => {
  it("is a NewsArticle with the article's own facts", () => {
    expect(articleJsonLd(article, canonical, site)).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "A headline",
      description: "A summary.",
      datePublished: "2023-10-11T12:00:00+03:00",
      dateModified: "2023-10-11T12:00:00+03:00",
      author: { "@type": "Organization", name: "Site", url: "https://example.org/" },
      publisher: { "@type": "Organization", name: "Site", url: "https://example.org/" },
      mainEntityOfPage: canonical,
      inLanguage: "en",
    });
  });

  it("credits the agency as the author, with the update time, section and tags", () => {
    expect(
      articleJsonLd(
        { ...article, credit: "AFP", updated: "2023-10-12T08:00:00Z", section: "News", tags: ["CSTO"] },
        canonical,
        site,
      ),
    ).toMatchObject({
      author: { "@type": "Organization", name: "AFP" },
      publisher: { name: "Site" },
      dateModified: "2023-10-12T08:00:00Z",
      articleSection: "News",
      keywords: ["CSTO"],
    });
  });
});

/** The JSON-LD as a page holds it, read back by a real HTML parser. */
function embedAndRead(json: string): { scripts: number; text: string } {
  const $ = cheerio.load(
    `<head><script type="application/ld+json">${json}</script></head><body><p>after</p></body>`,
  );
  return { scripts: $("script").length, text: $("script").first().text() };
}

describe("serializeJsonLd", () => {
  const hostile = [
    "</script><script>alert(1)</script>",
    "</SCRIPT >",
    "<!-- <script>",
    "a\u2028b\u2029c",
    "Tom & Jerry > \"quotes\" 'apostrophes' \\ backslash",
    "]]>",
  ];

  it.each(hostile)("keeps %j inside the element and gives it back exactly", (value) => {
    const json = serializeJsonLd({ headline: value });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/u);
    const read = embedAndRead(json);
    expect(read.scripts).toBe(1);
    expect(JSON.parse(read.text)).toEqual({ headline: value });
  });

  it("writes the unsafe characters as \\u escapes", () => {
    expect(serializeJsonLd({ a: "<>&\u2028\u2029" })).toBe('{"a":"\\u003c\\u003e\\u0026\\u2028\\u2029"}');
  });

  it("round-trips any text", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" })), (values) => {
        const json = serializeJsonLd({ values });
        expect(json).not.toMatch(/[<>&\u2028\u2029]/u);
        expect(JSON.parse(json)).toEqual({ values });
      }),
    );
  });

  it("the check catches the plain JSON.stringify it replaces", () => {
    const read = embedAndRead(JSON.stringify({ headline: hostile[0] }));
    expect(read.scripts).toBeGreaterThan(1);
  });
});
