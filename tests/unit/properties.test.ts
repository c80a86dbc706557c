import { fc, test } from "@fast-check/vitest";
import * as cheerio from "cheerio";
import { describe, expect } from "vitest";
import { parseAppeal } from "../../src/lib/appeal.ts";
import { articleParagraphs, parseArticle } from "../../src/lib/article.ts";
import { feedItem } from "../../src/lib/feed.ts";
import { articleJsonLd, articleOpenGraph, type SiteInfo } from "../../src/lib/metadata.ts";
import { decodeSource } from "../../src/lib/text.ts";
import { renderAppeal, renderArticle } from "../support/render.ts";

// fast-check prints the seed and the shrunk counterexample of any failure;
// replay one with `fc.configureGlobal({ seed })`.
const RUNS = { numRuns: 1_000 };

const SITE_INFO: SiteInfo = { name: "Site", lang: "en", locale: "en_GB", url: "https://x.example/" };

/**
 * A line the site promises to keep exactly: no line break, control
 * character or noncharacter (those are errors), not blank, and not ending in a space or tab
 * (trimmed by the documented normalization). Written here independently of
 * the site's own rules.
 */
const keepsExactly = (line: string) =>
  !/[\u0000-\u001f\u007f-\u009f]/u.test(line.replaceAll("\t", "")) &&
  !/\p{Noncharacter_Code_Point}/u.test(line) &&
  line.trim() !== "" &&
  !/[ \t]$/u.test(line) &&
  !line.startsWith("\uFEFF");

const line = (unit: "grapheme" | "binary") =>
  fc.string({ unit, minLength: 1, maxLength: 60 }).filter(keepsExactly);
const lines = (unit: "grapheme" | "binary", minLength = 1) =>
  fc.array(line(unit), { minLength, maxLength: 12 });
// A headline of only white space and invisible characters is an error (docs/content.md, the bad-input table).
const showsSomething = (text: string) =>
  /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}]/u.test(text);
const headline = fc
  .string({ unit: "grapheme", minLength: 1, maxLength: 40 })
  .filter((text) => keepsExactly(text) && showsSomething(text));

const articleSource = (title: string, paragraphs: readonly string[]) =>
  `---\ntitle: ${JSON.stringify(title)}\npublished: 2023-10-11T12:00:00+03:00\n---\n${paragraphs.join("\n")}\n`;

const bytes = (text: string) => new TextEncoder().encode(text);

describe.each(["grapheme", "binary"] as const)("any %s text", (unit) => {
  test.prop([headline, lines(unit)], RUNS)(
    "the parser keeps every paragraph exactly",
    (title, paragraphs) => {
      const text = decodeSource(bytes(articleSource(title, paragraphs)), "p.txt");
      const article = parseArticle(text, "p.txt");
      expect(article.title).toBe(title);
      expect(article.paragraphs).toEqual(paragraphs);
      // What a build's pages read, without the front matter.
      expect(articleParagraphs(text, "p.txt")).toEqual(paragraphs);
    },
  );

  test.prop([headline, lines(unit)], RUNS)(
    "the Article component shows exactly the parsed text",
    async (title, paragraphs) => {
      const article = parseArticle(decodeSource(bytes(articleSource(title, paragraphs)), "p.txt"), "p.txt");
      const $ = cheerio.load(await renderArticle(article));
      expect($("h1").text()).toBe(title);
      expect(
        $("article > p")
          .map((_, p) => $(p).text())
          .get(),
      ).toEqual(paragraphs);
    },
  );

  test.prop([lines(unit, 3)], RUNS)(
    "the ReaderAppeal component shows every appeal line exactly",
    async (appealLines) => {
      const appeal = parseAppeal(decodeSource(bytes(appealLines.join("\n")), "a.txt"), "a.txt");
      const $ = cheerio.load(await renderAppeal(appeal));
      const shown = [
        $("h2").text(),
        ...$("aside > p")
          .map((_, p) => $(p).text())
          .get(),
        $("button").text(),
      ];
      expect(shown).toEqual(appealLines);
    },
  );
});

