import { posix } from "node:path";

// Paths here are below the site root, without the base: "" is the home page,
// a path ending in "/" is a page served as that folder's index.html, and
// anything else is a file ("rss.xml").

export const HOME_PATH = "";
export const FEED_PATH = "rss.xml";
export const ATOM_PATH = "atom.xml";
/** The search page; its index is in `PAGEFIND_PATH`, written after Astro's build (src/integrations/searchIndex.ts). */
export const SEARCH_PATH = "search/";
/** Pagefind's bundle: its script, WebAssembly and index. */
export const PAGEFIND_PATH = "pagefind/";
/** The site's icon, from `public/`. */
export const ICON_PATH = "favicon.svg";
/** The list of the site's mirrors, as a page and as JSON for apps and bots. */
export const MIRRORS_PATH = "mirrors/";
export const MIRRORS_JSON_PATH = "mirrors.json";
/** The page hosts serve for an address with no file. */
export const NOT_FOUND_PATH = "404.html";
/** Written by `@astrojs/sitemap`. */
export const SITEMAP_INDEX_PATH = "sitemap-index.xml";

/** The stable address of an article: `articles/<slug>/`, its slug being its file name. */
export function articlePath(slug: string): string {
  return `articles/${slug}/`;
}

/** The index of every section: `sections/`. */
export const SECTIONS_PATH = "sections/";
/** The index of every tag: `tags/`. */
export const TAGS_PATH = "tags/";
/** The dated archive's index of years and months: `archive/`. */
export const ARCHIVE_PATH = "archive/";

/** A section's list: `sections/<slug>/`. */
export function sectionPath(slug: string): string {
  return `${SECTIONS_PATH}${slug}/`;
}

/** A tag's list: `tags/<slug>/`. */
export function tagPath(slug: string): string {
  return `${TAGS_PATH}${slug}/`;
}

/** A month's list: `archive/<yyyy>/<mm>/`, from a month key such as "2023-10". */
export function monthPath(month: string): string {
  return `${ARCHIVE_PATH}${month.replace("-", "/")}/`;
}

/**
 * The path of a page of a list of articles (see docs/urls.md): page 0 is the
 * list's own path (the home page for the main list), showing its newest
 * articles; pages 1, 2, … counted from the oldest are `<list>page/<n>/`.
 */
export function listPagePath(page: number, list: string = HOME_PATH): string {
  if (!Number.isSafeInteger(page) || page < 0) {
    throw new RangeError(`list pages are numbered from 0, not ${page}`);
  }
  return page === 0 ? list : `${list}page/${page}/`;
}

/** The file a path is served from: a folder path is its `index.html`. */
export function fileOf(path: string): string {
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

/**
 * A relative href from one page to another path, naming the file itself
 * (`../../index.html`), so that a copy of `dist/` works under any base path,
 * on any host, and opened from disk, where folders have no index page.
 */
export function relativeHref(fromPath: string, toPath: string): string {
  const fromFolder = posix.dirname(`/${fileOf(fromPath)}`);
  // Section and tag slugs keep their letters (Cyrillic, Persian): percent-encoded in the href.
  return encodeURI(posix.relative(fromFolder, `/${fileOf(toPath)}`));
}

/**
 * An href from the site's root, with the base (`/mirror/index.html`), for
 * pages a host serves at any depth, such as the 404 page.
 */
export function rootRelativeHref(siteRoot: URL, toPath: string): string {
  return `${siteRoot.pathname}${fileOf(toPath)}`;
}

/** The absolute URL of a path, for canonical links, feeds and sitemaps. */
export function absoluteUrl(siteRoot: URL, path: string): string {
  return new URL(path, siteRoot).href;
}

/**
 * The URL of the site's home: `site` (an origin) joined with `base` (a path,
 * with or without slashes around it), always ending in "/".
 */
export function siteRootUrl(site: string | URL, base: string): URL {
  const path = base.replace(/^\/+|\/+$/gu, "");
  return new URL(path === "" ? "/" : `/${path}/`, site);
}
