import type { Article } from "./article.ts";
import { feedContent } from "./feedContent.ts";

// Atom 1.0 (RFC 4287), written by hand: the npm `feed` package cannot set
// `xml:base` and always marks titles as HTML. Every text and attribute value
// goes through `escapeXml`; the test suite reads the result with a strict parser.

export interface AtomEntry {
  /** A permanent absolute IRI: the article's canonical URL. */
  readonly id: string;
  readonly title: string;
  /** The article's page, relative to the feed's `xml:base`. */
  readonly link: string;
  readonly published: Date;
  readonly updated: Date;
  /** Plain text. */
  readonly summary: string;
  readonly categories: readonly string[];
  /** HTML (see `feedContent`). */
  readonly content: string;
}

export interface AtomFeed {
  /** The site root: the feed's `xml:base` and its id. */
  readonly root: URL;
  readonly title: string;
  readonly subtitle: string;
  readonly lang: string;
  /** The feed's own path below the root (`rel="self"`). */
  readonly selfPath: string;
  readonly entries: readonly AtomEntry[];
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Text as XML character data or an attribute value that reads back as exactly that text. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/gu, (character) => XML_ESCAPES[character] ?? character);
}

/** An RFC 3339 date-time in UTC, as Atom requires. */
const atomDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/u, "Z");

/** The Atom entry of an article, at `path` below the site root. */
export function atomEntry(article: Article, path: string, root: URL): AtomEntry {
  return {
    id: new URL(path, root).href,
    title: article.title,
    link: path,
    published: new Date(article.published),
    updated: new Date(article.updated ?? article.published),
    summary: article.description,
    categories: article.tags,
    content: feedContent(article),
  };
}

/**
 * The feed document. Its `updated` is the newest entry's, never the time of
 * the build, so that the same content always makes the same feed.
 */
export function atomFeed(feed: AtomFeed): string {
  const updated = new Date(Math.max(0, ...feed.entries.map((entry) => entry.updated.getTime())));
  const element = (name: string, text: string, attributes = "") =>
    `<${name}${attributes}>${escapeXml(text)}</${name}>`;
  const link = (rel: string, type: string, href: string) =>
    `<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`;
  const entries = feed.entries.map((entry) =>
    [
      "<entry>",
      element("id", entry.id),
      element("title", entry.title, ' type="text"'),
      link("alternate", "text/html", entry.link),
      element("published", atomDate(entry.published)),
      element("updated", atomDate(entry.updated)),
      element("summary", entry.summary, ' type="text"'),
      ...entry.categories.map((term) => `<category term="${escapeXml(term)}"/>`),
      element("content", entry.content, ' type="html"'),
      "</entry>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="${escapeXml(feed.root.href)}" xml:lang="${escapeXml(feed.lang)}">`,
    element("id", feed.root.href),
    element("title", feed.title, ' type="text"'),
    element("subtitle", feed.subtitle, ' type="text"'),
    element("updated", atomDate(updated)),
    `<author>${element("name", feed.title)}</author>`,
    link("self", "application/atom+xml", feed.selfPath),
    link("alternate", "text/html", "./"),
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
