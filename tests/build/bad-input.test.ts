import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { errorCases } from "../fixtures/corpus.ts";
import { writeContent } from "../support/content.ts";
import { makeNode } from "../support/fileNodes.ts";
import { buildError, withEnv } from "../support/fixture.ts";

// What only a full `astro build` shows: that a bad source stops the build
// (`astro dev` keeps running past one), and that the message reaching the
// publisher names the file and the line.

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

  it("at a translation that does not name the article back, naming the file and the line", async () => {
    const message = await buildError({
      name: "bad-translation",
      content: {
        articles: {
          "english.txt":
            "---\ntitle: Fine\npublished: 2023-10-11T12:00:00Z\nappeal: none\ntranslation: russkiy\n---\nBody.",
          "russkiy.txt":
            "---\ntitle: Хорошо\npublished: 2023-10-11T12:00:00Z\nappeal: none\nedition: ru\n---\nТекст.",
        },
      },
    });
    expect(message).toContain("articles/english.txt:5:");
    expect(message).toContain('translation "russkiy" does not name this article back');
  });

  it("for a deploy (CI set) without SITE_URL, saying what to set", async () => {
    const message = await withEnv({ CI: "true" }, () => buildError({ name: "no-site-url", site: null }));
    expect(message).toMatch(/SITE_URL is not set/u);
  });
});

// One corpus case of each class of issue 12 through a real build (the unit
// corpus test runs every case through the real loader).
const BUILT_CASES = [
  "a YAML anchor",
  "a front matter over 16 KiB",
  "year 9999 behind UTC (10000 in the feed)",
  "a lone surrogate written as a YAML escape",
  "a tab inside the appeal's href",
  "a misspelled required key",
  "content after a document end marker",
  "a named pipe (it would hang a reader)",
  "a folder named like an article",
  "a file named con.txt",
];

describe("a build stops at bad input of every class, naming file, line and problem", () => {
  const cases = errorCases.filter((c) => BUILT_CASES.includes(c.name));
  it("has every case it names", () => {
    expect(cases.map((c) => c.name).sort()).toEqual([...BUILT_CASES].sort());
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    const { source, fileName = "case.txt", collection = "articles", node, line, problem } = c;
    const files = node === undefined ? { [fileName]: source } : {};
    const good = { "good.txt": "---\ntitle: Fine\npublished: 2023-10-11T12:00:00Z\n---\nA fine article." };
    const contentDir = await writeContent(
      collection === "articles" ? { articles: { ...good, ...files } } : { articles: good, appeals: files },
    );
    const undo =
      node === undefined ? async () => {} : await makeNode(join(contentDir, collection, fileName), node);
    const message = await buildError({ name: `bad-input-${cases.indexOf(c)}`, content: contentDir }).finally(
      undo,
    );
    expect(message).toContain(`${collection}/${fileName}:${line}: `);
    expect(message).toContain(problem);
  });
});
