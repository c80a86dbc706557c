import { statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { basename, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader } from "astro/loaders";
import type { z } from "zod";
import { SourceError } from "../lib/errors.ts";
import { entryId } from "../lib/schema.ts";
import { displayPath, readSource } from "../lib/sourceFile.ts";

export interface TextFileLoaderOptions<Data extends Record<string, unknown>> {
  /** The folder of `.txt` files, absolute or relative to the project root. */
  readonly directory: string;
  /** Turns one normalized file into the data the store keeps; throws `SourceError` on bad input. */
  readonly parse: (text: string, file: string, path: string) => Data | Promise<Data>;
  /** The shape of that data, which gives the collection its types. */
  readonly schema: z.ZodType<Data>;
}

const EXTENSION = ".txt";
const READ_BATCH = 64;

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

      async function sync(path: string): Promise<string> {
        const file = displayPath(path);
        const id = basename(path, EXTENSION);
        if (!entryId.safeParse(id).success) {
          throw new SourceError(
            file,
            1,
            "file names must be lower-case letters, digits and single hyphens, ending in .txt",
          );
        }
        const text = await readSource(path);
        // A substring keeps its whole source string alive in V8, so metadata cut
        // from the text would pin every file in memory; the store gets copies.
        const data = structuredClone(await options.parse(text, file, path));
        // Astro skips an entry whose digest it already has, so the digest is of
        // what is stored, which includes the file's path: a digest of the text
        // alone would keep the old path of a moved folder.
        store.set({ id, data, filePath: relative(root, path), digest: generateDigest(data) });
        return id;
      }

      const names = await readdir(directory).catch(() => {
        throw new Error(`${displayPath(directory)}: content folder not found`);
      });
      const stray = names.find((name) => !name.startsWith(".") && extname(name) !== EXTENSION);
      if (stray !== undefined) {
        throw new SourceError(
          displayPath(join(directory, stray)),
          1,
          `not a ${EXTENSION} file; only ${EXTENSION} files are read here`,
        );
      }
      const paths = names.filter((name) => extname(name) === EXTENSION).map((name) => join(directory, name));
      const loaded = new Set<string>();
      // A few files at a time: a large archive would exhaust file handles.
      for (let i = 0; i < paths.length; i += READ_BATCH) {
        for (const id of await Promise.all(paths.slice(i, i + READ_BATCH).map(sync))) loaded.add(id);
      }
      for (const id of store.keys()) if (!loaded.has(id)) store.delete(id);

      if (!watcher) return;
      watcher.add(directory);
      const isEntry = (path: string) => resolve(path, "..") === directory && extname(path) === EXTENSION;
      const onChange = async (path: string) => {
        if (!isEntry(path)) return;
        try {
          await sync(path);
          logger.info(`Reloaded ${displayPath(path)}`);
        } catch (error) {
          logger.error(error instanceof Error ? error.message : String(error));
        }
      };
      watcher.on("add", onChange);
      watcher.on("change", onChange);
      watcher.on("unlink", (path) => {
        if (isEntry(path)) store.delete(basename(path, EXTENSION));
      });
    },
  };
}
