// The sitemap says what the pages' hreflang links say. The article pages'
// getStaticPaths() records their alternates here (it runs on every build, a
// page's rendering only when its page is not reused from the last build); `@astrojs/sitemap`'s `serialize` hook
// (astro.config.mjs) reads them when it writes the sitemap after the build.
// The pages and the config load separate copies of this module in the same
// process, so the record lives on globalThis.
import { editionPath, type Edition } from "./editions.ts";
import { absoluteUrl, articlePath } from "./urls.ts";

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

/**
 * An article page's alternates: the page and its translation, each in its
 * language, and x-default, the one in the default edition. None without a
 * translation.
 */
export function translationAlternates(
  root: URL,
  edition: Edition,
  id: string,
  translation: { readonly id: string; readonly edition: Edition } | undefined,
  defaultEdition: Pick<Edition, "code">,
): Alternate[] {
  if (translation === undefined) return [];
  const path = editionPath(edition, articlePath(id));
  const translationPath = editionPath(translation.edition, articlePath(translation.id));
  return [
    { hreflang: edition.lang, href: absoluteUrl(root, path) },
    { hreflang: translation.edition.lang, href: absoluteUrl(root, translationPath) },
    {
      hreflang: "x-default",
      href: absoluteUrl(root, translation.edition.code === defaultEdition.code ? translationPath : path),
    },
  ];
}
