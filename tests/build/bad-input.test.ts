import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeContent } from "../support/content.ts";
import { OUTPUT, buildSite } from "../support/site.ts";

// What only a full `astro build` shows: that a bad source stops the build,
// and that the message reaching the publisher names the file and the line.
async function buildError(files: Parameters<typeof writeContent>[0]): Promise<string> {
  const contentDir = await writeContent(files);
  const outDir = join(OUTPUT, "bad-input");
  const error = await buildSite({ outDir, contentDir }).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof Error)) throw new Error("the build succeeded on bad input");
  return error.message;
}

describe("a bad source fails the build", () => {
  it("names the article, the line and the problem", async () => {
    const message = await buildError({
      articles: {
        "good.txt": "---\ntitle: Fine\npublished: 2023-10-11T12:00:00Z\n---\nA fine article.",
        "bad-date.txt": "---\ntitle: Broken\npublished: 11/10/2023\n---\nBody.",
      },
    });
    expect(message).toContain("articles/bad-date.txt:3:");
    expect(message).toContain('"published" must be an ISO 8601 date-time with offset');
  });

  it("names the appeal, the line and the problem", async () => {
    const message = await buildError({
      articles: {
        "good.txt": "---\ntitle: Fine\npublished: 2023-10-11T12:00:00Z\nappeal: short\n---\nBody.",
      },
      appeals: { "short.txt": "Heading only\nRemind me later." },
    });
    expect(message).toContain("appeals/short.txt:1:");
    expect(message).toContain("an appeal needs at least three lines");
  });
});
