import { getCollection, type CollectionEntry } from "astro:content";
import { listPageCacheKey } from "./cacheKeys.ts";
import { EDITIONS, PAGE_SIZE } from "./consts.ts";
import { sortNewestFirst } from "./lib/article.ts";
import { articleEdition } from "./lib/articlePages.ts";
import type { Edition } from "./lib/editions.ts";
import { groupByMonth, groupByTopic, type Month, type Topic } from "./lib/browse.ts";
import { splitIntoPages, type ListPage } from "./lib/pager.ts";
import { editionsWithArticles } from "./site.ts";

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

async function loadBrowseLists(edition: Edition): Promise<BrowseLists> {
  const articles = sortNewestFirst(
    await getCollection("articles", (entry) => articleEdition(entry.data, EDITIONS).code === edition.code),
  );
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

const loaded = new Map<string, Promise<BrowseLists>>();

/**
 * An edition's lists, worked out once per build for all the pages that show
 * them, and on every request in `astro dev`, where the articles change. Two
 * spellings of one section or tag fail here, whichever page asks first.
 */
export function browseLists(edition: Edition): Promise<BrowseLists> {
  if (import.meta.env.DEV) return loadBrowseLists(edition);
  let lists = loaded.get(edition.code);
  if (lists === undefined) {
    lists = loadBrowseLists(edition);
    loaded.set(edition.code, lists);
  }
  return lists;
}

/** Static paths over every edition the site builds: `paths` gives an edition's, without its parameter. */
export async function everyEdition<Params extends object, Props extends object>(
  paths: (edition: Edition, lists: BrowseLists) => { params: Params; props: Props; cacheKey?: string }[],
): Promise<
  {
    params: Params & { edition: string | undefined };
    props: Props & { edition: Edition };
    cacheKey?: string;
  }[]
> {
  const editions = await editionsWithArticles();
  const all = await Promise.all(
    editions.map(async ({ edition, param }) =>
      paths(edition, await browseLists(edition)).map((path) => ({
        ...path,
        params: { ...path.params, edition: param },
        props: { ...path.props, edition },
      })),
    ),
  );
  return all.flat();
}

/**
 * The static paths of every page of some lists: `params(list)` names the
 * list, `page` the page in it. `name(list)` is what the page shows of the
 * list's name, for its key (an incremental build reuses the page while the
 * key is unchanged).
 */
export function listPagePaths<List, Params extends Record<string, string>>(
  lists: readonly List[],
  entriesOf: (list: List) => readonly ArticleEntry[],
  params: (list: List) => Params,
  name: (list: List) => string,
) {
  return lists.flatMap((list) =>
    splitIntoPages(entriesOf(list), PAGE_SIZE).map((page: ListPage<ArticleEntry>) => ({
      params: { ...params(list), page: page.number === 0 ? undefined : `page/${page.number}` },
      props: { list, page },
      cacheKey: listPageCacheKey(name(list), page),
    })),
  );
}
