import type { ArticleMeta } from "./article.ts";

/** What the head of every page says about the site. */
export interface SiteInfo {
  readonly name: string;
  /** BCP 47, e.g. "en". */
  readonly lang: string;
  /** Open Graph locale, e.g. "en_GB". */
  readonly locale: string;
  /** The absolute URL of the home page. */
  readonly url: string;
}

/** The separator between a page's own title and the site's name in `<title>`. */
export const TITLE_SEPARATOR = " - ";

/**
 * The document title: the page's own title, then the site's name. The title
 * is isolated (U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE),
 * so that neither right-to-left text nor bidi controls it leaves open can
 * reorder the separator and the site's name after it.
 */
export function pageTitle(title: string, site: Pick<SiteInfo, "name">): string {
  return `${isolate(title)}${TITLE_SEPARATOR}${site.name}`;
}

/** Text set apart in its own bidi isolate, for joining with other text. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** An Open Graph `<meta property content>` pair. */
export type OpenGraphProperty = readonly [property: string, content: string];

/** The Open Graph properties of an article page, in the order they are written. */
export function articleOpenGraph(
  article: ArticleMeta,
  canonical: string,
  site: SiteInfo,
): OpenGraphProperty[] {
  return [
    ["og:type", "article"],
    ["og:title", article.title],
    ["og:description", article.description],
    ["og:url", canonical],
    ["og:site_name", site.name],
    ["og:locale", site.locale],
    ["article:published_time", article.published],
    ["article:modified_time", article.updated ?? article.published],
    ...(article.section === undefined ? [] : [["article:section", article.section] as const]),
    ...article.tags.map((tag) => ["article:tag", tag] as const),
  ];
}

/**
 * The schema.org `NewsArticle` of an article page. Articles name no author,
 * so the credit (a wire agency) or else the site itself is the author.
 */
export function articleJsonLd(article: ArticleMeta, canonical: string, site: SiteInfo): object {
  const publisher = { "@type": "Organization", name: site.name, url: site.url };
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.description,
    datePublished: article.published,
    dateModified: article.updated ?? article.published,
    author: article.credit === undefined ? publisher : { "@type": "Organization", name: article.credit },
    publisher,
    mainEntityOfPage: canonical,
    inLanguage: site.lang,
    ...(article.section !== undefined && { articleSection: article.section }),
    ...(article.tags.length > 0 && { keywords: article.tags }),
  };
}

// Characters that could end or confuse a <script> element, and the line
// separators that older JavaScript parsers treat as line breaks.
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/gu;

/**
 * JSON for a `<script type="application/ld+json">` element. `<`, `>`, `&`,
 * U+2028 and U+2029 are written as `\u` escapes, so no value, however
 * hostile (`</script>`, `<!--`), can end the element; JSON.parse gives
 * every value back exactly.
 */
export function serializeJsonLd(value: object): string {
  return JSON.stringify(value).replace(
    UNSAFE_IN_SCRIPT,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
