import { SourceError } from "../lib/errors.ts";

// In `astro dev` a broken content file must not stop the server, yet must not
// go unnoticed either: the loader reports it here, and every page throws it,
// so Astro's error overlay names the file and line until the file is fixed.
// A build never records anything: there the loader throws at once.
//
// The loader and the pages run in the same process but load separate copies
// of this module, so the record lives on globalThis.
const RECORD = Symbol.for("plain-news.contentProblems");

function problems(): Map<string, Error> {
  const global = globalThis as { [RECORD]?: Map<string, Error> };
  global[RECORD] ??= new Map();
  return global[RECORD];
}

/** Records that a source file (by absolute path) could not be loaded. */
export function reportContentProblem(path: string, error: Error): void {
  problems().set(path, error);
}

/** Forgets a file's problem: it loaded, or it is gone. */
export function clearContentProblem(path: string): void {
  problems().delete(path);
}

/** Throws the first recorded problem, if any content file is broken. */
export function throwIfContentBroken(): void {
  const [first] = problems().values();
  if (first === undefined) return;
  // A fresh error each time: Astro annotates the errors it shows.
  throw first instanceof SourceError
    ? new SourceError(first.file, first.line, first.problem, first.loc.column)
    : first;
}
