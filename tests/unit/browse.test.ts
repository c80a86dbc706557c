import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { generateArticle } from "../../tools/corpus.ts";
import { groupByMonth, groupByTopic, monthName, monthOf, topicSlug } from "../../src/lib/browse.ts";
import { SourceError } from "../../src/lib/errors.ts";

describe("topicSlug", () => {
  it.each([
    ["News", "news"],
    ["Arts and Life", "arts-and-life"],
    ["St. Petersburg", "st-petersburg"],
    ["Covid-19", "covid-19"],
    ["  Oil & Gas  ", "oil-gas"],
    ["Россия", "россия"],
    ["Рамзан Кадыров", "рамзан-кадыров"],
    ["ایران", "ایران"],
    // The zero-width non-joiner is part of a Persian spelling.
    ["تحریم\u200Cها", "تحریم\u200Cها"],
    ["Arts/Life", "arts-life"],
    ["..", ""],
  ])("%j → %j", (name, slug) => {
    expect(topicSlug(name)).toBe(slug);
  });

  it("gives one slug to spellings that differ only in case or Unicode form", () => {
    expect(topicSlug("RUSSIA")).toBe(topicSlug("russia"));
    expect(topicSlug("Café")).toBe(topicSlug("Cafe\u0301"));
    expect(topicSlug("Ｒｕｓｓｉａ")).toBe("russia");
    expect(topicSlug("РОССИЯ")).toBe("россия");
  });

  test.prop([fc.string({ unit: "grapheme", maxLength: 30 })])(
    "is a path segment: no slash, no dot-only name, no hyphen at either end, and stable",
    (name) => {
      const slug = topicSlug(name);
      expect(slug).not.toMatch(/[/\\?#%]|^-|-$|^\.+$/u);
      expect(topicSlug(slug)).toBe(slug);
    },
  );
});

describe("groupByTopic", () => {
  const mention = (entry: string, name: string, line = 5) => ({ entry, name, file: `${entry}.txt`, line });

  it("groups by slug in the order given, listing an article that names a tag twice once", () => {
    expect(
      groupByTopic("tag", [
        mention("c", "Russia"),
        mention("c", "Russia"),
        mention("b", "Россия"),
        mention("a", "Russia"),
      ]),
    ).toEqual([
      { slug: "russia", name: "Russia", entries: ["c", "a"] },
      { slug: "россия", name: "Россия", entries: ["b"] },
    ]);
  });

  it("names both files and lines when two spellings would share a page", () => {
    const problem = () =>
      groupByTopic("tag", [mention("a", "Russia", 6), mention("b", "other"), mention("c", "russia", 7)]);
    expect(problem).toThrow(SourceError);
    expect(problem).toThrow(
      'c.txt:7: tag "russia" and "Russia" (a.txt:6) would share one page, tags/russia/: spell them the same',
    );
  });

  it("refuses two Unicode forms of one name, and a name with no letter or digit", () => {
    expect(() =>
      groupByTopic("section", [mention("a", "Caf\u00e9", 4), mention("b", "Cafe\u0301", 4)]),
    ).toThrow(
      'b.txt:4: section "Cafe\u0301" and "Caf\u00e9" (a.txt:4) would share one page, sections/caf\u00e9/',
    );
    expect(() => groupByTopic("section", [mention("a", "!!!", 4)])).toThrow(
      'a.txt:4: section "!!!" has no letter or digit to name its page by',
    );
  });
});

describe("months", () => {
  it("file an article under the month of its date as written, in its own offset", () => {
    expect(monthOf("2023-10-31T23:30:00-05:00")).toBe("2023-10");
    expect(monthName("2023-10")).toBe("October 2023");
  });

  it("come newest first, each keeping the articles' order", () => {
    const entry = (id: string, published: string) => ({ id, data: { published } });
    const [a, b, c] = [
      entry("a", "2023-11-01T00:30:00+03:00"),
      entry("b", "2023-10-31T23:00:00+00:00"),
      entry("c", "2023-10-02T09:00:00+00:00"),
    ];
    expect(groupByMonth([b, a, c])).toEqual([
      { key: "2023-11", entries: [a] },
      { key: "2023-10", entries: [b, c] },
    ]);
  });
});

describe("the benchmark's sections and tags", () => {
  const articles = Array.from({ length: 2_000 }, (_, index) => generateArticle(index));
  const mentions = (kind: "section" | "tags") =>
    articles.flatMap((article, index) =>
      (kind === "section" ? [article.section] : article.tags).map((name) => mention(index, name)),
    );
  const mention = (entry: number, name: string) => ({ entry, name, file: `${entry}.txt`, line: 1 });

  it("come from realistic lists, Cyrillic and Persian ones included, with no two spellings of one page", () => {
    const sections = groupByTopic("section", mentions("section"));
    const tags = groupByTopic("tag", mentions("tags"));
    expect(sections.length).toBeGreaterThanOrEqual(5);
    expect(tags.length).toBeGreaterThanOrEqual(40);
    for (const topics of [sections, tags])
      expect(topics.some((topic) => /\p{Script=Cyrillic}/u.test(topic.slug))).toBe(true);
    expect(tags.some((topic) => /\p{Script=Arabic}/u.test(topic.slug))).toBe(true);
    for (const article of articles) expect(new Set(article.tags).size).toBe(article.tags.length);
  });
});
