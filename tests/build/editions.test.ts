import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { STRINGS, type SiteStrings } from "../../src/lib/strings.ts";
import { type Fixture, ownSite, rtlSite, TEST_SITE } from "../support/fixture.ts";
import { listSiteFiles } from "../support/links.ts";
import { fidelityProblems } from "../support/pageText.ts";
import { ROOT } from "../support/paths.ts";

// Every page of both builds, read as built: the site's own content (English
// and Russian) at the root, and the right-to-left fixture (English and
// Persian) under the base path /news/. What each page should be comes from the
// source files, read here line by line, not from the site's code.

/** What a source file says, read by hand: its front matter keys and its body lines. */
function readSource(path: string) {
  const lines = readFileSync(path, "utf8").split("\n");
  const end = lines.indexOf("---", 1);
  const keys = new Map(
    lines.slice(1, end).flatMap((line) => {
      const match = /^(\w+): (.*)$/u.exec(line);
      return match ? [[match[1]!, match[2]!] as const] : [];
    }),
  );
  return { keys, body: lines.slice(end + 1).filter((line) => line.trim() !== "") };
}

/** The editions' languages and directions, as the issue names them. */
const EXPECTED = {
  "": { lang: "en", dir: "ltr" },
  ru: { lang: "ru", dir: "ltr" },
  fa: { lang: "fa", dir: "rtl" },
} as const;
type Code = keyof typeof EXPECTED;

interface Site {
  readonly name: string;
  readonly fixture: Fixture;
  readonly content: string;
  readonly root: string;
}
const SITES: Site[] = [
  { name: "the site", fixture: ownSite, content: join(ROOT, "src/content"), root: `${TEST_SITE}/` },
  {
    name: "the RTL fixture",
    fixture: rtlSite,
    content: join(ROOT, "tests/fixtures/rtl"),
    root: `${TEST_SITE}/news/`,
  },
];

function articlesOf(site: Site) {
  const folder = join(site.content, "articles");
  return readdirSync(folder).map((name) => {
    const slug = name.replace(/\.txt$/u, "");
    const { keys, body } = readSource(join(folder, name));
    const edition = (keys.get("edition") ?? "") as Code;
    const prefix = edition === "" ? "" : `${edition}/`;
    return {
      slug,
      edition,
      title: keys.get("title")!,
      appeal: keys.get("appeal"),
      translation: keys.get("translation"),
      body,
      url: `${site.root}${prefix}articles/${slug}/`,
      file: `${prefix}articles/${slug}/index.html`,
    };
  });
}

