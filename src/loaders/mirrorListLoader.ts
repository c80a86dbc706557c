import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader } from "astro/loaders";
import { z } from "zod";
import { parseMirrorList } from "../lib/mirrors.ts";
import { displayPath, readSource } from "../lib/sourceFile.ts";
import { clearContentProblem, reportContentProblem } from "./contentProblems.ts";

export const mirrorEntry = z.object({ url: z.string(), label: z.string().nullable() });

/**
 * Loads the mirror list, one entry per mirror in the file's order (ids
 * "1", "2", …). A content folder without the file has no mirrors.
 */
export function mirrorListLoader(file: string): Loader {
  return {
    name: "mirror-list-loader",
    schema: mirrorEntry,
    async load({ config, store, watcher, logger }) {
      const path = resolve(fileURLToPath(config.root), file);
      const sync = () => {
        const mirrors = existsSync(path) ? parseMirrorList(readSource(path), displayPath(path)) : [];
        store.clear();
        mirrors.forEach((mirror, index) => store.set({ id: String(index + 1), data: { ...mirror } }));
      };
      if (!watcher) {
        sync();
        return;
      }
      // In `astro dev` a broken list is shown on every page until it is fixed, as for articles.
      const syncOrReport = () => {
        try {
          sync();
          clearContentProblem(path);
        } catch (error) {
          if (!(error instanceof Error)) throw error;
          reportContentProblem(path, error);
          logger.error(error.message);
        }
      };
      syncOrReport();
      watcher.add(path);
      const onChange = (changed: string) => {
        if (resolve(changed) === path) syncOrReport();
      };
      watcher.on("add", onChange);
      watcher.on("change", onChange);
      watcher.on("unlink", onChange);
    },
  };
}
