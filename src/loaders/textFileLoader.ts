import { lstatSync, statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { basename, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader } from "astro/loaders";
import type { z } from "zod";
import { SourceError } from "../lib/errors.ts";
import { entryId } from "../lib/schema.ts";
import { displayPath, readSource } from "../lib/sourceFile.ts";
import { clearContentProblem, reportContentProblem } from "./contentProblems.ts";

export interface TextFileLoaderOptions<Data extends Record<string, unknown>> {
  /** The folder of `.txt` files, absolute or relative to the project root. */
  readonly directory: string;
  /** Turns one normalized file into the data the store keeps; throws `SourceError` on bad input. */
  readonly parse: (text: string, file: string, path: string) => Data | Promise<Data>;
  /** The shape of that data, which gives the collection its types. */
  readonly schema: z.ZodType<Data>;
}

const EXTENSION = ".txt";
/** How long a changed file must be left alone before `astro dev` reads it. */
const SETTLE_MS = 100;

const entryIdsByFolder = new Map<string, { mtimeMs: number; ids: Promise<ReadonlySet<string>> }>();

/**
 * The ids (file names less `.txt`) of the entries in a folder of text files.
 * Every article asks for its appeal folder's, so the answer is kept until the
 * folder's mtime moves, which adding, removing or renaming a file does.
 */
export function listEntryIds(directory: string): Promise<ReadonlySet<string>> {
  const mtimeMs = statSync(directory, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  const cached = entryIdsByFolder.get(directory);
  if (cached?.mtimeMs === mtimeMs) return cached.ids;
  const ids = readdir(directory)
    .catch(() => [])
    .then(
      (names) =>
        new Set(names.filter((name) => extname(name) === EXTENSION).map((name) => basename(name, EXTENSION))),
    );
  entryIdsByFolder.set(directory, { mtimeMs, ids });
  return ids;
}

function strayError(path: string): SourceError {
  return new SourceError(
    displayPath(path),
    1,
    `not a ${EXTENSION} file; only ${EXTENSION} files are read here`,
  );
}

/**
 * A content loader for a folder of plain-text files, one entry per file, its id
 * the file name. Any file it cannot read exactly stops the build.
 */
export function textFileLoader<Data extends Record<string, unknown>>(
  options: TextFileLoaderOptions<Data>,
): Loader {
  return {
    name: "text-file-loader",
    schema: options.schema,
    async load({ config, store, generateDigest, watcher, logger }) {
      const root = fileURLToPath(config.root);
      const directory = resolve(root, options.directory);

      async function sync(path: string): Promise<void> {
        const file = displayPath(path);
        if (extname(path) !== EXTENSION) throw strayError(path);
        const id = basename(path, EXTENSION);
        const [issue] = entryId.safeParse(id).error?.issues ?? [];
        if (issue) {
          throw new SourceError(
            file,
            1,
            issue.code === "custom"
              ? `file names ${issue.message}`
              : "file names must be lower-case letters, digits and single hyphens, ending in .txt",
          );
        }
        const text = readSource(path);
        // A substring keeps its whole source string alive in V8, so metadata cut
        // from the text would pin every file in memory; the store gets copies.
        const data = structuredClone(await options.parse(text, file, path));
        // Astro skips an entry whose digest it already has, so the digest is of
        // what is stored, the file's path included: a digest of the text alone
        // would keep the old path of a moved folder.
        const filePath = relative(root, path);
        store.set({ id, data, filePath, digest: generateDigest({ filePath, data }) });
      }

      // A build stops at the first bad file. In `astro dev` (which has a
      // watcher) the server keeps running: the problem is shown on every page
      // until the file is fixed, and the entry keeps its last good data.
      function reportOrThrow(path: string, error: unknown): void {
        if (!watcher || !(error instanceof Error)) throw error;
        reportContentProblem(path, error);
        logger.error(error.message);
      }

      async function syncOrReport(path: string): Promise<boolean> {
        try {
          await sync(path);
          clearContentProblem(path);
          return true;
        } catch (error) {
          reportOrThrow(path, error);
          return false;
        }
      }

      const names = await readdir(directory).catch(() => {
        throw new Error(`${displayPath(directory)}: content folder not found`);
      });
      for (const stray of names.filter((name) => !name.startsWith(".") && extname(name) !== EXTENSION)) {
        const path = join(directory, stray);
        reportOrThrow(path, strayError(path));
      }
      const paths = names.filter((name) => extname(name) === EXTENSION).map((name) => join(directory, name));
      for (const path of paths) await syncOrReport(path);
      const ids = new Set(paths.map((path) => basename(path, EXTENSION)));
      for (const id of store.keys()) if (!ids.has(id)) store.delete(id);

      if (!watcher) return;
      watcher.add(directory);
      // Everything that appears in the folder is looked at, as a build would:
      // a stray file or a `.txt` folder is reported, and forgotten when it goes.
      const inDirectory = (path: string) =>
        resolve(path, "..") === directory && !basename(path).startsWith(".");
      const isEntry = (path: string) => inDirectory(path) && extname(path) === EXTENSION;
      // Editors save by emptying a file and then writing it, and the watcher
      // may report only the first step: read a file once it has been quiet for
      // a moment, and one read of a file at a time, so the last save wins.
      const settling = new Map<string, ReturnType<typeof setTimeout>>();
      const reading = new Map<string, Promise<void>>();
      const reload = async (path: string) => {
        // Gone before its turn came (`unlink` has forgotten it): nothing to report.
        if (!lstatSync(path, { throwIfNoEntry: false })) return;
        if (await syncOrReport(path)) logger.info(`Reloaded ${displayPath(path)}`);
      };
      const onChange = (path: string) => {
        if (!inDirectory(path)) return;
        clearTimeout(settling.get(path));
        settling.set(
          path,
          setTimeout(() => {
            settling.delete(path);
            reading.set(
              path,
              (reading.get(path) ?? Promise.resolve()).then(() => reload(path)),
            );
          }, SETTLE_MS),
        );
      };
      const onRemove = (path: string) => {
        if (!inDirectory(path)) return;
        clearTimeout(settling.get(path));
        settling.delete(path);
        clearContentProblem(path);
        if (isEntry(path)) store.delete(basename(path, EXTENSION));
      };
      watcher.on("add", onChange);
      watcher.on("addDir", onChange);
      watcher.on("change", onChange);
      watcher.on("unlink", onRemove);
      watcher.on("unlinkDir", onRemove);
    },
  };
}
