import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The source document as the newsroom sent it: article lines 1–10, appeal lines 11–18. */
export const SOURCE_DOCUMENT = readFileSync(
  fileURLToPath(new URL("../fixtures/moscow-times-kyrgyzstan-air-defense.txt", import.meta.url)),
  "utf8",
);

// Split by hand on line feeds, independently of the site's own parser.
const lines = SOURCE_DOCUMENT.split("\n");

export const SOURCE = {
  slug: "kyrgyzstan-ratifies-joint-air-defense-system-with-russia",
  headline: "Kyrgyzstan Ratifies Joint Air Defense System With Russia Ahead of Putin Visit",
  published: "2023-10-11T12:00:00+03:00",
  articleLines: lines.slice(0, 10),
  appealLines: lines.slice(10, 18),
} as const;
