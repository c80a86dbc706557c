import type { Edition } from "./lib/editions.ts";

/**
 * The editions the site can publish, the default first: it keeps the site's
 * root. Another edition is built once an article names it (`edition: ru`).
 * To add one, see docs/editions.md.
 */
export const EDITIONS: readonly [Edition, ...Edition[]] = [
  {
    code: "en",
    lang: "en",
    dir: "ltr",
    name: "English",
    locale: "en_GB",
    prefix: "",
    siteName: "The Moscow Times",
    description: "Independent journalism from Russia.",
    defaultAppeal: "moscow-times",
  },
  {
    code: "ru",
    lang: "ru",
    dir: "ltr",
    name: "Русский",
    locale: "ru_RU",
    prefix: "ru/",
    siteName: "The Moscow Times",
    description: "Независимая журналистика из России.",
    defaultAppeal: "moscow-times-ru",
  },
  {
    code: "fa",
    lang: "fa",
    dir: "rtl",
    name: "فارسی",
    locale: "fa_IR",
    prefix: "fa/",
    siteName: "The Moscow Times",
    description: "روزنامه‌نگاری مستقل از روسیه.",
    defaultAppeal: "moscow-times-fa",
  },
];

export const DEFAULT_EDITION = EDITIONS[0];

/** Site-wide settings of the default edition. */
export const SITE = {
  name: DEFAULT_EDITION.siteName,
  description: DEFAULT_EDITION.description,
  lang: DEFAULT_EDITION.lang,
  locale: DEFAULT_EDITION.locale,
} as const;

/** The appeal shown after every article of the default edition whose front matter names none. */
export const DEFAULT_APPEAL = DEFAULT_EDITION.defaultAppeal;

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
