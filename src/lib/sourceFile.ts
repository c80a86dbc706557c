import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { parseArticle, type Article, type ArticleOptions } from "./article.ts";
import { decodeSource } from "./text.ts";

/** A path as it should appear in messages: relative to the working directory. */
export function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown.startsWith("..") ? path : shown;
}

/** Reads and normalizes a source file (see `decodeSource`). */
export async function readSource(path: string): Promise<string> {
  return decodeSource(await readFile(path), displayPath(path));
}

/** Reads and parses an article file. Pages call this to get the body, which the store does not keep. */
export async function readArticle(path: string, options?: ArticleOptions): Promise<Article> {
  return parseArticle(await readSource(path), displayPath(path), options);
}
