import { defineCollection } from "astro:content";
import { CONTENT_DIR } from "./consts.ts";
import { appealLoader, articleLoader } from "./loaders/contentLoaders.ts";

export const collections = {
  articles: defineCollection({ loader: articleLoader(CONTENT_DIR) }),
  appeals: defineCollection({ loader: appealLoader(CONTENT_DIR) }),
};
