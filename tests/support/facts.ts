import * as cheerio from "cheerio";

/** Each fact an article page states more than once, by where it is stated. */
export type ArticleFacts = Record<string, Record<string, unknown>>;

/** Reads every copy of each fact from an article page. */
export function articleFacts(html: string, siteName: string): ArticleFacts {
  const $ = cheerio.load(html);
  const jsonLd = JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>;
  const meta = (property: string) => $(`meta[property="${property}"]`).attr("content");
  // The headline is isolated (U+2068 … U+2069) before the site's name.
  const prefix = "\u2068";
  const suffix = `\u2069 - ${siteName}`;
  const title = $("title").text();
  return {
    headline: {
      "<h1>": $("h1").text(),
      "<title> less the site's name":
        title.startsWith(prefix) && title.endsWith(suffix)
          ? title.slice(prefix.length, -suffix.length)
          : title,
      "og:title": meta("og:title"),
      "JSON-LD headline": jsonLd["headline"],
    },
    published: {
      "<time datetime>": $("article header time").first().attr("datetime"),
      "article:published_time": meta("article:published_time"),
      "JSON-LD datePublished": jsonLd["datePublished"],
    },
    modified: {
      "article:modified_time": meta("article:modified_time"),
      "JSON-LD dateModified": jsonLd["dateModified"],
    },
    description: {
      "meta description": $('meta[name="description"]').attr("content"),
      "og:description": meta("og:description"),
      "JSON-LD description": jsonLd["description"],
    },
    url: {
      canonical: $('link[rel="canonical"]').attr("href"),
      "og:url": meta("og:url"),
      "JSON-LD mainEntityOfPage": jsonLd["mainEntityOfPage"],
    },
  };
}

/** Facts whose copies differ or are missing; empty when every copy agrees. */
export function disagreements(facts: ArticleFacts): string[] {
  return Object.entries(facts).flatMap(([fact, copies]) => {
    const values = Object.values(copies);
    const agree = values.every((value) => value !== undefined && value === values[0]);
    return agree ? [] : [`${fact}: ${JSON.stringify(copies)}`];
  });
}
