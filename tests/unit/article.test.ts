import { describe, expect, it } from "vitest";
import { generateArticle, toPlainText } from "../../tools/corpus.ts";
import { defaultDescription, parseArticle, sortNewestFirst } from "../../src/lib/article.ts";

const article = (frontMatter: string, body = "First paragraph.\n\nSecond paragraph.") =>
  `---\n${frontMatter}\n---\n${body}`;
const minimal = 'title: A headline\npublished: "2023-10-11T12:00:00+03:00"';

describe("parseArticle", () => {
  it("reads one paragraph per non-blank line, exactly as written", () => {
    const parsed = parseArticle(article(minimal, '  Lead <b>&amp;</b> "quote"\n\n   \n*not bold*'), "a.txt");
    expect(parsed.paragraphs).toEqual(['  Lead <b>&amp;</b> "quote"', "*not bold*"]);
  });

  it("defaults the description to the first paragraph, tags to none", () => {
    const parsed = parseArticle(article(minimal), "a.txt");
    expect(parsed.description).toBe("First paragraph.");
    expect(parsed.tags).toEqual([]);
    expect(parsed).not.toHaveProperty("appeal");
  });

  it("reads every optional field", () => {
    const parsed = parseArticle(
      article(
        `${minimal}\nupdated: 2023-10-12T09:30:00Z\ndescription: Short.\ncredit: AFP\nsection: News\ntags: [Russia, CSTO]\nappeal: spring-drive`,
      ),
      "a.txt",
      { knownAppeals: new Set(["spring-drive"]) },
    );
    expect(parsed).toMatchObject({
      updated: "2023-10-12T09:30:00Z",
      description: "Short.",
      credit: "AFP",
      section: "News",
      tags: ["Russia", "CSTO"],
      appeal: "spring-drive",
    });
  });

  it("uses the site's appeal unless the article says none", () => {
    const options = { defaultAppeal: "site", knownAppeals: new Set(["site"]) };
    expect(parseArticle(article(minimal), "a.txt", options).appeal).toBe("site");
    expect(parseArticle(article(`${minimal}\nappeal: none`), "a.txt", options)).not.toHaveProperty("appeal");
  });

  it.each([
    [
      "a missing title",
      article('published: "2023-10-11T12:00:00+03:00"'),
      'a.txt:1: front matter "title" is required',
    ],
    [
      "an empty title",
      article(`title: ""\npublished: 2023-10-11T12:00:00Z`),
      'a.txt:2: "title" must not be empty',
    ],
    [
      "a numeric title",
      article(`title: 1984\npublished: 2023-10-11T12:00:00Z`),
      'a.txt:2: "title" must be text',
    ],
    ["a missing date", article("title: T"), 'a.txt:1: front matter "published" is required'],
    [
      "a bad date",
      article("title: T\npublished: yesterday"),
      'a.txt:3: "published" must be an ISO 8601 date-time with offset',
    ],
    [
      "a date without offset",
      article("title: T\npublished: 2023-10-11T12:00:00"),
      'a.txt:3: "published" must be an ISO 8601',
    ],
    [
      "a date without time",
      article("title: T\npublished: 2023-10-11"),
      'a.txt:3: "published" must be an ISO 8601',
    ],
    [
      "an impossible date",
      article("title: T\npublished: 2023-02-30T12:00:00Z"),
      'a.txt:3: "published" must be an ISO 8601',
    ],
    [
      "an update before publication",
      article(`${minimal}\nupdated: 2023-10-10T12:00:00+03:00`),
      'a.txt:4: "updated" must not be before published',
    ],
    ["an unknown key", article(`${minimal}\nauthor: Someone`), 'a.txt:4: unknown front matter key "author"'],
    ["an empty body", article(minimal, ""), "a.txt:5: the article has no body text after its front matter"],
    [
      "a blank body",
      article(minimal, "  \n\t\n"),
      "a.txt:5: the article has no body text after its front matter",
    ],
    ["a bad tag list", article(`${minimal}\ntags: Russia`), 'a.txt:4: "tags" must be a list of tags'],
  ])("fails on %s, naming file and line", (_, text, message) => {
    expect(() => parseArticle(text, "a.txt")).toThrow(message);
  });

  it("fails on an unknown appeal id at its line, listing the known ones", () => {
    expect(() =>
      parseArticle(article(`${minimal}\nappeal: winter`), "a.txt", {
        knownAppeals: new Set(["spring", "site"]),
      }),
    ).toThrow('a.txt:4: unknown appeal "winter" (known: site, spring; or "none")');
  });

  it("fails when the site's default appeal does not exist", () => {
    expect(() =>
      parseArticle(article(minimal), "a.txt", { defaultAppeal: "gone", knownAppeals: new Set() }),
    ).toThrow('a.txt:1: unknown appeal "gone"');
  });
});

