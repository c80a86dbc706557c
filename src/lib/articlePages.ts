import type { Appeal } from "./appeal.ts";
import type { Article, ArticleMeta } from "./article.ts";
import type { Edition } from "./editions.ts";
import { SourceError } from "./errors.ts";
import { splitFrontMatter } from "./frontMatter.ts";
import { snoozeMetaContent, snoozeSettings } from "./snooze.ts";
import { displayPath, readArticle, readArticleParagraphs, readSource } from "./sourceFile.ts";
import { translationProblems } from "./translations.ts";

/** What the article pages use of a content entry. */
export interface ContentEntry<Data> {
  readonly id: string;
  readonly data: Data;
  readonly filePath?: string | undefined;
}

/** The edition of an article: the one it names, or the default (the first). */
export function articleEdition(
  article: Pick<ArticleMeta, "edition">,
  editions: readonly [Edition, ...Edition[]],
): Edition {
  return editions.find((edition) => edition.code === article.edition) ?? editions[0];
}

/** The route parameter of an edition's pages: undefined for the default (no prefix), else e.g. "ru". */
export function editionParam(edition: Edition): string | undefined {
  return edition.prefix === "" ? undefined : edition.prefix.replace(/\/$/u, "");
}

/**
 * One page per article: its edition and slug, its entry, its translation (if
 * any), and the appeal shown after it with the content of the appeal's snooze
 * `<meta>`. Throws when an article names an appeal that is gone, or a
 * translation that is missing or does not name it back.
 */
export function articlePages<
  ArticleEntry extends ContentEntry<ArticleMeta>,
  AppealEntry extends ContentEntry<Appeal>,
>(
  articles: readonly ArticleEntry[],
  appeals: readonly AppealEntry[],
  editions: readonly [Edition, ...Edition[]],
  fileOf: (entry: ArticleEntry) => string,
) {
  const byId = new Map(articles.map((entry) => [entry.id, entry]));
  checkTranslations(byId, editions, fileOf);
  // Each appeal's snooze settings once per build, not once per page.
  const appealsById = new Map(
    appeals.map((appeal) => [
      appeal.id,
      { appeal, snoozeMeta: snoozeMetaContent(snoozeSettings(appeal.id, appeal.data)) },
    ]),
  );
  return articles.map((entry) => {
    const found = entry.data.appeal === undefined ? undefined : appealsById.get(entry.data.appeal);
    if (entry.data.appeal !== undefined && found === undefined) {
      throw new Error(`${entry.filePath}: appeal "${entry.data.appeal}" no longer exists`);
    }
    const edition = articleEdition(entry.data, editions);
    const other = entry.data.translation === undefined ? undefined : byId.get(entry.data.translation);
    const translation = other && { id: other.id, edition: articleEdition(other.data, editions) };
    return {
      params: { edition: editionParam(edition), slug: entry.id },
      props: { entry, edition, translation, appeal: found?.appeal, snoozeMeta: found?.snoozeMeta },
    };
  });
}

function checkTranslations<ArticleEntry extends ContentEntry<ArticleMeta>>(
  byId: ReadonlyMap<string, ArticleEntry>,
  editions: readonly [Edition, ...Edition[]],
  fileOf: (entry: ArticleEntry) => string,
): void {
  const articles = new Map(
    [...byId].map(([id, { data }]) => [
      id,
      { id, edition: articleEdition(data, editions).code, translation: data.translation },
    ]),
  );
  const [first] = translationProblems(articles);
  if (first === undefined) return;
  // Only on failure: the file is read again for the line of its `translation` key.
  const path = fileOf(byId.get(first.id)!);
  const file = displayPath(path);
  const line = splitFrontMatter(readSource(path), file, { required: true }).keyLines.get("translation") ?? 1;
  throw new SourceError(file, line, first.problem);
}

export interface PageArticleOptions {
  /** True in `astro dev`, where the content store may lag behind an edit. */
  readonly dev: boolean;
  /** The site's editions, the default first. */
  readonly editions: readonly Edition[];
}

/**
 * The article a page shows, from its stored metadata and its file. The store
 * keeps metadata only, so the paragraphs are read from the file. In `astro dev`
 * the store catches up with an edit only once Astro saves it, so the front
 * matter is read from the file too.
 */
export function pageArticle(meta: ArticleMeta, file: string, options: PageArticleOptions): Article {
  return options.dev
    ? readArticle(file, { editions: options.editions })
    : { ...meta, paragraphs: readArticleParagraphs(file) };
}
