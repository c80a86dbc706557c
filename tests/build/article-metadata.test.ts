import * as cheerio from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { articleFacts, disagreements } from "../support/facts.ts";
import { ARTICLES_NEWEST_FIRST, SITE_NAME, SOURCE } from "../support/sources.ts";
import { ownSite } from "../support/fixture.ts";

const SITE = "https://news.example.org/";
const pages = new Map<string, string>();

beforeAll(async () => {
  for (const { slug } of ARTICLES_NEWEST_FIRST) {
    pages.set(slug, await ownSite.readFile(`articles/${slug}/`));
  }
});

describe.each(ARTICLES_NEWEST_FIRST)("the page of $slug", (article) => {
  let html: string;
  let $: cheerio.CheerioAPI;
  beforeAll(() => {
    html = pages.get(article.slug)!;
    $ = cheerio.load(html);
  });
  const meta = (property: string) =>
    $(`meta[property="${property}"]`)
      .map((_, element) => $(element).attr("content"))
      .get();

  it("states each fact the same way everywhere, and as the source says", () => {
    const facts = articleFacts(html, SITE_NAME);
    expect(disagreements(facts)).toEqual([]);
    const url = `${SITE}articles/${article.slug}/`;
    expect(Object.values(facts["headline"]!)[0]).toBe(article.headline);
    expect(Object.values(facts["published"]!)[0]).toBe(article.published);
    // Neither article has been updated.
    expect(Object.values(facts["modified"]!)[0]).toBe(article.published);
    expect(Object.values(facts["description"]!)[0]).toBe(article.description);
    expect(Object.values(facts["url"]!)[0]).toBe(url);
  });

  it("has Open Graph for an article, a summary card, and large image previews allowed", () => {
    expect(meta("og:type")).toEqual(["article"]);
    expect(meta("og:site_name")).toEqual([SITE_NAME]);
    expect(meta("og:locale")).toEqual(["en_GB"]);
    expect($('meta[name="twitter:card"]').attr("content")).toBe("summary");
    expect($('meta[name="robots"]').attr("content")).toBe("max-image-preview:large");
  });

  it("has a NewsArticle in English from the site", () => {
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').text());
    expect(jsonLd).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      inLanguage: "en",
      publisher: { "@type": "Organization", name: SITE_NAME, url: SITE },
    });
  });
});

describe("section, tags and author", () => {
  it("come from each article's front matter", () => {
    const [guide, report] = ARTICLES_NEWEST_FIRST.map(({ slug }) => cheerio.load(pages.get(slug)!));
    const tags = ($: cheerio.CheerioAPI) =>
      $('meta[property="article:tag"]')
        .map((_, element) => $(element).attr("content"))
        .get();
    const jsonLd = ($: cheerio.CheerioAPI) => JSON.parse($('script[type="application/ld+json"]').text());

    expect(report!('meta[property="article:section"]').attr("content")).toBe("News");
    expect(tags(report!)).toEqual(["Kyrgyzstan", "Russia", "CSTO", "Vladimir Putin"]);
    // The report is AFP's; the guide has no credit, so the site is its author.
    expect(jsonLd(report!).author).toEqual({ "@type": "Organization", name: "AFP" });
    expect(jsonLd(guide!).author).toMatchObject({ "@type": "Organization", name: SITE_NAME });
    expect(guide!('meta[property="article:section"]').attr("content")).toBe("Help");
    expect(tags(guide!)).toEqual(["Censorship", "RSS", "Mirrors"]);
  });
});

describe("the agreement check", () => {
  const broken = (change: ($: cheerio.CheerioAPI) => void) => {
    const $ = cheerio.load(pages.get(SOURCE.slug)!);
    change($);
    return disagreements(articleFacts($.html(), SITE_NAME));
  };
  const editJsonLd = ($: cheerio.CheerioAPI, edit: (data: Record<string, unknown>) => void) => {
    const data = JSON.parse($('script[type="application/ld+json"]').text());
    edit(data);
    $('script[type="application/ld+json"]').text(JSON.stringify(data));
  };

  it("passes the real page", () => {
    expect(broken(() => {})).toEqual([]);
  });

  it.each<[string, ($: cheerio.CheerioAPI) => void]>([
    ["og:title differs", ($) => $('meta[property="og:title"]').attr("content", "Another headline")],
    ["the <title> differs", ($) => $("title").text(`${SOURCE.headline}!`)],
    ["the JSON-LD headline differs", ($) => editJsonLd($, (data) => (data["headline"] = "Other"))],
    ["the <time> differs", ($) => $("article time").attr("datetime", "2023-10-11T12:00:00Z")],
    ["datePublished is missing", ($) => editJsonLd($, (data) => delete data["datePublished"])],
    ["og:url differs", ($) => $('meta[property="og:url"]').attr("content", "https://news.example.org/")],
    ["the canonical link is missing", ($) => $('link[rel="canonical"]').remove()],
  ])("catches a page where %s", (_, change) => {
    expect(broken(change)).not.toEqual([]);
  });
});
