import { dirname, join } from "node:path";
import { EDITIONS } from "../consts.ts";
import { appealEntry, parseAppeal } from "../lib/appeal.ts";
import { articleEntry, parseArticle } from "../lib/article.ts";
import { listEntryIds, textFileLoader } from "./textFileLoader.ts";

/**
 * Loads `<contentDir>/articles/*.txt`, keeping metadata only: pages read the
 * paragraphs from the entry's file as they render.
 */
export function articleLoader(contentDir: string) {
  return textFileLoader({
    directory: join(contentDir, "articles"),
    schema: articleEntry,
    async parse(text, file, path) {
      // Appeals live beside articles; checking ids here puts the error on the article's line.
      const knownAppeals = await listEntryIds(join(dirname(path), "..", "appeals"));
      const { paragraphs: _, ...meta } = parseArticle(text, file, {
        editions: EDITIONS,
        knownAppeals,
      });
      return meta;
    },
  });
}

/** Loads `<contentDir>/appeals/*.txt`. */
export function appealLoader(contentDir: string) {
  return textFileLoader({ directory: join(contentDir, "appeals"), schema: appealEntry, parse: parseAppeal });
}
