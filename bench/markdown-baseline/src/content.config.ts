import { defineCollection } from "astro:content";
import { file, glob } from "astro/loaders";
import { z } from "astro/zod";

// `npm run bench` writes the corpus and points BENCH_CORPUS at it.
const corpus = process.env["BENCH_CORPUS"] ?? "corpus";

const articles = defineCollection({
  loader: glob({ pattern: "*.md", base: `${corpus}/markdown` }),
  schema: z.object({
    title: z.string(),
    published: z.coerce.date(),
    credit: z.string().optional(),
    section: z.string().optional(),
    tags: z.array(z.string()).default([]),
  }),
});

const appeals = defineCollection({
  loader: file(`${corpus}/appeals.json`),
  schema: z.object({
    heading: z.string(),
    paragraphs: z.array(z.string()),
    dismissLabel: z.string(),
    snoozeDays: z.number(),
  }),
});

export const collections = { articles, appeals };
