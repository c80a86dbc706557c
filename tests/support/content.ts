import { copyFile, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Loader, LoaderContext } from "astro/loaders";
import { ROOT } from "./paths.ts";

export interface ContentFiles {
  /** File name → content, written as given (strings as UTF-8). */
  readonly articles: Readonly<Record<string, string | Uint8Array>>;
  /** Appeals to add beside the site's own `moscow-times.txt`. */
  readonly appeals?: Readonly<Record<string, string | Uint8Array>>;
}

/** Writes a content folder (articles/ and appeals/) in a fresh temporary directory. */
export async function writeContent(files: ContentFiles): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "plain-news-content-"));
  await mkdir(join(dir, "articles"));
  await mkdir(join(dir, "appeals"));
  await copyFile(join(ROOT, "src/content/appeals/moscow-times.txt"), join(dir, "appeals/moscow-times.txt"));
  for (const [name, content] of Object.entries(files.articles))
    await writeFile(join(dir, "articles", name), content);
  for (const [name, content] of Object.entries(files.appeals ?? {}))
    await writeFile(join(dir, "appeals", name), content);
  return dir;
}

export interface LoadedEntry {
  readonly id: string;
  readonly data: Record<string, unknown>;
  readonly filePath?: string | undefined;
}

/** Runs a content loader as a build would (no dev watcher) and returns what it stored. */
export async function runLoader(loader: Loader): Promise<Map<string, LoadedEntry>> {
  const entries = new Map<string, LoadedEntry>();
  const store = {
    get: (id: string) => entries.get(id),
    entries: () => [...entries],
    set: (entry: LoadedEntry) => (entries.set(entry.id, entry), true),
    values: () => [...entries.values()],
    keys: () => [...entries.keys()],
    delete: (id: string) => void entries.delete(id),
    clear: () => entries.clear(),
    has: (id: string) => entries.has(id),
    addModuleImport: () => {},
  };
  const silent = {
    info() {},
    warn() {},
    error() {},
    debug() {},
    label: "test",
    options: {},
    fork: () => silent,
  };
  await loader.load({
    collection: "test",
    store,
    config: { root: pathToFileURL(`${ROOT}/`) },
    logger: silent,
    generateDigest: (data: unknown) => String(JSON.stringify(data).length),
  } as unknown as LoaderContext);
  return entries;
}