describe("output bounded by the source's own text", () => {
  const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });
  const word = fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 });
  // Short paragraphs, and long ones: 160 words and more pass 300 characters whenever they are spaced.
  const words = fc.oneof(
    fc.array(word, { maxLength: 20 }),
    fc.array(word, { minLength: 160, maxLength: 400 }),
  );
  const paragraph = fc
    .tuple(words, fc.constantFrom(" ", "  ", "\u00a0", "", "\t"))
    .map(([parts, space]) => parts.join(space))
    .filter(keepsExactly);

  test.prop([paragraph], RUNS)(
    "the default description is the paragraph, or a prefix of it cut between graphemes, with … and at most 300 characters",
    (text) => {
      const article = parseArticle(articleSource("T", [text]), "p.txt");
      const description = article.description;
      expect(description.length).toBeLessThanOrEqual(300);
      if (text.length <= 300) {
        expect(description).toBe(text);
        return;
      }
      expect(description.endsWith("…")).toBe(true);
      const kept = description.slice(0, -1);
      expect(text.startsWith(kept)).toBe(true);
      expect(description.isWellFormed()).toBe(true);
      const boundaries = new Set([...graphemes.segment(text)].map((segment) => segment.index));
      expect(boundaries.has(kept.length)).toBe(true);
    },
  );

  // YAML's anchor (&), alias (*) and merge (<<) characters inside a value are text, quoted or not.
  const yamlPunctuation = fc
    .array(fc.constantFrom("&", "*", "<<", "&a", "*b", "Tom", "Jerry", " & ", " * ", "x<<y"), {
      minLength: 1,
      maxLength: 8,
    })
    .map((parts) => parts.join(""))
    .filter(keepsExactly);

  test.prop([yamlPunctuation], RUNS)("&, * and << inside a quoted headline are kept exactly", (title) => {
    expect(parseArticle(articleSource(title, ["Body."]), "p.txt").title).toBe(title);
  });

  const keyLines = fc.shuffledSubarray(
    ["credit: Reuters", "section: World", "tags: [a, b]", "updated: 2023-10-12T12:00:00+03:00"],
    { minLength: 0 },
  );
  const repetition = fc.constantFrom(
    ["description: &d Anchored", "anchors (&name) are not allowed"],
    ["description: *d", "aliases (*name) are not allowed"],
    ["<<: {credit: Merged}", "merge keys (<<) are not allowed"],
    ["description: [&t a, *t]", "anchors (&name) are not allowed"],
  );

  test.prop([keyLines, repetition, fc.nat()], RUNS)(
    "an anchor, alias or merge key anywhere is refused on its own line",
    (lines, [bad, problem], at) => {
      const position = at % (lines.length + 1);
      const yaml = ["title: T", "published: 2023-10-11T12:00:00+03:00", ...lines];
      yaml.splice(2 + position, 0, bad);
      const source = `---\n${yaml.join("\n")}\n---\nBody.\n`;
      // Line 1 is the fence: the bad line is line 2 + its index.
      expect(() => parseArticle(source, "p.txt")).toThrow(`p.txt:${2 + 2 + position}: ${problem}`);
    },
  );
});

// Calendar arithmetic by hand (Howard Hinnant's days-from-civil), independent of `Date` and of the site.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAYS = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]; // 1970-01-01, day 0, was a Thursday
const leap = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const pad = (value: number, length = 2) => String(value).padStart(length, "0");

