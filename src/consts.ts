/** Site-wide settings that are not content. */
export const SITE = {
  name: "The Moscow Times",
  description: "Independent journalism from Russia.",
  lang: "en",
  locale: "en_GB",
} as const;

/** The appeal shown after every article whose front matter names none. */
export const DEFAULT_APPEAL = "moscow-times";

/**
 * The folder holding `articles/` and `appeals/`, relative to the project root.
 * `CONTENT_DIR` points a build at another folder (tests and benchmarks do).
 */
export const CONTENT_DIR = process.env["CONTENT_DIR"] ?? "src/content";

/**
 * Articles per list page: a list's first page (the home page), and each
 * `page/<n>/`, counted from the oldest (docs/urls.md). A fixed number keeps
 * every list page inside the page budget (`npm run size`), whatever the
 * archive's size.
 */
export const PAGE_SIZE = 20;

/**
 * Articles in `rss.xml` and `atom.xml`, the newest, each whole. Feed readers
 * fetch the whole feed on every poll, so it carries recent news only, not the
 * archive (that travels as `npm run package`'s zip and ZIM).
 */
export const FEED_SIZE = 50;
