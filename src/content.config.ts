import { defineCollection } from "astro:content";
import { join } from "node:path";
import { CONTENT_DIR } from "./consts.ts";
import { appealLoader, articleLoader } from "./loaders/contentLoaders.ts";
import { mirrorListLoader } from "./loaders/mirrorListLoader.ts";

export const collections = {
  articles: defineCollection({ loader: articleLoader(CONTENT_DIR) }),
  appeals: defineCollection({ loader: appealLoader(CONTENT_DIR) }),
  mirrors: defineCollection({ loader: mirrorListLoader(join(CONTENT_DIR, "mirrors.txt")) }),
};
