import { getCollection } from "astro:content";
import { FEED_SIZE } from "./consts.ts";
import { sortNewestFirst, type Article } from "./lib/article.ts";
import { readArticleParagraphs } from "./lib/sourceFile.ts";
import { entryFile } from "./loaders/entryFile.ts";

/** The articles the feeds carry, whole: the newest FEED_SIZE, newest first. */
export async function feedArticles(): Promise<{ id: string; article: Article }[]> {
  const entries = sortNewestFirst(await getCollection("articles")).slice(0, FEED_SIZE);
  return entries.map((entry) => ({
    id: entry.id,
    article: { ...entry.data, paragraphs: readArticleParagraphs(entryFile(entry)) },
  }));
}
