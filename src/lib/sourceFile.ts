import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { articleParagraphs, parseArticle, type Article, type ArticleOptions } from "./article.ts";
import { decodeSource } from "./text.ts";

/** A path as it should appear in messages: relative to the working directory. */
export function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown.startsWith("..") ? path : shown;
}

/**
 * Reads and normalizes a source file (see `decodeSource`). Synchronously: a
 * source is small, and `fs.promises.readFile` sends each open, stat, read and
 * close through the thread pool.
 */
export function readSource(path: string): string {
  return decodeSource(readFileSync(path), displayPath(path));
}

/** Reads and parses an article file. */
export function readArticle(path: string, options?: ArticleOptions): Article {
  const file = displayPath(path);
  return parseArticle(decodeSource(readFileSync(path), file), file, options);
}

/** Reads an article file's paragraphs, without its front matter (see `articleParagraphs`). */
export function readArticleParagraphs(path: string): string[] {
  const file = displayPath(path);
  return articleParagraphs(decodeSource(readFileSync(path), file), file);
}
