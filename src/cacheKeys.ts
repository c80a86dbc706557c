import { fileURLToPath } from "node:url";
import { base, root, site } from "astro:config/server";
import { codeFingerprint, digest, fileDigest, SETTINGS_ENV } from "./lib/cacheKeys.ts";
import type { Edition } from "./lib/editions.ts";
import { entryFile } from "./loaders/entryFile.ts";

let buildKey: string | undefined;

/** What every page depends on: the code, the site's settings and its address. */
export function siteKey(): string {
  buildKey ??= digest([
    codeFingerprint(fileURLToPath(root)),
    site ?? "",
    base,
    ...SETTINGS_ENV.map((name) => `${name}=${process.env[name] ?? ""}`),
  ]);
  return buildKey;
}

interface Entry {
  readonly id: string;
  readonly filePath?: string | undefined;
}

/**
 * An article page's key: the site's, the article file's path and bytes, its
 * appeal's id, path and bytes, and its translation's id and edition (the
 * link's target and label). The content store's digest is not enough: it
 * covers the front matter, not the body, which the page reads from the file.
 */
export function articleCacheKey(
  article: Entry,
  appeal: Entry | undefined,
  translation: { readonly id: string; readonly edition: Pick<Edition, "code"> } | undefined,
): string {
  const file = entryFile(article);
  const parts = [siteKey(), article.id, file, fileDigest(file)];
  if (appeal !== undefined) {
    const appealFile = entryFile(appeal);
    parts.push("appeal", appeal.id, appealFile, fileDigest(appealFile));
  }
  if (translation !== undefined) parts.push("translation", translation.id, translation.edition.code);
  return digest(parts);
}

/**
 * The key of a page that shows nothing but code, settings and `shows` (any
 * JSON value): what it takes from the articles, as it shows it.
 */
export function pageCacheKey(shows: unknown): string {
  return digest([siteKey(), JSON.stringify(shows)]);
}

interface ListedArticle {
  readonly id: string;
  readonly data: { readonly title: string; readonly published: string; readonly description: string };
}

/**
 * A list page's key: its list (`list`: whatever names it on the page), its
 * number and its pager's links, and each article it lists, in order, as the
 * list shows it (link, headline, date, description).
 */
export function listPageCacheKey(
  list: unknown,
  page: { readonly number: number; readonly links: object; readonly items: readonly ListedArticle[] },
): string {
  return pageCacheKey({
    list,
    number: page.number,
    links: page.links,
    items: page.items.map(({ id, data }) => [id, data.title, data.published, data.description]),
  });
}
