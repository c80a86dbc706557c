import { LinkifyIt } from "linkify-it";

/** A run of a paragraph's text: plain, or a link whose text is exactly the source's. */
export type TextSegment =
  { readonly text: string; readonly href?: never } | { readonly text: string; readonly href: string };

// http:// and https:// only: no addresses without a scheme, no e-mail, no
// mailto:, ftp: or protocol-relative "//" links.
const linkify = new LinkifyIt({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false })
  .add("ftp:", null)
  .add("mailto:", null)
  .add("//", null);

const MAY_HOLD_URL = /https?:\/\//iu;

/**
 * Splits a paragraph into plain text and the http(s) URLs it holds. The
 * segments' texts joined are the paragraph, unchanged; a link opens the
 * address as written. linkify-it leaves a trailing period or closing bracket
 * out of the URL.
 */
export function linkSegments(text: string): TextSegment[] {
  // Most paragraphs hold no URL: skip linkify-it's full scan for them.
  if (!MAY_HOLD_URL.test(text)) return [{ text }];
  const matches = linkify.match(text) ?? [];
  const segments: TextSegment[] = [];
  let at = 0;
  for (const match of matches) {
    if (match.index > at) segments.push({ text: text.slice(at, match.index) });
    segments.push({ text: match.raw, href: match.raw });
    at = match.lastIndex;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at) });
  return segments;
}
