/**
 * A problem in a content source file. The message always names the file and
 * the line, so a failed build points straight at what to fix.
 */
export class SourceError extends Error {
  readonly file: string;
  readonly line: number;
  readonly problem: string;

  constructor(file: string, line: number, problem: string) {
    super(`${file}:${line}: ${problem}`);
    this.name = "SourceError";
    this.file = file;
    this.line = line;
    this.problem = problem;
  }
}
