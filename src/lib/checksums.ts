import { createHash } from "node:crypto";

export const CHECKSUMS_FILE = "SHA256SUMS";
/** Files a checksum list never covers: itself, and a signature of it placed beside it. */
export const UNCHECKED_FILES: ReadonlySet<string> = new Set([CHECKSUMS_FILE, `${CHECKSUMS_FILE}.sig`]);

/** The SHA-256 of a file's bytes, in hex, as `sha256sum` prints it. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * A `SHA256SUMS` file in `sha256sum`'s format: one line per file,
 * `<hex>  <path>`, sorted by path, paths relative to the folder with "/".
 */
export function checksumList(hashes: ReadonlyMap<string, string>): string {
  const paths = [...hashes.keys()].filter((path) => !UNCHECKED_FILES.has(path)).sort(byCodeUnit);
  for (const path of paths) {
    // sha256sum escapes such names, and no file of the site has them.
    if (/[\\\n\r]/u.test(path))
      throw new Error(`${JSON.stringify(path)}: a backslash or line break in a file name`);
  }
  return paths.map((path) => `${hashes.get(path)}  ${path}\n`).join("");
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