const editionOfFile = (file: string): Code => (/^(ru|fa)\//u.exec(file)?.[1] as Code | undefined) ?? "";

describe.each(SITES)("$name", (site) => {
  let files: Set<string>;
  let pages: { file: string; $: cheerio.CheerioAPI }[];
  const articles = articlesOf(site);
  const bySlug = new Map(articles.map((article) => [article.slug, article]));

  beforeAll(async () => {
    files = await listSiteFiles(site.fixture.outDir);
    pages = await Promise.all(
      [...files]
        .filter((file) => file.endsWith(".html"))
        .map(async (file) => ({ file, $: cheerio.load(await site.fixture.readFile(file)) })),
    );
  });

  it("builds every edition's home page, feed and articles", () => {
    const editions = new Set(articles.map((article) => article.edition));
    expect(editions.size).toBeGreaterThan(1);
    for (const edition of editions) {
      const prefix = edition === "" ? "" : `${edition}/`;
      expect(files).toContain(`${prefix}index.html`);
      expect(files).toContain(`${prefix}rss.xml`);
    }
    for (const article of articles) expect(files).toContain(article.file);
  });

  it("gives every page the lang and dir of its edition", () => {
    expect(pages.length).toBeGreaterThan(3);
    for (const { file, $ } of pages) {
      const expected = EXPECTED[editionOfFile(file)];
      expect({ file, lang: $("html").attr("lang"), dir: $("html").attr("dir") }).toEqual({
        file,
        ...expected,
      });
    }
  });

  it("links each translation both ways with absolute hreflang alternates and x-default", () => {
    const translated = articles.filter((article) => article.translation !== undefined);
    expect(translated.length).toBeGreaterThanOrEqual(2);
    for (const article of translated) {
      const other = bySlug.get(article.translation!)!;
      const english = article.edition === "" ? article : other;
      const $ = pages.find((page) => page.file === article.file)!.$;
      const alternates = $('link[rel="alternate"][hreflang]')
        .map((_, link) => [[$(link).attr("hreflang"), $(link).attr("href")]])
        .get();
      expect(Object.fromEntries(alternates), article.file).toEqual({
        [EXPECTED[article.edition].lang]: article.url,
        [EXPECTED[other.edition].lang]: other.url,
        "x-default": english.url,
      });
      // The visible link: in the other language's own name, marked as that language.
      const visible = $(`a[hreflang="${EXPECTED[other.edition].lang}"]`);
      expect(visible, article.file).toHaveLength(1);
      expect(visible.attr("lang")).toBe(EXPECTED[other.edition].lang);
      expect(new URL(visible.attr("href")!, article.url).href).toBe(`${other.url}index.html`);
    }
  });

  it("says the same in the sitemap, with xhtml:link", async () => {
    const $ = cheerio.load(await site.fixture.readFile("sitemap-0.xml"), { xml: true });
    for (const article of articles) {
      const url = $("url").filter((_, element) => $(element).children("loc").text() === article.url);
      expect(url, article.url).toHaveLength(1);
      const links = url
        .find("xhtml\\:link")
        .map((_, link) => [[$(link).attr("hreflang"), $(link).attr("href")]])
        .get();
      if (article.translation === undefined) {
        expect(links, article.url).toEqual([]);
        continue;
      }
      const other = bySlug.get(article.translation)!;
      const english = article.edition === "" ? article : other;
      expect(Object.fromEntries(links), article.url).toEqual({
        [EXPECTED[article.edition].lang]: article.url,
        [EXPECTED[other.edition].lang]: other.url,
        "x-default": english.url,
      });
    }
  });

  it("gives each edition a feed in its language, with its own articles only", async () => {
    for (const code of new Set(articles.map((article) => article.edition))) {
      const prefix = code === "" ? "" : `${code}/`;
      const $ = cheerio.load(await site.fixture.readFile(`${prefix}rss.xml`), { xml: true });
      expect($("channel > language").text()).toBe(EXPECTED[code].lang);
      const links = $("item > link")
        .map((_, link) => $(link).text())
        .get()
        .sort();
      const expected = articles
        .filter((article) => article.edition === code)
        .map((article) => article.url)
        .sort();
      expect(links, `${prefix}rss.xml`).toEqual(expected);
    }
  });

  it("shows every article as its source says, in every edition", async () => {
    for (const article of articles) {
      const html = await site.fixture.readFile(article.file);
      const appealId =
        article.appeal === "none"
          ? undefined
          : (article.appeal ??
            { "": "moscow-times", ru: "moscow-times-ru", fa: "moscow-times-fa" }[article.edition]);
      const appeal =
        appealId === undefined
          ? undefined
          : readSource(join(site.content, "appeals", `${appealId}.txt`)).body;
      expect(
        fidelityProblems(html, { headline: article.title, body: article.body, appeal }),
        article.file,
      ).toEqual([]);
    }
  });

  it("shows no English string of the site's own on a page of another edition", () => {
    // Each English string (each part, each plural), with its arguments and the
    // script's {placeholders} cut out: the fixed words around them.
    const english = (Object.values(STRINGS.en) as SiteStrings[keyof SiteStrings][])
      .flatMap((value) =>
        typeof value === "function"
          ? (value as (...args: unknown[]) => string)("\u0000", 2).split("\u0000")
          : typeof value === "string"
            ? [value]
            : Object.values(value),
      )
      .flatMap((text) => text.split(/\{\w+\}/u))
      .map((text) => text.replace(/[.,:]/gu, "").trim())
      .filter((text) => text.length >= 4);
    expect(english).toContain("Skip to content");
    const others = pages.filter(({ file }) => editionOfFile(file) !== "");
    expect(others.length).toBeGreaterThan(1);
    for (const { file, $ } of others) {
      // Text in another language (the "English" link to a translation) is marked so, and set aside.
      $("[lang]:not(html)").remove();
      $("script, style").remove();
      const said = [
        $("body").text(),
        $("title").text(),
        ...$("[aria-label], meta[name=description]")
          .map((_, element) => [$(element).attr("aria-label"), $(element).attr("content")])
          .get(),
        // Messages a script shows (the snooze announcement, the search page's), in data-* attributes.
        ...$("*")
          .map((_, element) =>
            Object.entries($(element).attr() ?? {})
              .filter(([name]) => name.startsWith("data-"))
              .map(([, value]) => value),
          )
          .get(),
      ].join("\n");
      for (const text of english) expect(said.includes(text), `${file} says "${text}"`).toBe(false);
    }
  });
});
