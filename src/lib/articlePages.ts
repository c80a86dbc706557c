import type { Appeal } from "./appeal.ts";
import type { Article, ArticleMeta } from "./article.ts";
import { snoozeMetaContent, snoozeSettings } from "./snooze.ts";
import { readArticle, readArticleParagraphs } from "./sourceFile.ts";

/** What the article pages use of a content entry. */
export interface ContentEntry<Data> {
  readonly id: string;
  readonly data: Data;
  readonly filePath?: string | undefined;
}

/**
 * One page per article: its slug, its entry, and the appeal shown after it
 * with the content of the appeal's snooze `<meta>`. Throws when an article
 * names an appeal that is gone.
 */
export function articlePages<
  ArticleEntry extends ContentEntry<ArticleMeta>,
  AppealEntry extends ContentEntry<Appeal>,
>(articles: readonly ArticleEntry[], appeals: readonly AppealEntry[]) {
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
    return {
      params: { slug: entry.id },
      props: { entry, appeal: found?.appeal, snoozeMeta: found?.snoozeMeta },
    };
  });
}

export interface PageArticleOptions {
  /** True in `astro dev`, where the content store may lag behind an edit. */
  readonly dev: boolean;
  /** The appeal used when the front matter names none. */
  readonly defaultAppeal: string;
}

/**
 * The article a page shows, from its stored metadata and its file. The store
 * keeps metadata only, so the paragraphs are read from the file. In `astro dev`
 * the store catches up with an edit only once Astro saves it, so the front
 * matter is read from the file too.
 */
export function pageArticle(meta: ArticleMeta, file: string, options: PageArticleOptions): Article {
  return options.dev
    ? readArticle(file, { defaultAppeal: options.defaultAppeal })
    : { ...meta, paragraphs: readArticleParagraphs(file) };
}
