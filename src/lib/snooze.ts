import { createHash } from "node:crypto";
import type { Appeal } from "./appeal.ts";
import { formatNumber, type Lang, STRINGS } from "./strings.ts";

/**
 * What the page's head script needs to decide, before first paint, whether
 * the appeal is snoozed on this device.
 */
export interface SnoozeSettings {
  /** The appeal's id (its file name): one stored snooze per appeal. */
  readonly id: string;
  /** Changes whenever the appeal's text does, so that a changed appeal shows again at once. */
  readonly version: string;
  /** How long "Remind me later." hides the appeal. */
  readonly days: number;
}

/** The name of the `<meta>` that carries {@link SnoozeSettings} to the head script. */
export const SNOOZE_META_NAME = "appeal-snooze";

/**
 * A short version of an appeal's text: the first 12 characters of the
 * base64url SHA-256 of everything a reader sees (heading, paragraphs, support
 * link, dismiss label). Any change to that text gives another version; the
 * same text always gives the same one.
 */
export function appealVersion(
  appeal: Pick<Appeal, "heading" | "paragraphs" | "dismissLabel" | "support">,
): string {
  const text = JSON.stringify([
    appeal.heading,
    appeal.paragraphs,
    appeal.support?.label ?? null,
    appeal.support?.href ?? null,
    appeal.dismissLabel,
  ]);
  return createHash("sha256").update(text, "utf8").digest("base64url").slice(0, 12);
}

/** The settings of one appeal entry. */
export function snoozeSettings(id: string, appeal: Appeal): SnoozeSettings {
  return { id, version: appealVersion(appeal), days: appeal.snoozeDays };
}

/**
 * The `content` of the snooze `<meta>`: id, version and days separated by
 * single spaces. None of them can hold a space: ids are lower-case letters,
 * digits and hyphens, versions base64url, days a whole number.
 */
export function snoozeMetaContent(settings: SnoozeSettings): string {
  const { id, version, days } = settings;
  if (!/^[a-z0-9-]+$/u.test(id))
    throw new Error(`appeal id ${JSON.stringify(id)} cannot go in the snooze meta`);
  if (!/^[\w-]+$/u.test(version)) throw new Error(`version ${JSON.stringify(version)} is not base64url`);
  if (!Number.isInteger(days) || days < 1)
    throw new Error(`snooze days must be a whole number ≥ 1, not ${days}`);
  return `${id} ${version} ${days}`;
}

/** The sentence screen readers hear after "Remind me later.", in the edition's language. */
export function snoozeAnnouncement(days: number, lang: Lang = "en"): string {
  return STRINGS[lang].appealHidden(formatNumber(lang, days), days);
}
