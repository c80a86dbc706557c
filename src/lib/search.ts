// What the search index (Pagefind) reads from an article page, beyond its
// <article data-pagefind-body>: filters and metadata taken from the Open
// Graph <meta> elements the page already has, so that nothing is added to
// what a reader sees.

/** Pagefind attributes for a `<meta>`: a filter or a metadata field, read from its content. */
export type SearchAttributes = Readonly<
  Partial<Record<"data-pagefind-filter" | "data-pagefind-meta", string>>
>;

const BY_PROPERTY: ReadonlyMap<string, SearchAttributes> = new Map([
  ["article:section", { "data-pagefind-filter": "section[content]" }],
  ["article:tag", { "data-pagefind-filter": "tag[content]" }],
  // The edition: one today; its locale keeps the filter ready for others.
  ["og:locale", { "data-pagefind-filter": "edition[content]" }],
  ["article:published_time", { "data-pagefind-meta": "published[content]" }],
]);

/** The attributes that put an Open Graph `<meta>`'s value into the search index. */
export function searchAttributes(property: string): SearchAttributes {
  return BY_PROPERTY.get(property) ?? {};
}
