import { z } from "zod";
import { SourceError } from "./errors.ts";
import { splitFrontMatter, validateFrontMatter } from "./frontMatter.ts";
import { exactUrl, singleLine } from "./schema.ts";
import { isBlank } from "./text.ts";

export const DEFAULT_SNOOZE_DAYS = 30;

/** An appeal's front matter: `z.input` is what an author may write, `z.output` what it reads as. */
export const appealFrontMatter = z.strictObject({
  /** How long "Remind me later." hides the appeal. */
  snoozeDays: z
    .number({ error: "must be a whole number of days" })
    .int("must be a whole number of days")
    .min(1, "must be at least 1")
    .max(3650, "must be at most 3650")
    .default(DEFAULT_SNOOZE_DAYS),
  support: z
    .strictObject(
      {
        label: singleLine,
        href: exactUrl,
      },
      { error: "must have a label and an href" },
    )
    .optional(),
});

/** The publisher's reader appeal, shown after articles: its front matter and its lines. */
export const appealEntry = appealFrontMatter.extend({
  heading: z.string(),
  /** Every line between the heading and the dismiss label. */
  paragraphs: z.array(z.string()),
  /** The text of the button that snoozes the appeal. */
  dismissLabel: z.string(),
});

export type Appeal = z.output<typeof appealEntry>;

/**
 * Parses an appeal source: optional front matter, then its first line is the
 * heading, its last line the dismiss label, and the lines between are its
 * paragraphs.
 */
export function parseAppeal(text: string, file: string): Appeal {
  const frontMatter = splitFrontMatter(text, file, { required: false });
  const data = validateFrontMatter(appealFrontMatter, frontMatter, file);
  const lines = frontMatter.body.filter((line) => !isBlank(line.text)).map((line) => line.text);
  const heading = lines[0];
  const dismissLabel = lines.at(-1);
  if (heading === undefined || dismissLabel === undefined || lines.length < 3) {
    throw new SourceError(
      file,
      frontMatter.endLine + 1,
      `an appeal needs at least three lines (heading, text, dismiss label); found ${lines.length}`,
    );
  }
  return { ...data, heading, paragraphs: lines.slice(1, -1), dismissLabel };
}
