import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAppeal } from "../../src/lib/appeal.ts";
import type { ArticleMeta } from "../../src/lib/article.ts";
import { articlePages, pageArticle } from "../../src/lib/articlePages.ts";

const meta = (appeal?: string): ArticleMeta => ({
  title: "Stored title",
  published: "2023-10-11T12:00:00+03:00",
  description: "Stored description.",
  tags: [],
  ...(appeal !== undefined && { appeal }),
});
const appeal = { id: "spring-drive", data: parseAppeal("---\nsnoozeDays: 7\n---\nH\nP\nD", "a.txt") };

describe("articlePages", () => {
  it("gives each article its slug and the appeal it names, with that appeal's snooze meta", () => {
    const articles = [
      { id: "first", data: meta("spring-drive") },
      { id: "second", data: meta() },
    ];
    const pages = articlePages(articles, [appeal]);
    expect(pages.map((page) => page.params.slug)).toEqual(["first", "second"]);
    expect(pages[0]?.props.entry).toBe(articles[0]);
    expect(pages[0]?.props.appeal).toBe(appeal);
    // id, a 12-character base64url version, days: what the head script reads.
    expect(pages[0]?.props.snoozeMeta).toMatch(/^spring-drive [\w-]{12} 7$/u);
    expect(pages[1]?.props).toEqual({ entry: articles[1], appeal: undefined, snoozeMeta: undefined });
  });

  it("throws, naming the article's file, when the appeal it names is gone", () => {
    const articles = [{ id: "first", data: meta("gone"), filePath: "src/content/articles/first.txt" }];
    expect(() => articlePages(articles, [appeal])).toThrow(
      'src/content/articles/first.txt: appeal "gone" no longer exists',
    );
  });
});

describe("pageArticle", () => {
  const file = join(mkdtempSync(join(tmpdir(), "article-page-")), "a.txt");
  writeFileSync(
    file,
    '---\ntitle: Title in the file\npublished: "2023-10-11T12:00:00+03:00"\n---\nOne.\n\nTwo.\n',
  );

  it("in a build, takes the stored metadata and reads only the paragraphs from the file", () => {
    expect(pageArticle(meta(), file, { dev: false, defaultAppeal: "spring-drive" })).toEqual({
      ...meta(),
      paragraphs: ["One.", "Two."],
    });
  });

  it("in astro dev, reads the front matter from the file too, with the default appeal", () => {
    expect(pageArticle(meta(), file, { dev: true, defaultAppeal: "spring-drive" })).toEqual({
      title: "Title in the file",
      published: "2023-10-11T12:00:00+03:00",
      description: "One.",
      tags: [],
      appeal: "spring-drive",
      paragraphs: ["One.", "Two."],
    });
  });
});
