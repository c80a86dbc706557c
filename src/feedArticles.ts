import { getCollection } from "astro:content";
import { EDITIONS, FEED_SIZE } from "./consts.ts";
import { sortNewestFirst, type Article } from "./lib/article.ts";
import { articleEdition } from "./lib/articlePages.ts";
import type { Edition } from "./lib/editions.ts";
import { readArticleParagraphs } from "./lib/sourceFile.ts";
import { entryFile } from "./loaders/entryFile.ts";

/** The articles an edition's feeds carry, whole: its newest FEED_SIZE, newest first. */
export async function feedArticles(edition: Edition): Promise<{ id: string; article: Article }[]> {
  const inEdition = await getCollection(
    "articles",
    (entry) => articleEdition(entry.data, EDITIONS).code === edition.code,
  );
  const entries = sortNewestFirst(inEdition).slice(0, FEED_SIZE);
  return entries.map((entry) => ({
    id: entry.id,
    article: { ...entry.data, paragraphs: readArticleParagraphs(entryFile(entry)) },
  }));
}
