// The sitemap says what the pages' hreflang links say. Article pages record
// their alternates here as they render; `@astrojs/sitemap`'s `serialize` hook
// (astro.config.mjs) reads them when it writes the sitemap after the build.
// The pages and the config load separate copies of this module in the same
// process, so the record lives on globalThis.
const RECORD = Symbol.for("plain-news.sitemapAlternates");

export interface Alternate {
  /** BCP 47, or "x-default". */
  readonly hreflang: string;
  /** Absolute URL. */
  readonly href: string;
}

function record(): Map<string, readonly Alternate[]> {
  const global = globalThis as { [RECORD]?: Map<string, readonly Alternate[]> };
  global[RECORD] ??= new Map();
  return global[RECORD];
}

/** Records a page's alternates, by its absolute URL. */
export function recordAlternates(url: string, alternates: readonly Alternate[]): void {
  if (alternates.length > 0) record().set(url, alternates);
}

/** A page's alternates in the sitemap's shape (`xhtml:link`), or undefined when it has none. */
export function sitemapLinks(url: string): { url: string; lang: string }[] | undefined {
  return record()
    .get(url)
    ?.map(({ hreflang, href }) => ({ url: href, lang: hreflang }));
}

/** Forgets every record: a new build starts. */
export function clearAlternates(): void {
  record().clear();
}
