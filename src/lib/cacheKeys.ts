import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * What the incremental build keys a page on. A page is reused only when its
 * key is unchanged, so a key must change with everything the page shows; when
 * in doubt a page is left unkeyed and always rendered (docs/incremental.md).
 */

/**
 * The environment variables the site's code reads; each is part of every
 * page's key. A test checks that `src/` and the Astro config read no other
 * (but `CI`, which only decides whether a missing SITE_URL stops a build).
 */
export const SETTINGS_ENV = ["SITE_URL", "BASE_PATH", "CONTENT_DIR", "ONION_URL"] as const;

/** The SHA-256 of its parts, each length-prefixed so that no two lists of parts collide. */
export function digest(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(`${typeof part === "string" ? Buffer.byteLength(part) : part.byteLength}:`);
    hash.update(part);
  }
  return hash.digest("hex");
}

/** The digest of a file's bytes: its whole text, front matter and body alike. */
export function fileDigest(path: string): string {
  return digest([readFileSync(path)]);
}

/**
 * The project files, relative to its root, whose change must render every
 * page: all of `src/` (pages, components, layouts, styles, libraries, consts),
 * the Astro config and the installed dependencies.
 */
export const CODE_FILES = ["src", "astro.config.mjs", "package.json", "package-lock.json", "tsconfig.json"];

/** The site's own content: each page's key covers the files it shows. */
const CONTENT_FILES = join("src", "content");

/** Files below `path`, recursively, sorted; `path` itself if it is a file. */
function filesUnder(path: string): string[] {
  let names;
  try {
    names = readdirSync(path, { withFileTypes: true, recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOTDIR") return [path];
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return names
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * A digest of the project's code: every file of `CODE_FILES` but the content
 * in `src/content/`, named and read whole.
 */
export function codeFingerprint(root: string): string {
  const parts: (string | Uint8Array)[] = [];
  for (const file of CODE_FILES.flatMap((name) => filesUnder(join(root, name)))) {
    const name = relative(root, file);
    if (name.startsWith(CONTENT_FILES + "/")) continue;
    parts.push(name, readFileSync(file));
  }
  return digest(parts);
}
