import { resolve } from "node:path";

/**
 * A problem in a content source file. The message always names the file and
 * the line, so a failed build points straight at what to fix.
 */
export class SourceError extends Error {
  readonly file: string;
  readonly line: number;
  readonly problem: string;
  /**
   * The same place in the shape Vite and Astro read from errors (`loc`), so
   * that `astro dev` shows the file and line, with the lines around it, in its
   * error overlay.
   */
  readonly loc: { readonly file: string; readonly line: number; readonly column: number };

  constructor(file: string, line: number, problem: string, column = 1) {
    super(`${file}:${line}: ${problem}`);
    this.name = "SourceError";
    this.file = file;
    this.line = line;
    this.problem = problem;
    this.loc = { file: resolve(file), line, column };
  }
}
