import type { Lang } from "./strings.ts";

/** One edition of the site: its articles, in one language, under one address prefix. */
export interface Edition {
  /** The code an article's front matter names (`edition: ru`); the default edition's is implied. */
  readonly code: string;
  /** BCP 47 language of its pages, and the key of its strings (src/lib/strings.ts). */
  readonly lang: Lang;
  readonly dir: "ltr" | "rtl";
  /** The language's name in itself, for "Read in …" links. */
  readonly name: string;
  /** Open Graph locale, e.g. "en_GB". */
  readonly locale: string;
  /** Where its pages live below the site root: "" for the default edition, else e.g. "ru/". */
  readonly prefix: string;
  /** The site's name and description in this edition. */
  readonly siteName: string;
  readonly description: string;
  /** The appeal shown after its articles whose front matter names none. */
  readonly defaultAppeal: string;
}

/** A path below the site root for a path below an edition's prefix. */
export function editionPath(edition: Pick<Edition, "prefix">, path: string): string {
  return `${edition.prefix}${path}`;
}

/**
 * The editions a site builds: the default always, every other one only when
 * at least one article is in it.
 */
export function editionsInUse(editions: readonly Edition[], articleEditions: Iterable<string>): Edition[] {
  const used = new Set(articleEditions);
  return editions.filter((edition, index) => index === 0 || used.has(edition.code));
}
