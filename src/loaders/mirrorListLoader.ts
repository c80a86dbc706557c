import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader } from "astro/loaders";
import { z } from "zod";
import { parseMirrorList } from "../lib/mirrors.ts";
import { displayPath, readSource } from "../lib/sourceFile.ts";
import { clearContentProblem, reportContentProblem } from "./contentProblems.ts";

/** The id of the collection's one entry. */
export const MIRROR_LIST_ID = "list";

export const mirrorListEntry = z.object({
  mirrors: z.array(z.object({ url: z.string(), label: z.string().nullable() })),
});

/**
 * Loads the mirror list as one entry, `list`, holding the mirrors in the
 * file's order (one entry, not one per mirror: an empty collection is a
 * warning in Astro). A content folder without the file has no mirrors.
 */
export function mirrorListLoader(file: string): Loader {
  return {
    name: "mirror-list-loader",
    schema: mirrorListEntry,
    async load({ config, store, watcher, logger }) {
      const path = resolve(fileURLToPath(config.root), file);
      const sync = () => {
        const mirrors = existsSync(path) ? parseMirrorList(readSource(path), displayPath(path)) : [];
        store.set({ id: MIRROR_LIST_ID, data: { mirrors: mirrors.map((mirror) => ({ ...mirror })) } });
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
