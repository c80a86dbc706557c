import { dirname, join } from "node:path";
import { defineCollection } from "astro:content";
import { CONTENT_DIR, DEFAULT_APPEAL } from "./consts.ts";
import { appealEntry, parseAppeal } from "./lib/appeal.ts";
import { articleEntry, parseArticle } from "./lib/article.ts";
import { listEntryIds, textFileLoader } from "./loaders/textFileLoader.ts";

const articles = defineCollection({
  loader: textFileLoader({
    directory: join(CONTENT_DIR, "articles"),
    schema: articleEntry,
    async parse(text, file, path) {
      // Appeals live beside articles; checking ids here puts the error on the article's line.
      const knownAppeals = await listEntryIds(join(dirname(path), "..", "appeals"));
      const { paragraphs: _, ...meta } = parseArticle(text, file, {
        defaultAppeal: DEFAULT_APPEAL,
        knownAppeals,
      });
      return { ...meta, source: path };
    },
  }),
});

const appeals = defineCollection({
  loader: textFileLoader({
    directory: join(CONTENT_DIR, "appeals"),
    schema: appealEntry,
    parse: parseAppeal,
  }),
});

export const collections = { articles, appeals };
