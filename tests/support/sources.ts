import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A file's lines, split by hand on line feeds, independently of the site's own parser. */
const linesOf = (path: string): string[] =>
  readFileSync(fileURLToPath(new URL(path, import.meta.url)), "utf8").split("\n");

/** The source document as the newsroom sent it: article lines 1–10, appeal lines 11–18. */
const lines = linesOf("../fixtures/moscow-times-kyrgyzstan-air-defense.txt");

export const SOURCE = {
  slug: "kyrgyzstan-ratifies-joint-air-defense-system-with-russia",
  headline: "Kyrgyzstan Ratifies Joint Air Defense System With Russia Ahead of Putin Visit",
  published: "2023-10-11T12:00:00+03:00",
  articleLines: lines.slice(0, 10),
  appealLines: lines.slice(10, 18),
} as const;

// The body is every line after the second "---".
const guideLines = linesOf("../../src/content/articles/how-to-keep-reading-us-if-this-site-is-blocked.txt");

/** The site's second sample article, written for it. */
export const GUIDE = {
  slug: "how-to-keep-reading-us-if-this-site-is-blocked",
  headline: "How to Keep Reading Us if This Site Is Blocked Where You Live",
  published: "2024-03-15T09:00:00+00:00",
  description:
    "Mirrors, feeds & saved pages keep our reporting within reach when this address stops working.",
  articleLines: guideLines.slice(guideLines.indexOf("---", 1) + 1).filter((line) => line !== ""),
} as const;

/** What lists of articles show, newest first: the guide (March 2024), then the AFP report (October 2023). */
export const ARTICLES_NEWEST_FIRST = [
  { slug: GUIDE.slug, headline: GUIDE.headline, published: GUIDE.published, description: GUIDE.description },
  {
    slug: SOURCE.slug,
    headline: SOURCE.headline,
    published: SOURCE.published,
    // It has no description of its own: the first paragraph stands in.
    description: SOURCE.articleLines[0],
  },
] as const;

/** The site's name, which ends every page title after " - ". */
export const SITE_NAME = "The Moscow Times";

// The sections, tags and months the two sources name, read from them by hand.
export const BROWSE_PAGES = [
  "archive/index.html",
  "archive/2023/10/index.html",
  "archive/2024/03/index.html",
  "sections/index.html",
  "sections/help/index.html",
  "sections/news/index.html",
  "tags/index.html",
  ...["censorship", "rss", "mirrors", "kyrgyzstan", "russia", "csto", "vladimir-putin"].map(
    (tag) => `tags/${tag}/index.html`,
  ),
];

/** The Russian edition of the site (under ru/): the Kyrgyzstan report, translated. */
export const RUSSIAN = {
  slug: "kirgiziya-ratifitsirovala-soglashenie-o-sovmestnoy-sisteme-pvo-s-rossiey",
  /** Its pages below the site root: home, the article, its browse pages, its search and mirrors pages. */
  pages: [
    "ru/articles/kirgiziya-ratifitsirovala-soglashenie-o-sovmestnoy-sisteme-pvo-s-rossiey/index.html",
    "ru/index.html",
    "ru/search/index.html",
    "ru/mirrors/index.html",
    "ru/archive/index.html",
    "ru/archive/2023/10/index.html",
    "ru/sections/index.html",
    "ru/sections/новости/index.html",
    "ru/tags/index.html",
    "ru/tags/владимир-путин/index.html",
    "ru/tags/киргизия/index.html",
    "ru/tags/одкб/index.html",
    "ru/tags/россия/index.html",
  ],
  feed: "ru/rss.xml",
  atom: "ru/atom.xml",
} as const;
