import { join } from "node:path";
import { reusingFileReader, sha256Hex } from "./checksums.ts";
import { pageUrlPath, type PagePolicy } from "./headers.ts";

const CSP_META = Buffer.from('<meta http-equiv="content-security-policy" content="');
const ENTITIES: Readonly<Record<string, string>> = {
  "&amp;": "&",
  "&#39;": "'",
  "&quot;": '"',
  "&lt;": "<",
  "&gt;": ">",
};

/** What the mirror kit learns from the files of dist/. */
export interface MirrorFiles {
  /** Each file's SHA-256 in hex, by its path below dist/. */
  readonly hashes: Map<string, string>;
  /** Each page's CSP `<meta>` policy. */
  readonly policies: PagePolicy[];
}

/**
 * Reads each of these files of dist/ once, for its hash and, for a page, its policy
 * (found in the bytes: decoding whole pages costs more).
 */
export function readMirrorFiles(dist: string, files: readonly string[], basePath: string): MirrorFiles {
  const hashes = new Map<string, string>();
  const policies: PagePolicy[] = [];
  const readFile = reusingFileReader();
  for (const file of files) {
    const bytes = readFile(join(dist, file));
    hashes.set(file, sha256Hex(bytes));
    if (!file.endsWith(".html")) continue;
    const start = bytes.indexOf(CSP_META);
    if (start === -1) throw new Error(`${file}: no Content-Security-Policy <meta>`);
    const end = bytes.indexOf('"', start + CSP_META.length);
    const csp = bytes.toString("utf8", start + CSP_META.length, end);
    policies.push({
      urlPath: pageUrlPath(file, basePath),
      csp: csp.replace(/&(?:amp|#39|quot|lt|gt);/gu, (entity) => ENTITIES[entity] ?? entity),
    });
  }
  return { hashes, policies };
}
