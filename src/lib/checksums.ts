import { hash } from "node:crypto";
import { closeSync, openSync, readdirSync, readFileSync, readSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const CHECKSUMS_FILE = "SHA256SUMS";
/** Files a checksum list never covers: itself, and a signature of it placed beside it. */
export const UNCHECKED_FILES: ReadonlySet<string> = new Set([CHECKSUMS_FILE, `${CHECKSUMS_FILE}.sig`]);

/** The SHA-256 of a file's bytes, in hex, as `sha256sum` prints it. */
export function sha256Hex(bytes: Uint8Array): string {
  return hash("sha256", bytes, "hex");
}

/**
 * A reader of whole files into one buffer that it reuses: in a build's large
 * heap, a new buffer per file makes the garbage collector run again and again.
 * The bytes it returns are valid until its next read.
 */
export function reusingFileReader(): (path: string) => Buffer {
  let buffer = Buffer.allocUnsafe(1024 * 1024);
  return (path) => {
    const fd = openSync(path, "r");
    try {
      let length = 0;
      for (;;) {
        if (length === buffer.length) {
          const larger = Buffer.allocUnsafe(buffer.length * 2);
          buffer.copy(larger, 0, 0, length);
          buffer = larger;
        }
        const read = readSync(fd, buffer, length, buffer.length - length, null);
        if (read === 0) return buffer.subarray(0, length);
        length += read;
      }
    } finally {
      closeSync(fd);
    }
  };
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

/** Every file below a folder, as paths with "/" separators. */
export function listFiles(folder: string): string[] {
  // Walked by hand: readdirSync's own `recursive` takes twice as long.
  const files: string[] = [];
  const walk = (path: string): void => {
    for (const entry of readdirSync(join(folder, path), { withFileTypes: true })) {
      const entryPath = path === "" ? entry.name : `${path}/${entry.name}`;
      if (entry.isDirectory()) walk(entryPath);
      else if (entry.isFile()) files.push(entryPath);
    }
  };
  walk("");
  return files;
}

/** The SHA-256 of each of these files of a folder. */
export function hashFiles(folder: string, files: readonly string[]): Map<string, string> {
  return new Map(files.map((file) => [file, sha256Hex(readFileSync(join(folder, file)))]));
}

/** Writes a folder's `SHA256SUMS` from the hashes of every file in it. */
export function writeChecksums(folder: string, hashes: ReadonlyMap<string, string>): void {
  writeFileSync(join(folder, CHECKSUMS_FILE), checksumList(hashes));
}
