import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { root } from "astro:config/server";

/** The absolute path of a content entry's file (the store keeps it relative to the project root). */
export function entryFile(entry: { readonly id: string; readonly filePath?: string | undefined }): string {
  if (entry.filePath === undefined) throw new Error(`content entry "${entry.id}" has no file`);
  return resolve(fileURLToPath(root), entry.filePath);
}
