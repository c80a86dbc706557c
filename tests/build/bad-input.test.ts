import { describe, expect, it } from "vitest";
import { type FixtureOptions, loadFixture, withEnv } from "../support/fixture.ts";

// What only a full `astro build` shows: that a bad source stops the build
// (`astro dev` keeps running past one), and that the message reaching the
// publisher names the file and the line.
async function buildError(options: FixtureOptions): Promise<string> {
  const error = await loadFixture(options)
    .build()
    .then(
      () => undefined,
      (reason: unknown) => reason,
    );
  if (!(error instanceof Error)) throw new Error("the build succeeded on bad input");
  return error.message;
}

describe("a build stops", () => {
  it("at a broken article, naming the file, the line and the problem", async () => {
    const message = await buildError({
      name: "bad-article",
      content: {
        articles: {
          "good.txt": "---\ntitle: Fine\npublished: 2023-10-11T12:00:00Z\n---\nA fine article.",
          "bad-date.txt": "---\ntitle: Broken\npublished: 11/10/2023\n---\nBody.",
        },
      },
    });
    expect(message).toContain("articles/bad-date.txt:3:");
    expect(message).toContain('"published" must be an ISO 8601 date-time with offset');
  });

  it("at a broken appeal, naming the file, the line and the problem", async () => {
    const message = await buildError({
      name: "bad-appeal",
      content: {
        articles: {
          "good.txt": "---\ntitle: Fine\npublished: 2023-10-11T12:00:00Z\nappeal: short\n---\nBody.",
        },
        appeals: { "short.txt": "Heading only\nRemind me later." },
      },
    });
    expect(message).toContain("appeals/short.txt:1:");
    expect(message).toContain("an appeal needs at least three lines");
  });

  it("for a deploy (CI set) without SITE_URL, saying what to set", async () => {
    const message = await withEnv({ CI: "true" }, () => buildError({ name: "no-site-url", site: null }));
    expect(message).toMatch(/SITE_URL is not set/u);
  });
});
