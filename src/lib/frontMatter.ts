import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { z } from "zod";
import { SourceError } from "./errors.ts";
import { fieldTextProblem, numberLines, type SourceLine } from "./text.ts";

export interface FrontMatter {
  /** The YAML mapping between the `---` lines; empty when there is none. */
  readonly data: Readonly<Record<string, unknown>>;
  /**
   * The line each key (and list item) is written on, by its path: `title`,
   * `support.href`, `tags.0`. Read from the YAML parser, for error messages.
   */
  readonly keyLines: ReadonlyMap<string, number>;
  /** The line of the closing `---`, or 0 when there is no front matter. */
  readonly endLine: number;
  /** Every line after the front matter, numbered as in the file. */
  readonly body: readonly SourceLine[];
}

const FENCE = "---";
/** The most UTF-8 bytes the YAML between the fences may hold. */
export const FRONT_MATTER_MAX_BYTES = 16 * 1024;

/**
 * Splits normalized text into its YAML front matter and its body. YAML is read
 * with the core schema, so dates stay the strings the author wrote. Anchors,
 * aliases and merge keys are refused (an alias repeats text the source holds
 * once), and every string passes the body's text rules on a single line.
 */
export function splitFrontMatter(
  text: string,
  file: string,
  { required }: { required: boolean },
): FrontMatter {
  const lines = numberLines(text);
  const end = closingFence(
    lines.map((line) => line.text),
    file,
    required,
  );
  if (end === undefined) return { data: {}, keyLines: new Map(), endLine: 0, body: lines };
  const yamlLines = lines.slice(1, end);
  checkSize(yamlLines, file);
  return { ...parseYamlMapping(yamlLines, file), endLine: end + 1, body: lines.slice(end + 1) };
}

function checkSize(lines: readonly SourceLine[], file: string): void {
  let bytes = 0;
  for (const line of lines) {
    bytes += Buffer.byteLength(line.text) + 1;
    if (bytes > FRONT_MATTER_MAX_BYTES) {
      throw new SourceError(
        file,
        line.number,
        `front matter is longer than ${FRONT_MATTER_MAX_BYTES / 1024} KiB (${FRONT_MATTER_MAX_BYTES} bytes of UTF-8)`,
      );
    }
  }
}

/**
 * Validates front matter against a schema. The first problem becomes a
 * `SourceError` on the line of the key it concerns (or of the key that should
 * hold it, or the opening fence, when the key is missing). An unknown key is
 * reported before anything else: a misspelled key also leaves a key missing.
 */
export function validateFrontMatter<Schema extends z.ZodType>(
  schema: Schema,
  frontMatter: FrontMatter,
  file: string,
): z.output<Schema> {
  const result = schema.safeParse(frontMatter.data);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const issue = issues.find((candidate) => candidate.code === "unrecognized_keys") ?? issues[0];
  if (!issue) throw new SourceError(file, 1, "invalid front matter");
  throw issueToError(issue, schema, frontMatter, file);
}

function issueToError(
  issue: z.core.$ZodIssue,
  schema: z.ZodType,
  frontMatter: FrontMatter,
  file: string,
): SourceError {
  const path = issue.path.map(String);
  const lineOf = (keys: readonly string[]) =>
    keys.length === 0 ? 1 : frontMatter.keyLines.get(keys.join("."));
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    const known = knownKeys(schema, path);
    const closest = closestKey(key, known);
    const hint = closest ? `did you mean "${closest}"?` : `known keys: ${known.join(", ")}`;
    const field = [...path, key].join(".");
    return new SourceError(
      file,
      lineOf([...path, key]) ?? 1,
      `unknown front matter key "${field}" (${hint})`,
    );
  }
  const field = path.join(".");
  const line = lineOf(path);
  if (line === undefined) {
    // The key is missing: blame the nearest key that is written, or the opening fence.
    let parent = path.slice(0, -1);
    while (parent.length > 0 && lineOf(parent) === undefined) parent = parent.slice(0, -1);
    return new SourceError(file, lineOf(parent) ?? 1, `front matter "${field}" is required`);
  }
  return new SourceError(file, line, field ? `"${field}" ${issue.message}` : issue.message);
}

/** The keys an object schema (at `path` inside `schema`) accepts, in the order written. */
function knownKeys(schema: z.ZodType, path: readonly string[]): string[] {
  let current: z.core.$ZodType | undefined = unwrap(schema);
  for (const key of path) {
    const def: z.core.$ZodTypeDef = current._zod.def;
    current = def.type === "object" ? (def as z.core.$ZodObjectDef).shape[key] : undefined;
    if (current === undefined) return [];
    current = unwrap(current);
  }
  const def = current._zod.def;
  return def.type === "object" ? Object.keys((def as z.core.$ZodObjectDef).shape) : [];
}

