import type { Article } from "./article.ts";
import { escapeHtml } from "./html.ts";

/** What precedes an article's credit at the end of its feed content. */
export const CREDIT_PREFIX = "Credit: ";

/**
 * An article's whole text as the HTML of a feed item (RSS `content:encoded`,
 * Atom `content`): one `<p>` per paragraph, escaped so that it shows exactly
 * the source's text, then the credit, if any, in a last `<p>` of its own.
 */
export function feedContent(article: Pick<Article, "paragraphs" | "credit">): string {
  const paragraphs = article.paragraphs.map((paragraph) => `<p dir="auto">${escapeHtml(paragraph)}</p>`);
  const credit =
    article.credit === undefined
      ? []
      : [`<p><small>${escapeHtml(CREDIT_PREFIX + article.credit)}</small></p>`];
  return [...paragraphs, ...credit].join("");
}