describe("front matter text cannot smuggle in what a line cannot hold", () => {
  it.each([
    ["a line break", String.raw`"Two\nlines"`],
    ["a NUL", String.raw`"nul\u0000"`],
    ["an escape", String.raw`"\e[31m"`],
  ])("rejects %s written as a YAML escape", (_, title) => {
    expect(() => parseArticle(article(`title: ${title}\npublished: 2023-10-11T12:00:00Z`), "a.txt")).toThrow(
      /a\.txt:2: "title": (line break|control character) U\+00(0A|00|1B) in the text at column 8/u,
    );
  });

  it("keeps U+2028 in a headline, as in a paragraph", () => {
    const parsed = parseArticle(article(`title: "a\u2028b"\npublished: 2023-10-11T12:00:00Z`), "a.txt");
    expect(parsed.title).toBe("a\u2028b");
  });
});

describe("sortNewestFirst", () => {
  const entry = (id: string, published: string) => ({ id, data: { published } });

  it("orders by the instant published, whatever the offsets", () => {
    const sorted = sortNewestFirst([
      entry("old", "2023-10-11T12:00:00+03:00"),
      // 10:00 in UTC-03:00 is 13:00 UTC: later than 11:00 UTC below, though it reads earlier.
      entry("latest", "2024-03-15T10:00:00-03:00"),
      entry("middle", "2024-03-15T11:00:00Z"),
    ]);
    expect(sorted.map((e) => e.id)).toEqual(["latest", "middle", "old"]);
  });

  it("breaks ties by id, and leaves its input alone", () => {
    const input = [entry("b", "2024-01-01T00:00:00Z"), entry("a", "2024-01-01T03:00:00+03:00")];
    expect(sortNewestFirst(input).map((e) => e.id)).toEqual(["a", "b"]);
    expect(input.map((e) => e.id)).toEqual(["b", "a"]);
  });
});

describe("parseArticle on the benchmark's generated articles", () => {
  it("gives every article's paragraphs back exactly as the generator wrote them", () => {
    for (let index = 0; index < 200; index++) {
      const generated = generateArticle(index);
      const parsed = parseArticle(toPlainText(generated), "a.txt");
      expect(parsed.title).toBe(generated.title);
      expect(parsed.paragraphs).toEqual(generated.paragraphs);
    }
  });
});

describe("parseArticle in editions", () => {
  const editions = [
    { code: "en", defaultAppeal: "site" },
    { code: "ru", defaultAppeal: "site-ru" },
  ];

  it("reads the edition an article names, with that edition's default appeal", () => {
    const parsed = parseArticle(article(`${minimal}\nedition: ru`), "a.txt", { editions });
    expect(parsed.edition).toBe("ru");
    expect(parsed.appeal).toBe("site-ru");
  });

  it("puts an article that names none in the default edition", () => {
    const parsed = parseArticle(article(minimal), "a.txt", { editions });
    expect(parsed.edition).toBe("en");
    expect(parsed.appeal).toBe("site");
  });

  it("rejects an unknown edition on its line", () => {
    const text = article(`${minimal}\nedition: xx`);
    const line = text.split("\n").indexOf("edition: xx") + 1;
    expect(() => parseArticle(text, "a.txt", { editions })).toThrow(
      `a.txt:${line}: unknown edition "xx" (known: en, ru)`,
    );
  });
});

describe("defaultDescription", () => {
  it("is the first paragraph when it has at most 300 characters", () => {
    const paragraph = "x".repeat(300);
    expect(defaultDescription(paragraph)).toBe(paragraph);
  });

  it("cuts a longer paragraph before a space, with an ellipsis, within 300 characters", () => {
    // 70 four-character words and spaces (349 characters): the 60th word ends at 299, and "…" is the 300th.
    const paragraph = Array.from({ length: 70 }, (_, i) => `w${String(i).padStart(3, "0")}`).join(" ");
    const description = defaultDescription(paragraph);
    expect(description).toBe(`${paragraph.slice(0, 299)}…`);
    expect(paragraph[299]).toBe(" ");
  });

  it("never splits a grapheme when there is no space to cut at", () => {
    const family = "👩‍👩‍👧‍👦"; // 11 UTF-16 code units
    const description = defaultDescription(family.repeat(100));
    // 27 families are 297 code units; a 28th would pass 299.
    expect(description).toBe(`${family.repeat(27)}…`);
  });
});