/** The schema inside optional, default and pipe wrappers. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  const def = schema._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
  if ((def.type === "optional" || def.type === "default" || def.type === "nullable") && def.innerType) {
    return unwrap(def.innerType);
  }
  if (def.type === "pipe" && def.in) return unwrap(def.in);
  return schema;
}

/** The known key nearest to a misspelled one, when it is near enough to be the one meant. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { key: candidate, distance };
  }
  // Two edits, or a third of the word for long words: closer than that is a typo, not another word.
  return best && best.distance <= Math.max(2, Math.floor(best.key.length / 3)) ? best.key : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i]!;
      const above = rows[i - 1]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
      }
    }
  }
  return rows[a.length]![b.length]!;
}

/** A key in quotes, with what it may not hold written as escapes, so that a message stays one line. */
function quote(key: string): string {
  return JSON.stringify(key).replace(
    /[\u007F-\u009F\u2028\u2029\uFDD0-\uFDEF\uFFFE\uFFFF]/gu,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * The lines after the front matter, split exactly as `splitFrontMatter` does,
 * without reading the YAML: for pages whose metadata the loader already read.
 */
export function bodyAfterFrontMatter(text: string, file: string): readonly string[] {
  const lines = text.split("\n");
  // Required: without a closing fence `closingFence` throws rather than return undefined.
  const end = closingFence(lines, file, true) ?? 0;
  return lines.slice(end + 1);
}

/** The index of the closing `---` line, or undefined when there is no front matter. */
function closingFence(lines: readonly string[], file: string, required: boolean): number | undefined {
  if (lines[0] !== FENCE) {
    if (required) {
      throw new SourceError(file, 1, `front matter missing: the file must start with a "${FENCE}" line`);
    }
    return undefined;
  }
  const end = lines.indexOf(FENCE, 1);
  if (end === -1) {
    throw new SourceError(file, 1, `front matter is never closed: add a "${FENCE}" line after it`);
  }
  return end;
}

function parseYamlMapping(
  lines: readonly SourceLine[],
  file: string,
): Pick<FrontMatter, "data" | "keyLines"> {
  const firstLine = lines[0]?.number ?? 2;
  const lineCounter = new LineCounter();
  const document = parseDocument(lines.map((line) => line.text).join("\n"), {
    schema: "core",
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  /** A problem at an offset of the YAML text, as a `SourceError` with the file's line and column. */
  const errorAt = (offset: number, problem: string) => {
    const { line, col } = lineCounter.linePos(offset);
    return new SourceError(file, firstLine + line - 1, `${problem} at column ${col}`, col);
  };
  const [yamlError] = [...document.errors, ...document.warnings];
  if (yamlError) {
    const reason =
      yamlError.code === "MULTIPLE_DOCS"
        ? 'nothing may follow the end of the document ("...")'
        : yamlError.message.replace(/\.$/u, "");
    throw errorAt(yamlError.pos[0], `invalid YAML in front matter: ${reason}`);
  }

  const keyLines = new Map<string, number>();
  const lineAt = (offset: number) => firstLine + lineCounter.linePos(offset).line - 1;
  // Each value is built from its checked nodes (not by `toJS`, which would expand aliases first).
  const visit = (node: Node | null, path: readonly string[]): unknown => {
    if (node === null) return null;
    const start = node.range?.[0] ?? 0;
    if (isAlias(node)) throw errorAt(start, "aliases (*name) are not allowed in front matter");
    if (node.anchor !== undefined) throw errorAt(start, "anchors (&name) are not allowed in front matter");
    if (isScalar(node)) {
      const problem = typeof node.value === "string" ? fieldTextProblem(node.value) : undefined;
      if (problem) throw errorAt(start, `${quote(path.join("."))}: ${problem}`);
      return node.value;
    }
    if (isMap(node)) {
      const entries = node.items.map((pair) => {
        const key = pair.key as Node | null;
        const keyStart = key?.range?.[0] ?? start;
        if (!isScalar(key) || typeof key.value !== "string") {
          throw errorAt(keyStart, "front matter keys must be plain words");
        }
        if (key.value === "<<") throw errorAt(keyStart, "merge keys (<<) are not allowed in front matter");
        const keyPath = [...path, key.value];
        visit(key, keyPath);
        keyLines.set(keyPath.join("."), lineAt(keyStart));
        return [key.value, visit(pair.value as Node | null, keyPath)] as const;
      });
      // `fromEntries` defines own properties: a key "__proto__" stays a key (an unknown one).
      return Object.fromEntries(entries);
    }
    if (isSeq(node)) {
      return node.items.map((item, index) => {
        const itemPath = [...path, String(index)];
        keyLines.set(itemPath.join("."), lineAt((item as Node).range?.[0] ?? start));
        return visit(item as Node | null, itemPath);
      });
    }
    throw errorAt(start, "front matter holds something that is not YAML text, a list or a mapping");
  };
  const contents = document.contents as Node | null;
  const data = visit(contents, []);
  if (contents === null) return { data: {}, keyLines };
  if (!isMap(contents)) {
    throw new SourceError(file, firstLine, "front matter must be a YAML mapping of keys to values");
  }
  return { data: data as Record<string, unknown>, keyLines };
}
