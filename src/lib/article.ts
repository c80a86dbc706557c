import { z } from "zod";
import { SourceError } from "./errors.ts";
import { bodyAfterFrontMatter, splitFrontMatter, validateFrontMatter } from "./frontMatter.ts";
import { dateTime, entryId, singleLine } from "./schema.ts";
import { isBlank } from "./text.ts";

/** Front matter `appeal: none` leaves the appeal off an article. */
export const NO_APPEAL = "none";

/** An article's front matter: `z.input` is what an author may write, `z.output` what it reads as. */
export const articleFrontMatter = z
  .strictObject({
    title: singleLine,
    /** ISO 8601 with offset, exactly as written in the source. */
    published: dateTime,
    updated: dateTime.optional(),
    /** When absent, the article's first paragraph. */
    description: singleLine.optional(),
    credit: singleLine.optional(),
    section: singleLine.optional(),
    tags: z.array(singleLine, { error: "must be a list of tags" }).default(() => []),
    /** The appeal to show after the article, `none` for none; when absent, the site's. */
    appeal: entryId.optional(),
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
  /** When given, an `appeal` id outside this set is an error. */
  readonly knownAppeals?: ReadonlySet<string>;
}

/**
 * Parses an article source: YAML front matter, then one paragraph per line.
 * The body is plain text, never Markdown or HTML.
 */
export function parseArticle(text: string, file: string, options: ArticleOptions = {}): Article {
  const frontMatter = splitFrontMatter(text, file, { required: true });
  const { appeal: namedAppeal, ...fields } = validateFrontMatter(articleFrontMatter, frontMatter, file);
  const paragraphs = paragraphsOf(frontMatter.body.map((line) => line.text));
  const firstParagraph = paragraphs[0];
  if (firstParagraph === undefined) {
    throw new SourceError(
      file,
      frontMatter.endLine + 1,
      "the article has no body text after its front matter",
    );
  }
  const appeal = namedAppeal ?? options.defaultAppeal;
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
  return {
    ...fields,
    description: fields.description ?? firstParagraph,
    ...(appeal !== undefined && appeal !== NO_APPEAL && { appeal }),
    paragraphs,
  };
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
