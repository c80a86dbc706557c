import { readFileSync } from "node:fs";
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

/**
 * Reads and parses an article file; pages call this as they render. A
 * synchronous read of one small file, most likely still in the OS cache from
 * the content sync, costs a tenth of the CPU of `fs.promises.readFile`, whose
 * open, stat, read and close each take a trip through the thread pool.
 */
export function readArticle(path: string, options?: ArticleOptions): Article {
  const file = displayPath(path);
  return parseArticle(decodeSource(readFileSync(path), file), file, options);
}
