import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

/** What Pagefind stored for one indexed page, read back from its fragment file. */
export interface IndexedPage {
  readonly url: string;
  readonly content: string;
  readonly filters: Readonly<Record<string, readonly string[]>>;
  readonly meta: Readonly<Record<string, string>>;
}

/** Pagefind's files are gzip, and each starts with this signature once unpacked. */
const SIGNATURE = "pagefind_dcd";

/** Unpacks one of Pagefind's index files. */
export function unpackPagefindFile(bytes: Uint8Array): Buffer {
  const unpacked = gunzipSync(bytes);
  const signature = unpacked.subarray(0, SIGNATURE.length).toString("latin1");
  if (signature !== SIGNATURE) throw new Error(`not a Pagefind file (starts "${signature}")`);
  return unpacked.subarray(SIGNATURE.length);
}

/** Every page in a built site's search index (`dist/pagefind/fragment/`), read with Node alone. */
export async function indexedPages(dist: string): Promise<IndexedPage[]> {
  const folder = join(dist, "pagefind", "fragment");
  const pages: IndexedPage[] = [];
  for (const name of (await readdir(folder)).sort()) {
    const json = JSON.parse(unpackPagefindFile(await readFile(join(folder, name))).toString("utf8"));
    // A fragment file holds one page, or (for large sites) a group of them.
    pages.push(...(Array.isArray(json) ? json : "url" in json ? [json] : Object.values(json)));
  }
  return pages;
}
