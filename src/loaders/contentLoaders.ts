import { dirname, join } from "node:path";
import { z } from "zod";
import { EDITIONS } from "../consts.ts";
import { appealEntry, parseAppeal } from "../lib/appeal.ts";
import { articleEntry, parseArticleSource } from "../lib/article.ts";
import { listEntryIds, textFileLoader } from "./textFileLoader.ts";

/**
 * The lines of an article's `section:` and `tags:` keys: two spellings of one
 * section or tag can only be found once every article is loaded, and the
 * message then names both files and lines (src/lib/browse.ts).
 */
const browseKeyLines = z.object({ section: z.number().optional(), tags: z.number().optional() });

/**
 * Loads `<contentDir>/articles/*.txt`, keeping metadata only: pages read the
 * paragraphs from the entry's file as they render.
 */
export function articleLoader(contentDir: string) {
  return textFileLoader({
    directory: join(contentDir, "articles"),
    schema: articleEntry.safeExtend({ keyLines: browseKeyLines }),
    async parse(text, file, path) {
      // Appeals live beside articles; checking ids here puts the error on the article's line.
      const knownAppeals = await listEntryIds(join(dirname(path), "..", "appeals"));
      const { article, keyLines } = parseArticleSource(text, file, {
        editions: EDITIONS,
        knownAppeals,
      });
      const { paragraphs: _, ...meta } = article;
      const section = keyLines.get("section");
      const tags = keyLines.get("tags");
      return {
        ...meta,
        keyLines: { ...(section !== undefined && { section }), ...(tags !== undefined && { tags }) },
      };
    },
  });
}

/** Loads `<contentDir>/appeals/*.txt`. */
export function appealLoader(contentDir: string) {
  return textFileLoader({ directory: join(contentDir, "appeals"), schema: appealEntry, parse: parseAppeal });
}
