import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import * as cheerio from "cheerio";

/** A new connection's first round trip carries about 14.6 kB (10 TCP segments). */
export const PAGE_BUDGET = 14_600;
export const SCRIPT_BUDGET = 1_024;

export interface PageWeight {
  readonly raw: number;
  readonly gzip: number;
  /** The page's client JavaScript gzipped, or 0 without any. */
  readonly scriptGzip: number;
}

// Level 6, the gzip default; many hosts use less, so the real figure may be a little higher.
const gzipped = (text: string): number => gzipSync(text, { level: 6 }).length;

/** Sizes in bytes of one page as a browser receives it: raw, gzipped, and its client JavaScript gzipped. */
export function measurePage(html: string): PageWeight {
  const $ = cheerio.load(html);
  const scripts = $("script")
    .filter((_, script) => !/json/u.test($(script).attr("type") ?? ""))
    .map((_, script) => $(script).text())
    .get()
    .join("\n");
  return {
    raw: Buffer.byteLength(html),
    gzip: gzipped(html),
    scriptGzip: scripts === "" ? 0 : gzipped(scripts),
  };
}

/** Every .html file below a folder. */
export async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
