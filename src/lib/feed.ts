import type { ArticleMeta } from "./article.ts";
import { escapeHtml } from "./html.ts";

/** One `<item>` of the RSS feed, in the shape `@astrojs/rss` takes. */
export interface FeedItem {
  readonly title: string;
  readonly link: string;
  readonly pubDate: Date;
  readonly description: string;
  readonly categories: string[];
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
