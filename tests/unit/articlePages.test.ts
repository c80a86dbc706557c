import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAppeal } from "../../src/lib/appeal.ts";
import type { ArticleMeta } from "../../src/lib/article.ts";
import { articlePages, pageArticle } from "../../src/lib/articlePages.ts";
import type { Edition } from "../../src/lib/editions.ts";

const edition = (code: "en" | "ru", prefix: string, defaultAppeal: string): Edition => ({
  code,
  lang: code,
  dir: "ltr",
  name: code,
  locale: code,
  prefix,
  siteName: "Site",
  description: "About.",
  defaultAppeal,
});
const EN = edition("en", "", "spring-drive");
const RU = edition("ru", "ru/", "spring-drive-ru");
const EDITIONS = [EN, RU] as const;
const noFile = () => {
  throw new Error("no file to read");
};

const meta = (appeal?: string, more: Partial<ArticleMeta> = {}): ArticleMeta => ({
  title: "Stored title",
  published: "2023-10-11T12:00:00+03:00",
  description: "Stored description.",
  tags: [],
  ...(appeal !== undefined && { appeal }),
  ...more,
});
const appeal = { id: "spring-drive", data: parseAppeal("---\nsnoozeDays: 7\n---\nH\nP\nD", "a.txt") };

describe("articlePages", () => {
  it("gives each article its slug and the appeal it names, with that appeal's snooze meta", () => {
    const articles = [
      { id: "first", data: meta("spring-drive") },
      { id: "second", data: meta() },
    ];
    const pages = articlePages(articles, [appeal], EDITIONS, noFile);
    expect(pages.map((page) => page.params.slug)).toEqual(["first", "second"]);
    expect(pages[0]?.props.entry).toBe(articles[0]);
    expect(pages[0]?.props.appeal).toBe(appeal);
    // id, a 12-character base64url version, days: what the head script reads.
    expect(pages[0]?.props.snoozeMeta).toMatch(/^spring-drive [\w-]{12} 7$/u);
    expect(pages[1]?.props).toEqual({
      entry: articles[1],
      edition: EN,
      translation: undefined,
      appeal: undefined,
      snoozeMeta: undefined,
    });
  });

  it("throws, naming the article's file, when the appeal it names is gone", () => {
    const articles = [{ id: "first", data: meta("gone"), filePath: "src/content/articles/first.txt" }];
    expect(() => articlePages(articles, [appeal], EDITIONS, noFile)).toThrow(
      'src/content/articles/first.txt: appeal "gone" no longer exists',
    );
  });
});

describe("articlePages in editions", () => {
  it("puts an article under its edition's prefix, with its translation's edition", () => {
    const articles = [
      { id: "en-story", data: meta(undefined, { translation: "ru-story" }) },
      { id: "ru-story", data: meta(undefined, { edition: "ru", translation: "en-story" }) },
    ];
    const pages = articlePages(articles, [], EDITIONS, noFile);
    expect(pages.map((page) => page.params)).toEqual([
      { edition: undefined, slug: "en-story" },
      { edition: "ru", slug: "ru-story" },
    ]);
    expect(pages[0]?.props.translation).toEqual({ id: "ru-story", edition: RU });
    expect(pages[1]?.props.translation).toEqual({ id: "en-story", edition: EN });
  });

  const folder = mkdtempSync(join(tmpdir(), "translations-"));
  const write = (id: string, frontMatter: string) => {
    const path = join(folder, `${id}.txt`);
    writeFileSync(path, `---\ntitle: T\npublished: "2023-10-11T12:00:00+03:00"\n${frontMatter}---\nBody.\n`);
    return path;
  };
  const pagesOf = (articles: { id: string; data: ArticleMeta }[]) => () =>
    articlePages(articles, [], EDITIONS, (entry) => join(folder, `${entry.id}.txt`));

  it.each([
    [
      "a translation that is not an article",
      [["lonely", "translation: missing\n", { translation: "missing" }]],
      'translation "missing" is not an article',
    ],
    [
      "a translation in the same edition",
      [
        ["same-a", "translation: same-b\n", { translation: "same-b" }],
        ["same-b", "translation: same-a\n", { translation: "same-a" }],
      ],
      "is in the same edition",
    ],
    [
      "a translation that does not name the article back",
      [
        ["one-way", "edition: ru\ntranslation: other\n", { edition: "ru", translation: "other" }],
        ["other", "", {}],
      ],
      'does not name this article back: add "translation: one-way" to it',
    ],
  ] as const)("rejects %s, naming the file and the line of its translation key", (_, files, message) => {
    const articles = files.map(([id, frontMatter, data]) => {
      write(id, frontMatter);
      return { id, data: meta(undefined, data) };
    });
    const [id, frontMatter] = files[0];
    const line = 3 + frontMatter.split("\n").findIndex((text) => text.startsWith("translation:")) + 1;
    expect(pagesOf(articles)).toThrow(`${id}.txt:${line}: `);
    expect(pagesOf(articles)).toThrow(message);
  });
});

describe("pageArticle", () => {
  const file = join(mkdtempSync(join(tmpdir(), "article-page-")), "a.txt");
  writeFileSync(
    file,
    '---\ntitle: Title in the file\npublished: "2023-10-11T12:00:00+03:00"\n---\nOne.\n\nTwo.\n',
  );

  it("in a build, takes the stored metadata and reads only the paragraphs from the file", () => {
    expect(pageArticle(meta(), file, { dev: false, editions: EDITIONS })).toEqual({
      ...meta(),
      paragraphs: ["One.", "Two."],
    });
  });

  it("in astro dev, reads the front matter from the file too, with the default appeal", () => {
    expect(pageArticle(meta(), file, { dev: true, editions: EDITIONS })).toEqual({
      title: "Title in the file",
      published: "2023-10-11T12:00:00+03:00",
      description: "One.",
      tags: [],
      appeal: "spring-drive",
      edition: "en",
      paragraphs: ["One.", "Two."],
    });
  });
});
