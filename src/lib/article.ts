import { z } from "zod";
import { SourceError } from "./errors.ts";
import {
  bodyAfterFrontMatter,
  type FrontMatter,
  splitFrontMatter,
  validateFrontMatter,
} from "./frontMatter.ts";
import { dateTime, entryId, singleLine } from "./schema.ts";
import { isBlank } from "./text.ts";

/** Front matter `appeal: none` leaves the appeal off an article. */
export const NO_APPEAL = "none";

/**
 * The longest description, in UTF-16 code units: a description is copied into
 * the page's head (four times), the home and list pages and the feed, so only
 * the body may make an article's page large.
 */
export const DESCRIPTION_MAX = 300;

/** An article's front matter: `z.input` is what an author may write, `z.output` what it reads as. */
export const articleFrontMatter = z
  .strictObject({
    title: singleLine,
    /** ISO 8601 with offset, exactly as written in the source. */
    published: dateTime,
    updated: dateTime.optional(),
    /** When absent, the article's first paragraph, cut to `DESCRIPTION_MAX` (see `defaultDescription`). */
    description: singleLine
      .max(
        DESCRIPTION_MAX,
        `must be at most ${DESCRIPTION_MAX} characters (it is copied into every list page and the feed)`,
      )
      .optional(),
    credit: singleLine.optional(),
    section: singleLine.optional(),
    tags: z.array(singleLine, { error: "must be a list of tags" }).default(() => []),
    /** The appeal to show after the article, `none` for none; when absent, the site's. */
    appeal: entryId.optional(),
    /** The edition the article is in (e.g. `ru`); when absent, the default edition. */
    edition: z.string({ error: "must be an edition code" }).optional(),
    /** The file name (less `.txt`) of the same article in another edition, which names this one back. */
    translation: entryId.optional(),
  })
  .refine((data) => data.updated === undefined || Date.parse(data.updated) >= Date.parse(data.published), {
    path: ["updated"],
    message: "must not be before published",
  });

/**
 * What the content store keeps for an article: its front matter with the
 * description filled in and the appeal resolved (absent for none). The
 * entry's file has the paragraphs.
 */
export const articleEntry = articleFrontMatter.safeExtend({ description: z.string() });

/** Everything about an article except its paragraphs. */
export type ArticleMeta = z.output<typeof articleEntry>;

export interface Article extends ArticleMeta {
  /** One paragraph per non-blank body line, exactly as written. */
  readonly paragraphs: readonly string[];
}

export interface ArticleOptions {
  /** The appeal used when the front matter names none. */
  readonly defaultAppeal?: string;
  /**
   * The editions an article may name, the default first: an unknown edition is
   * an error, and an edition's own default appeal replaces `defaultAppeal`.
   */
  readonly editions?: readonly { readonly code: string; readonly defaultAppeal: string }[];
  /** When given, an `appeal` id outside this set is an error. */
  readonly knownAppeals?: ReadonlySet<string>;
}

/**
 * Parses an article source: YAML front matter, then one paragraph per line.
 * The body is plain text, never Markdown or HTML.
 */
export function parseArticle(text: string, file: string, options: ArticleOptions = {}): Article {
  return parseArticleSource(text, file, options).article;
}

/**
 * `parseArticle`, with the line each front matter key is written on, for
 * messages about a value that only the whole archive shows to be wrong.
 */
