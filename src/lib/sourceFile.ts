import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readFileSync,
  statSync,
  type Stats,
} from "node:fs";
import { relative } from "node:path";
import { articleParagraphs, parseArticle, type Article, type ArticleOptions } from "./article.ts";
import { SourceError } from "./errors.ts";
import { decodeSource } from "./text.ts";

/** A path as it should appear in messages: relative to the working directory. */
export function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown.startsWith("..") ? path : shown;
}

/**
 * Reads and normalizes a source file (see `decodeSource`). Synchronously: a
 * source is small, and `fs.promises.readFile` sends each open, stat, read and
 * close through the thread pool.
 */
export function readSource(path: string): string {
  return decodeSource(readSourceBytes(path), displayPath(path));
}

/** Reads and parses an article file. */
export function readArticle(path: string, options?: ArticleOptions): Article {
  const file = displayPath(path);
  return parseArticle(decodeSource(readSourceBytes(path), file), file, options);
}

/** Reads an article file's paragraphs, without its front matter (see `articleParagraphs`). */
export function readArticleParagraphs(path: string): string[] {
  const file = displayPath(path);
  return articleParagraphs(decodeSource(readSourceBytes(path), file), file);
}

/**
 * The bytes of a regular file. Anything else (a folder, a FIFO, a socket, a
 * device) is refused before it is opened for reading: reading a FIFO would
 * wait for a writer forever. The file is opened without blocking and checked
 * again, in case it was swapped between the two looks. Every file-system
 * problem becomes a `SourceError` naming the file.
 */
export function readSourceBytes(path: string): Buffer {
  const file = displayPath(path);
  let fd: number | undefined;
  try {
    refuseIrregular(statSync(path), file);
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    refuseIrregular(fstatSync(fd), file);
    return readFileSync(fd);
  } catch (error) {
    throw error instanceof SourceError ? error : fileSystemError(path, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function refuseIrregular(stats: Stats, file: string): void {
  if (stats.isFile()) return;
  const kind = stats.isDirectory()
    ? "a folder"
    : stats.isFIFO()
      ? "a named pipe (FIFO)"
      : stats.isSocket()
        ? "a socket"
        : "a device";
  throw new SourceError(file, 1, `is ${kind}, not a file: only regular files are read`);
}

/** A file-system error as a `SourceError` that names the file and says the problem in words. */
export function fileSystemError(path: string, error: unknown): SourceError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const dangling = code === "ENOENT" && lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink();
  const problems: Record<string, string> = {
    ENOENT: dangling ? "is a symbolic link to nothing: its target does not exist" : "does not exist",
    EACCES: "cannot be read: permission denied",
    EPERM: "cannot be read: operation not permitted",
    EISDIR: "is a folder, not a file: only regular files are read",
    ELOOP: "is a symbolic link in a loop",
    ENAMETOOLONG: "has a name too long to open",
  };
  const problem =
    (code && problems[code]) ?? `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  return new SourceError(displayPath(path), 1, problem);
}
