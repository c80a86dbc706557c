import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Where tests write builds, screenshots and reports (git-ignored). */
export const OUTPUT = join(ROOT, "tests/.output");