export function parseArticleSource(
  text: string,
  file: string,
  options: ArticleOptions = {},
): { article: Article; keyLines: ReadonlyMap<string, number> } {
  const frontMatter = splitFrontMatter(text, file, { required: true });
  const {
    appeal: namedAppeal,
    edition: namedEdition,
    ...fields
  } = validateFrontMatter(articleFrontMatter, frontMatter, file);
  const edition = options.editions && editionOf(namedEdition, options.editions, frontMatter, file);
  const paragraphs = paragraphsOf(frontMatter.body.map((line) => line.text));
  const firstParagraph = paragraphs[0];
  if (firstParagraph === undefined) {
    throw new SourceError(
      file,
      frontMatter.endLine + 1,
      "the article has no body text after its front matter",
    );
  }
  const appeal = namedAppeal ?? edition?.defaultAppeal ?? options.defaultAppeal;
  if (
    appeal !== undefined &&
    appeal !== NO_APPEAL &&
    options.knownAppeals &&
    !options.knownAppeals.has(appeal)
  ) {
    const known = [...options.knownAppeals].sort().join(", ") || "none";
    throw new SourceError(
      file,
      frontMatter.keyLines.get("appeal") ?? 1,
      `unknown appeal "${appeal}" (known: ${known}; or "${NO_APPEAL}")`,
    );
  }
  const article = {
    ...fields,
    description: fields.description ?? defaultDescription(firstParagraph),
    ...((edition?.code ?? namedEdition) !== undefined && { edition: edition?.code ?? namedEdition }),
    ...(appeal !== undefined && appeal !== NO_APPEAL && { appeal }),
    paragraphs,
  };
  return { article, keyLines: frontMatter.keyLines };
}

const words = new Intl.Segmenter("en", { granularity: "word" });
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * The description of an article that states none: its first paragraph, or,
 * when that is longer than `DESCRIPTION_MAX`, as much of it as fits before a
 * space (else before a word, else before a grapheme) with "…" after it. The
 * cut never splits a grapheme, so never a surrogate pair.
 */
export function defaultDescription(paragraph: string): string {
  if (paragraph.length <= DESCRIPTION_MAX) return paragraph;
  const room = DESCRIPTION_MAX - "…".length;
  // The segmenters look a few characters ahead to place a boundary: give them some.
  const head = paragraph.slice(0, room + 16);
  const inGraphemes = graphemes.segment(head);
  const isBoundary = (index: number) => inGraphemes.containing(index)?.index === index;
  const cutAt = (index: number) => `${head.slice(0, index).trimEnd()}…`;
  // Most paragraphs have a space to cut at: found by a scan, not by segmenting words.
  for (let index = room; index > 0; index--) {
    if (/\s/u.test(head[index] ?? "") && !/\s/u.test(head[index - 1] ?? "") && isBoundary(index)) {
      return cutAt(index);
    }
  }
  const atWord = [...words.segment(head)]
    .map((segment) => segment.index)
    .filter((index) => index > 0 && index <= room && isBoundary(index));
  return cutAt(atWord.at(-1) ?? inGraphemes.containing(room)?.index ?? 0);
}

/** The edition an article names, or the default one; an unknown code is an error on its line. */
function editionOf<Edition extends { readonly code: string }>(
  code: string | undefined,
  editions: readonly Edition[],
  frontMatter: FrontMatter,
  file: string,
): Edition | undefined {
  if (code === undefined) return editions[0];
  const edition = editions.find((candidate) => candidate.code === code);
  if (edition === undefined) {
    const known = editions.map((candidate) => candidate.code).join(", ");
    throw new SourceError(
      file,
      frontMatter.keyLines.get("edition") ?? 1,
      `unknown edition "${code}" (known: ${known})`,
    );
  }
  return edition;
}

/**
 * An article's paragraphs alone, split as `parseArticle` splits them, for a
 * page whose metadata the content loader has already read and checked.
 */
export function articleParagraphs(text: string, file: string): string[] {
  return paragraphsOf(bodyAfterFrontMatter(text, file));
}

/** One paragraph per line that is not blank. */
function paragraphsOf(lines: readonly string[]): string[] {
  return lines.filter((line) => !isBlank(line));
}

/**
 * Articles newest first, by the instant they were published (offsets taken
 * into account); articles published at the same instant go by id, so the
 * order never depends on the file system.
 */
export function sortNewestFirst<Entry extends { id: string; data: { published: string } }>(
  entries: readonly Entry[],
): Entry[] {
  // Each date parsed once, not twice per comparison: three pages sort the whole archive.
  return entries
    .map((entry) => ({ entry, time: Date.parse(entry.data.published) }))
    .sort((a, b) => b.time - a.time || a.entry.id.localeCompare(b.entry.id, "en"))
    .map(({ entry }) => entry);
}
