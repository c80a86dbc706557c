import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateArticle, writeCorpus } from "../../tools/corpus.ts";
import { SOURCE } from "../support/sources.ts";
import { fidelityProblems } from "../support/pageText.ts";
import { loadFixture } from "../support/fixture.ts";

// Astro keeps the content store between builds and skips an entry whose
// digest is unchanged. Pages read bodies from the path the entry stores, so
// that path must count: a moved content folder must not leave them reading
// the old one.
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "plain-news-moved-"));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("a content folder moved between two builds that share Astro's cache", () => {
  it("is read from where it is now", async () => {
    const cacheDir = join(work, "cache");
    await writeCorpus(join(work, "before"), 3);
    await loadFixture({ name: "moved-before", content: join(work, "before", "content"), cacheDir }).build();
    await cp(join(work, "before"), join(work, "after"), { recursive: true });
    await rm(join(work, "before"), { recursive: true });

    const after = loadFixture({ name: "moved-after", content: join(work, "after", "content"), cacheDir });
    await after.build();
    for (const article of [0, 1, 2].map((index) => generateArticle(index))) {
      const html = await after.readFile(`articles/${article.slug}/`);
      const expected = { headline: article.title, body: article.paragraphs, appeal: SOURCE.appealLines };
      expect(fidelityProblems(html, expected)).toEqual([]);
    }
  });
});
