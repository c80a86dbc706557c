import type { ArticleMeta } from "./article.ts";

/** One `<item>` of the RSS feed, in the shape `@astrojs/rss` takes. */
export interface FeedItem {
  readonly title: string;
  readonly link: string;
  readonly pubDate: Date;
  readonly description: string;
  readonly categories: string[];
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** Plain text as HTML text content that shows exactly that text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/gu, (character) => HTML_ESCAPES[character] ?? character);
}

/**
 * The feed item of an article. Feed readers show an RSS description as HTML,
 * so the plain-text description is escaped to print as written (`<`, `&`);
 * the title is plain text in RSS and stays as it is.
 */
export function feedItem(article: ArticleMeta, link: string): FeedItem {
  return {
    title: article.title,
    link,
    pubDate: new Date(article.published),
    description: escapeHtml(article.description),
    categories: [...article.tags],
  };
}
