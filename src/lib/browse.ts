import { SourceError } from "./errors.ts";

// Sections, tags and months: the lists of articles a reader browses by (docs/urls.md).

/**
 * The slug of a section or tag name: the name in Unicode NFKC (so that
 * compatibility forms such as full-width letters or Arabic presentation
 * forms share the plain letter's page), lower-cased by Unicode's default,
 * locale-free mapping, with every run of other characters than letters,
 * marks, digits and the zero-width non-joiner (a Persian spelling mark)
 * made one hyphen. Any script keeps its letters: "Россия" → "россия",
 * "Arts and Life" → "arts-and-life"; the URL percent-encodes them.
 */
export function topicSlug(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\u200C]+/gu, "-")
    .replace(/^-+|-+$/gu, "");
}

/** A section or tag as one article names it, and where. */
export interface TopicMention<Entry> {
  readonly entry: Entry;
  readonly name: string;
  /** The article's file, as error messages name it. */
  readonly file: string;
  /** The line of the `section:` or `tags:` key. */
  readonly line: number;
}

/** One section's or tag's list: its slug, its name as written, and its articles in the order given. */
export interface Topic<Entry> {
  readonly slug: string;
  readonly name: string;
  readonly entries: Entry[];
}

/**
 * Groups mentions by slug, keeping their order; an article that names a tag
 * twice is listed once. Two spellings of one slug ("Russia" and "russia", or
 * two Unicode forms) are an error that names both places: a silent merge
 * would show one spelling for the other's articles.
 */
export function groupByTopic<Entry>(
  kind: "section" | "tag",
  mentions: Iterable<TopicMention<Entry>>,
): Topic<Entry>[] {
  const topics = new Map<string, Topic<Entry> & { first: TopicMention<Entry> }>();
  for (const mention of mentions) {
    const slug = topicSlug(mention.name);
    if (slug === "") {
      throw new SourceError(
        mention.file,
        mention.line,
        `${kind} ${JSON.stringify(mention.name)} has no letter or digit to name its page by`,
      );
    }
    const topic = topics.get(slug);
    if (topic === undefined) {
      topics.set(slug, { slug, name: mention.name, entries: [mention.entry], first: mention });
      continue;
    }
    if (topic.name !== mention.name) {
      const { first } = topic;
      throw new SourceError(
        mention.file,
        mention.line,
        `${kind} ${JSON.stringify(mention.name)} and ${JSON.stringify(first.name)} (${first.file}:${first.line}) ` +
          `would share one page, ${kind}s/${slug}/: spell them the same`,
      );
    }
    if (topic.entries.at(-1) !== mention.entry) topic.entries.push(mention.entry);
  }
  return [...topics.values()].map(({ slug, name, entries }) => ({ slug, name, entries }));
}

/** The month an article is filed under, "2023-10": its date as written, in its own offset (as its dateline shows). */
export function monthOf(published: string): string {
  return published.slice(0, 7);
}

/** One month's list. */
export interface Month<Entry> {
  /** "2023-10". */
  readonly key: string;
  readonly entries: Entry[];
}

/** Groups articles by month, newest month first, each month's articles in the order given. */
export function groupByMonth<Entry extends { readonly data: { readonly published: string } }>(
  entries: readonly Entry[],
): Month<Entry>[] {
  const months = new Map<string, Entry[]>();
  for (const entry of entries) {
    const key = monthOf(entry.data.published);
    const list = months.get(key);
    if (list === undefined) months.set(key, [entry]);
    else list.push(entry);
  }
  return [...months]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([key, list]) => ({ key, entries: list }));
}

const monthNames = new Map<string, Intl.DateTimeFormat>();

/** "2023-10" → "October 2023", or as `Intl` writes it in another language ("октябрь 2023 г."). */
export function monthName(key: string, lang = "en"): string {
  const [year, month] = key.split("-").map(Number);
  if (year === undefined || month === undefined) throw new RangeError(`not a month: ${key}`);
  let format = monthNames.get(lang);
  if (format === undefined) {
    // Months group by the Gregorian calendar, so they are named in it whatever the language's own.
    const locale = `${lang === "en" ? "en-GB" : lang}-u-ca-gregory`;
    format = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
    monthNames.set(lang, format);
  }
  return format.format(Date.UTC(year, month - 1, 1));
}
