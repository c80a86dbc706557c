import { execFileSync } from "node:child_process";
import { mkdir, symlink } from "node:fs/promises";
import { createServer } from "node:net";
import type { ErrorCase } from "../fixtures/corpus.ts";

/**
 * Puts something other than a regular file at `path`, as a corpus case asks.
 * Returns what undoes it, where something must be stopped (a socket's server).
 */
export async function makeNode(
  path: string,
  node: NonNullable<ErrorCase["node"]>,
): Promise<() => Promise<void>> {
  switch (node) {
    case "folder":
      await mkdir(path);
      break;
    case "dangling symlink":
      await symlink(`${path}.missing`, path);
      break;
    case "fifo":
      execFileSync("mkfifo", [path]);
      break;
    case "socket": {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(path, resolve));
      return () => new Promise((resolve) => server.close(() => resolve()));
    }
  }
  return async () => {};
}
