import { getCollection, type CollectionEntry } from "astro:content";
import { PAGE_SIZE } from "./consts.ts";
import { sortNewestFirst } from "./lib/article.ts";
import { groupByMonth, groupByTopic, type Month, type Topic } from "./lib/browse.ts";
import { splitIntoPages, type ListPage } from "./lib/pager.ts";

type ArticleEntry = CollectionEntry<"articles">;

/** Every list a reader browses by, each newest first (docs/urls.md). */
export interface BrowseLists {
  readonly articles: ArticleEntry[];
  /** By name, as a reader looks one up. */
  readonly sections: Topic<ArticleEntry>[];
  readonly tags: Topic<ArticleEntry>[];
  /** Newest month first. */
  readonly months: Month<ArticleEntry>[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "en");

async function loadBrowseLists(): Promise<BrowseLists> {
  const articles = sortNewestFirst(await getCollection("articles"));
  const file = (entry: ArticleEntry) => entry.filePath ?? entry.id;
  const sections = groupByTopic<ArticleEntry>(
    "section",
    articles.flatMap((entry) =>
      entry.data.section === undefined
        ? []
        : [{ entry, name: entry.data.section, file: file(entry), line: entry.data.keyLines.section ?? 1 }],
    ),
  ).sort(byName);
  const tags = groupByTopic<ArticleEntry>(
    "tag",
    articles.flatMap((entry) =>
      entry.data.tags.map((name: string) => ({
        entry,
        name,
        file: file(entry),
        line: entry.data.keyLines.tags ?? 1,
      })),
    ),
  ).sort(byName);
  return { articles, sections, tags, months: groupByMonth(articles) };
}

let loaded: Promise<BrowseLists> | undefined;

/**
 * The lists, worked out once per build for all the pages that show them, and
 * on every request in `astro dev`, where the articles change. Two spellings of
 * one section or tag fail here, whichever page asks first.
 */
export function browseLists(): Promise<BrowseLists> {
  if (import.meta.env.DEV) return loadBrowseLists();
  loaded ??= loadBrowseLists();
  return loaded;
}

/** The static paths of every page of some lists: `params(list)` names the list, `page` the page in it. */
export function listPagePaths<List, Params extends Record<string, string>>(
  lists: readonly List[],
  entriesOf: (list: List) => readonly ArticleEntry[],
  params: (list: List) => Params,
) {
  return lists.flatMap((list) =>
    splitIntoPages(entriesOf(list), PAGE_SIZE).map((page: ListPage<ArticleEntry>) => ({
      params: { ...params(list), page: page.number === 0 ? undefined : `page/${page.number}` },
      props: { list, page },
    })),
  );
}
