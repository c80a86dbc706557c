import yaml from "js-yaml";
import type { z } from "zod";
import { SourceError } from "./errors.ts";
import { numberLines, type SourceLine } from "./text.ts";

export interface FrontMatter {
  /** The YAML mapping between the `---` lines; empty when there is none. */
  readonly data: Readonly<Record<string, unknown>>;
  /** The line each top-level key is written on, for error messages. */
  readonly keyLines: ReadonlyMap<string, number>;
  /** The line of the closing `---`, or 0 when there is no front matter. */
  readonly endLine: number;
  /** Every line after the front matter, numbered as in the file. */
  readonly body: readonly SourceLine[];
}

const FENCE = "---";
const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*)[ \t]*:/u;

/**
 * Splits normalized text into its YAML front matter and its body. YAML is read
 * with the core schema, so dates stay the strings the author wrote.
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
  return {
    data: parseYamlMapping(yamlLines, file),
    keyLines: new Map(
      yamlLines.flatMap((line) => {
        const key = TOP_LEVEL_KEY.exec(line.text)?.[1];
        return key === undefined ? [] : [[key, line.number] as const];
      }),
    ),
    endLine: end + 1,
    body: lines.slice(end + 1),
  };
}

/**
 * Validates front matter against a schema. The first problem becomes a
 * `SourceError` on the line of the key it concerns (or of the opening fence
 * when the key is missing).
 */
export function validateFrontMatter<Schema extends z.ZodType>(
  schema: Schema,
  frontMatter: FrontMatter,
  file: string,
): z.output<Schema> {
  const result = schema.safeParse(frontMatter.data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new SourceError(file, 1, "invalid front matter");
  throw issueToError(issue, frontMatter, file);
}

function issueToError(issue: z.core.$ZodIssue, frontMatter: FrontMatter, file: string): SourceError {
  const fenceLine = 1;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    return new SourceError(
      file,
      frontMatter.keyLines.get(key) ?? fenceLine,
      `unknown front matter key "${key}" (a typo?)`,
    );
  }
  const key = String(issue.path[0] ?? "");
  const line = frontMatter.keyLines.get(key);
  if (key !== "" && line === undefined) {
    return new SourceError(file, fenceLine, `front matter "${key}" is required`);
  }
  const field = issue.path.map(String).join(".");
  return new SourceError(file, line ?? fenceLine, field ? `"${field}" ${issue.message}` : issue.message);
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

function parseYamlMapping(lines: readonly SourceLine[], file: string): Record<string, unknown> {
  const firstLine = lines[0]?.number ?? 2;
  let value: unknown;
  try {
    value = yaml.load(lines.map((line) => line.text).join("\n"), { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      throw new SourceError(
        file,
        firstLine + error.mark.line,
        `invalid YAML in front matter: ${error.reason}`,
      );
    }
    throw error;
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new SourceError(file, firstLine, "front matter must be a YAML mapping of keys to values");
  }
  return value as Record<string, unknown>;
}

/**
 * The line each top-level front matter key is written on, read as
 * `splitFrontMatter` reads it but without the YAML: for messages about a
 * key's value found later, when all entries are known.
 */
export function frontMatterKeyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  if (!text.startsWith(`${FENCE}\n`)) return lines;
  let start = FENCE.length + 1;
  for (let number = 2; start < text.length; number++) {
    const end = text.indexOf("\n", start);
    const line = text.slice(start, end === -1 ? text.length : end);
    if (line === FENCE) break;
    const key = TOP_LEVEL_KEY.exec(line)?.[1];
    if (key !== undefined && !lines.has(key)) lines.set(key, number);
    if (end === -1) break;
    start = end + 1;
  }
  return lines;
}
