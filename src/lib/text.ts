import { SourceError } from "./errors.ts";

/** One line of a source file, with its 1-based line number in that file. */
export interface SourceLine {
  readonly number: number;
  readonly text: string;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

// Characters a source may not hold. C0 controls other than tab and line
// breaks, DEL, and C1 controls are invisible on the page and almost always
// debris from a copy or an export. Unicode noncharacters (U+FDD0–U+FDEF and
// the last two code points of every plane) are never text, and U+FFFE and
// U+FFFF would make the RSS feed malformed XML. Written without the `u` flag,
// matching the supplementary planes' noncharacters as surrogate pairs, because
// every page scans its whole source and this runs at twice the speed of
// `\p{Noncharacter_Code_Point}`.
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/;

// What a front matter string may not hold beyond that: a line break (every
// value is one line, as every paragraph is) or half of a surrogate pair, which
// a YAML escape such as "\uD800" can write but no UTF-8 source can.
const FORBIDDEN_IN_FIELD = new RegExp(
  `${FORBIDDEN.source}|[\n\r]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`,
);

const isNoncharacter = (code: number) => (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe;

/**
 * Decodes a source file and applies the only normalizations the site makes:
 * a UTF-8 byte-order mark is dropped, CRLF and lone CR become LF, and spaces
 * and tabs at the end of a line are trimmed. Everything else is kept exactly.
 * Invalid UTF-8, control characters and noncharacters are errors, not
 * silently replaced.
 */
export function decodeSource(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const line = countLineBreaks(bytes.subarray(0, offset)) + 1;
    throw new SourceError(file, line, `invalid UTF-8 byte 0x${hex(bytes[offset] ?? 0)}`);
  }
  return normalizeText(text, file);
}

/** The same rules as `decodeSource`, for text that is already a string. */
export function normalizeText(text: string, file: string): string {
  // Whole-text passes, because every page runs this: a pass per line costs
  // several times more, and most files have no blanks at line ends to trim.
  let normalized = text.replace(/^\uFEFF/u, "").replace(/\r\n?/gu, "\n");
  if (hasTrailingBlank(normalized)) normalized = normalized.split("\n").map(trimEnd).join("\n");
  const found = FORBIDDEN.exec(normalized);
  if (found) {
    const before = normalized.slice(0, found.index);
    const line = before.split("\n").length;
    const column = found.index - (before.lastIndexOf("\n") + 1) + 1;
    const code = found[0].codePointAt(0) ?? 0;
    const kind = isNoncharacter(code) ? "noncharacter" : "control character";
    throw new SourceError(file, line, `${kind} U+${hex(code).padStart(4, "0")} at column ${column}`);
  }
  return normalized;
}

/**
 * What is wrong with a string read from front matter, if anything: the body's
 * rules (no control characters but tab, no noncharacters), on one line, and
 * no lone surrogates. Every string of the parsed YAML goes through this,
 * wherever it ends up.
 */
export function fieldTextProblem(value: string): string | undefined {
  const found = FORBIDDEN_IN_FIELD.exec(value);
  if (!found) return undefined;
  const code = found[0].codePointAt(0) ?? 0;
  const kind =
    code === 0x0a || code === 0x0d
      ? "line break"
      : code >= 0xd800 && code <= 0xdfff
        ? "lone surrogate"
        : isNoncharacter(code)
          ? "noncharacter"
          : "control character";
  return `${kind} U+${hex(code).padStart(4, "0")} in the text`;
}

/** Whether a line of the text ends in a space or a tab (`includes` is much faster than a regex here). */
function hasTrailingBlank(text: string): boolean {
  return text.includes(" \n") || text.includes("\t\n") || text.endsWith(" ") || text.endsWith("\t");
}

/** A line without the spaces and tabs at its end (a loop: a regex would backtrack over long runs). */
function trimEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === " " || line[end - 1] === "\t")) end--;
  return line.slice(0, end);
}

/** Splits normalized text into numbered lines, starting at `firstNumber`. */
export function numberLines(text: string, firstNumber = 1): SourceLine[] {
  return text.split("\n").map((line, index) => ({ number: firstNumber + index, text: line }));
}

/** A line that holds no visible text: empty, or white space only. */
export function isBlank(line: string): boolean {
  return line.trim() === "";
}

function hex(value: number): string {
  return value.toString(16).toUpperCase().padStart(2, "0");
}

function countLineBreaks(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) count++;
  }
  return count;
}

/** Finds the first byte of the first sequence that breaks UTF-8. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  // Binary search for the longest prefix that decodes, allowing a sequence
  // cut at its end (which `stream: true` tolerates)...
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (decodes(bytes.subarray(0, mid), { stream: true })) low = mid;
    else high = mid - 1;
  }
  // ...and if that prefix ends inside a sequence, the sequence's lead byte is where it broke.
  let offset = low;
  if (!decodes(bytes.subarray(0, offset), { stream: false })) {
    while (offset > 0 && ((bytes[offset - 1] ?? 0) & 0xc0) === 0x80) offset--;
    offset--;
  }
  return offset;
}

function decodes(bytes: Uint8Array, options: { stream: boolean }): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, options);
    return true;
  } catch {
    return false;
  }
}