const writtenDate = fc
  .record({
    year: fc.oneof(
      fc.integer({ min: 0, max: 9999 }),
      fc.constantFrom(0, 1, 4, 100, 400, 1900, 2000, 9998, 9999),
    ),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.option(fc.integer({ min: 0, max: 59 })),
    fraction: fc.option(fc.stringMatching(/^\d{1,9}$/u)),
    offset: fc.option(
      fc.record({
        sign: fc.constantFrom(1, -1),
        hours: fc.integer({ min: 0, max: 23 }),
        minutes: fc.integer({ min: 0, max: 59 }),
      }),
    ),
  })
  .filter(
    ({ year, month, day }) =>
      day <= (month === 2 ? (leap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31),
  );

describe("dates are what the source says, or an error", () => {
  test.prop([writtenDate], RUNS)(
    "every date the site writes says the instant the source names, in years 0001–9999 as written and in UTC",
    async (date) => {
      const { year, month, day, hour, minute, second, fraction, offset } = date;
      const seconds = second === null ? "" : `:${pad(second)}${fraction === null ? "" : `.${fraction}`}`;
      const zone =
        offset === null ? "Z" : `${offset.sign < 0 ? "-" : "+"}${pad(offset.hours)}:${pad(offset.minutes)}`;
      const written = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}${seconds}${zone}`;
      const source = `---\ntitle: T\npublished: ${written}\n---\nBody.\n`;

      const offsetMinutes = offset === null ? 0 : offset.sign * (offset.hours * 60 + offset.minutes);
      const utcMinutes = daysFromCivil(year, month, day) * 1440 + hour * 60 + minute - offsetMinutes;
      const utcDays = Math.floor(utcMinutes / 1440);
      const [utcYear, utcMonth, utcDay] = civilFromDays(utcDays);
      if (year < 1 || utcYear < 1 || utcYear > 9999) {
        expect(() => parseArticle(source, "p.txt")).toThrow(
          `p.txt:3: "published" must fall in the years 0001–9999 both as written and in UTC`,
        );
        return;
      }
      const article = parseArticle(source, "p.txt");
      const $ = cheerio.load(await renderArticle(article));
      expect($("time").attr("datetime")).toBe(written);
      expect($("time").text()).toBe(`${day} ${MONTHS[month - 1]} ${pad(year, 4)}`);
      const openGraph = new Map(articleOpenGraph(article, "https://x.example/a/", SITE_INFO));
      expect(openGraph.get("article:published_time")).toBe(written);
      expect(articleJsonLd(article, "https://x.example/a/", SITE_INFO)).toMatchObject({
        datePublished: written,
      });
      // What @astrojs/rss writes as the item's pubDate.
      const minuteOfDay = utcMinutes - utcDays * 1440;
      const weekday = WEEKDAYS[((utcDays % 7) + 7) % 7];
      const monthName = MONTHS[utcMonth - 1]?.slice(0, 3);
      const time = `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}:${pad(second ?? 0)}`;
      expect(feedItem(article, "https://x.example/a/").pubDate.toUTCString()).toBe(
        `${weekday}, ${pad(utcDay)} ${monthName} ${pad(utcYear, 4)} ${time} GMT`,
      );
    },
  );
});

describe("every front matter string goes through the body's text rules", () => {
  // What a line may not hold, by the body's rules written out here: C0 controls but tab, DEL, C1
  // controls, noncharacters; and, for a one-line value, line breaks and lone surrogates.
  const forbidden = fc.oneof(
    fc.integer({ min: 0x00, max: 0x1f }).filter((code) => code !== 0x09),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.integer({ min: 0xfdd0, max: 0xfdef }),
    fc.constantFrom(0xfffe, 0xffff),
    fc.integer({ min: 0xd800, max: 0xdfff }),
  );
  const text = fc
    .string({ unit: "grapheme", maxLength: 20 })
    .filter((value) => value === "" || keepsExactly(value));
  // A YAML double-quoted string: JSON's escapes, which YAML reads the same way.
  const quoted = (value: string) => JSON.stringify(value).slice(1, -1);
  const field = fc.constantFrom(
    { line: 2, write: (value: string) => `title: "${value}"\npublished: 2023-10-11T12:00:00+03:00` },
    {
      line: 3,
      write: (value: string) => `title: T\ncredit: "${value}"\npublished: 2023-10-11T12:00:00+03:00`,
    },
    {
      line: 4,
      write: (value: string) => `title: T\npublished: 2023-10-11T12:00:00+03:00\ntags: [a, "${value}"]`,
    },
    {
      line: 6,
      write: (value: string) =>
        `title: T\npublished: 2023-10-11T12:00:00+03:00\ntags:\n  - a\n  - "${value}"`,
    },
    {
      line: 3,
      write: (value: string) => `title: T\n"section${value}": x\npublished: 2023-10-11T12:00:00+03:00`,
    },
  );

  test.prop([field, text, forbidden, text], RUNS)(
    "a character a line may not hold, written as a YAML escape, stops the build on its line",
    ({ line, write }, before, code, after) => {
      const escape = `\\u${code.toString(16).padStart(4, "0")}`;
      const source = `---\n${write(`${quoted(before)}${escape}${quoted(after)}`)}\n---\nBody.\n`;
      expect(() => parseArticle(decodeSource(bytes(source), "p.txt"), "p.txt")).toThrow(
        new RegExp(`^p\\.txt:${line}: .*U\\+${code.toString(16).toUpperCase().padStart(4, "0")}`, "u"),
      );
    },
  );

  // Invisible: white space, format controls (zero-width, bidi) and other default-ignorable characters.
  const invisible = fc
    .array(
      fc.constantFrom(
        " ",
        "\u00a0",
        "\u00ad",
        "\u034f",
        "\u061c",
        "\u180e",
        "\u200b",
        "\u200c",
        "\u200d",
        "\u200e",
        "\u200f",
        "\u202a",
        "\u202b",
        "\u202c",
        "\u202d",
        "\u202e",
        "\u2060",
        "\u2066",
        "\u2067",
        "\u2068",
        "\u2069",
        "\u3000",
        "\ufe0f",
        "\ufeff",
        "\u{e0001}",
      ),
      { minLength: 1, maxLength: 8 },
    )
    .map((parts) => parts.join(""));

  test.prop([invisible], RUNS)("a headline of invisible characters only is empty", (title) => {
    const source = `---\ntitle: "${quoted(title)}"\npublished: 2023-10-11T12:00:00+03:00\n---\nBody.\n`;
    expect(() => parseArticle(source, "p.txt")).toThrow('p.txt:2: "title" must not be empty');
  });

  // A URL, possibly with what the URL parser would drop or rewrite put into it.
  const href = fc
    .tuple(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.nat(),
      fc.constantFrom("", "\t", "\n", " ", "\\", "%", "ä", "HTTP"),
    )
    .map(([url, at, extra]) =>
      extra === "HTTP"
        ? url.replace(/^https?/u, (scheme) => scheme.toUpperCase())
        : `${url.slice(0, at % (url.length + 1))}${extra}${url.slice(at % (url.length + 1))}`,
    );

  test.prop([href], RUNS)(
    "an appeal's link goes exactly where its source says, or the appeal is refused",
    async (link) => {
      const source = `---\nsupport:\n  label: Give\n  href: "${quoted(link)}"\n---\nHeading\nText\nRemind me later.\n`;
      let appeal;
      try {
        appeal = parseAppeal(source, "a.txt");
      } catch (error) {
        expect(String(error)).toMatch(/^SourceError: a\.txt:4: "support\.href"/u);
        return;
      }
      const $ = cheerio.load(await renderAppeal(appeal));
      const written = $("aside a").attr("href") ?? "";
      expect(written).toBe(link);
      // Where a browser goes: the source's URL, or a bare origin with its "/" path.
      expect([link, `${link}/`]).toContain(new URL(written).href);
    },
  );
});

describe("errors name the key and the line that are wrong", () => {
  const KEYS = ["title", "published", "updated", "description", "credit", "section", "tags", "appeal"];
  const GOOD: Record<string, string> = {
    title: "T",
    published: "2023-10-11T12:00:00+03:00",
    updated: "2023-10-12T12:00:00+03:00",
    description: "D",
    credit: "C",
    section: "S",
    tags: "[a, b]",
    appeal: "none",
  };
  const BAD: Record<string, [value: string, problem: string]> = {
    title: ["5", "must be text"],
    published: ["nope", "must be an ISO 8601 date-time"],
    updated: ["0000-01-01T00:00:00Z", "must fall in the years 0001–9999"],
    description: ["[x]", "must be text"],
    credit: ["5", "must be text"],
    section: ["true", "must be text"],
    tags: ["5", "must be a list of tags"],
    appeal: ["Not An Id", "must be lower-case letters"],
  };
  // How each key is written: as a block mapping, with quotes, indented, or as one flow mapping over lines.
  const STYLES = {
    block: (lines: string[][]) => lines.map(([key, value]) => `${key}: ${value}`),
    quoted: (lines: string[][]) =>
      lines.map(([key, value], i) => (i % 2 ? `"${key}": ${value}` : `'${key}': ${value}`)),
    indented: (lines: string[][]) => lines.map(([key, value]) => `    ${key}: ${value}`),
    flow: (lines: string[][]) =>
      lines.map(
        ([key, value], i) => `${i === 0 ? "{" : " "}${key}: ${value}${i === lines.length - 1 ? "}" : ","}`,
      ),
  };
  const frontMatter = fc
    .tuple(
      fc.shuffledSubarray(KEYS.slice(2), { minLength: 0 }),
      fc.nat(),
      fc.nat(),
      fc.constantFrom(...(Object.keys(STYLES) as (keyof typeof STYLES)[])),
    )
    .map(([optional, order, badIndex, style]) => {
      const keys = [...optional];
      keys.splice(order % (keys.length + 1), 0, "title");
      keys.splice((order >> 3) % (keys.length + 1), 0, "published");
      return { keys, bad: keys[badIndex % keys.length]!, style };
    });

  test.prop([frontMatter], RUNS)(
    "a bad value is reported on its key's line, however the mapping is written",
    ({ keys, bad, style }) => {
      const lines = keys.map((key) => [key, key === bad ? BAD[key]![0] : GOOD[key]!]);
      const source = `---\n${STYLES[style](lines).join("\n")}\n---\nBody.\n`;
      const line = 2 + keys.indexOf(bad);
      expect(() => parseArticle(source, "p.txt", { knownAppeals: new Set() })).toThrow(
        `p.txt:${line}: "${bad}" ${BAD[bad]![1]}`,
      );
    },
  );

  // One slip of the keyboard: a letter dropped, doubled, changed or two swapped.
  const typo = fc
    .tuple(
      fc.constantFrom(...KEYS),
      fc.nat(),
      fc.constantFrom("drop", "double", "change", "swap"),
      fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"),
    )
    .map(([key, at, slip, letter]) => {
      const i = at % key.length;
      const typed =
        slip === "drop"
          ? key.slice(0, i) + key.slice(i + 1)
          : slip === "double"
            ? key.slice(0, i + 1) + key.slice(i)
            : slip === "change"
              ? key.slice(0, i) + letter + key.slice(i + 1)
              : key.slice(0, i) + (key[i + 1] ?? "") + key[i] + key.slice(i + 2);
      return { key, typed };
    })
    .filter(({ typed }) => !KEYS.includes(typed) && /^[a-z]+$/u.test(typed));

  test.prop([typo, fc.nat()], RUNS)(
    "a misspelled key is named on its own line, with a key it may have meant, before any key it leaves missing",
    ({ key, typed }, at) => {
      const keys = ["title", "published", "credit"].filter((k) => k !== key);
      const position = at % (keys.length + 1);
      const lines = keys.map((k) => `${k}: ${GOOD[k]}`);
      lines.splice(position, 0, `${typed}: ${GOOD[key]}`);
      const source = `---\n${lines.join("\n")}\n---\nBody.\n`;
      expect(() => parseArticle(source, "p.txt")).toThrow(
        new RegExp(
          `^p\\.txt:${2 + position}: unknown front matter key "${typed}" \\(did you mean "[a-z]+"\\?\\)$`,
          "u",
        ),
      );
    },
  );
});
