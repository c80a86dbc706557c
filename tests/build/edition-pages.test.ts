import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { type Lang, STRINGS } from "../../src/lib/strings.ts";
import { type Fixture, ownSite, rtlSite, TEST_SITE } from "../support/fixture.ts";
import { servedUrl } from "../support/links.ts";
import { ROOT } from "../support/paths.ts";
import { RUSSIAN, SITE_NAME } from "../support/sources.ts";

// The search and mirrors pages of every edition, each in its edition's
// language: what each says is compared with the strings table of its
// language, what it lists with the source files, read here by hand.

/** The mirror list as the file says it: a URL, then an optional label. */
const MIRRORS = readFileSync(join(ROOT, "src/content/mirrors.txt"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "" && !line.startsWith("#"))
  .map((line) => {
    const [url = "", ...label] = line.trim().split(/\s+/u);
    return { url, label: label.join(" ") };
  });

const text = ($: cheerio.CheerioAPI, selector: string) =>
  $(selector)
    .map((_, element) => $(element).text().replace(/\s+/gu, " ").trim())
    .get();
/** The document title without its bidi isolates. */
const title = ($: cheerio.CheerioAPI) =>
  $("title")
    .text()
    .replace(/[\u2066-\u2069]/gu, "");

/** Every string the search page writes itself, as the table of `lang` says it. */
function expectSearchPage($: cheerio.CheerioAPI, lang: Lang) {
  const strings = STRINGS[lang];
  expect(title($)).toBe(`${strings.search} - ${SITE_NAME}`);
  expect($('meta[name="description"]').attr("content")).toBe(strings.searchDescription(SITE_NAME));
  expect(text($, "main h1")).toEqual([strings.search]);
  expect(text($, "#search-unavailable p")).toEqual([strings.searchUnavailable, strings.browseInstead]);
  expect(text($, "#search-unavailable a")).toEqual([
    strings.browseHome,
    strings.browseSections,
    strings.browseTags,
    strings.browseArchive,
    strings.browseFeed,
  ]);
  expect(text($, "#search-form label")).toEqual([strings.searchQueryLabel, strings.searchSectionLabel]);
  expect(text($, "#search-section option").slice(0, 1)).toEqual([strings.allSections]);
  expect(text($, "#search-form button")).toEqual([strings.search]);
  // The script's messages, one attribute each, a plural category each.
  const form = $("#search-form");
  expect({
    empty: form.attr("data-empty"),
    failed: form.attr("data-failed"),
    noMatch: form.attr("data-no-match"),
    more: form.attr("data-more"),
  }).toEqual({
    empty: strings.searchEmpty,
    failed: strings.searchFailed,
    noMatch: strings.searchNoMatch,
    more: strings.searchMore,
  });
  const plurals = Object.fromEntries(
    Object.entries(form.attr() ?? {})
      .filter(([name]) => name.startsWith("data-matches-"))
      .map(([name, value]) => [name.slice("data-matches-".length), value]),
  );
  expect(plurals).toEqual(strings.searchMatches);
}

/** Every string the mirrors page writes itself, and the mirrors it lists. */
function expectMirrorsPage($: cheerio.CheerioAPI, lang: Lang, mirrors: typeof MIRRORS) {
  const strings = STRINGS[lang];
  expect(title($)).toBe(`${strings.mirrorsLink} - ${SITE_NAME}`);
  expect($('meta[name="description"]').attr("content")).toBe(strings.mirrorsDescription(SITE_NAME));
  expect(text($, "main h1")).toEqual([strings.mirrorsLink]);
  const [before, after] = strings.mirrorsChecksums;
  expect(text($, "main p")).toEqual([
    `${strings.mirrorsIntro} ${before} SHA256SUMS ${after}`,
    ...(mirrors.length === 0 ? [strings.noMirrors] : []),
    `${strings.mirrorsForApps} mirrors.json`,
  ]);
  expect(text($, "main li")).toEqual(
    mirrors.map(({ url, label }) => (label === "" ? url : `${url} — ${label}`)),
  );
  expect(text($, "main li a")).toEqual(mirrors.map(({ url }) => url));
}

const html = async (fixture: Fixture, file: string) => cheerio.load(await fixture.readFile(file));

describe("the Russian edition's search and mirrors pages", () => {
  it("are built, in Russian", async () => {
    for (const file of ["ru/search/index.html", "ru/mirrors/index.html"]) {
      expect(RUSSIAN.pages).toContain(file);
      const $ = await html(ownSite, file);
      expect([$("html").attr("lang"), $("html").attr("dir")], file).toEqual(["ru", "ltr"]);
    }
  });

  it("ru/search/ says everything it says in the Russian strings", async () => {
    expectSearchPage(await html(ownSite, "ru/search/index.html"), "ru");
  });

  it("search/ stays English", async () => {
    expectSearchPage(await html(ownSite, "search/index.html"), "en");
  });

  it("ru/mirrors/ says everything in Russian, and lists exactly the mirrors of the file", async () => {
    expect(MIRRORS.length).toBeGreaterThan(0);
    expectMirrorsPage(await html(ownSite, "ru/mirrors/index.html"), "ru", MIRRORS);
    expectMirrorsPage(await html(ownSite, "mirrors/index.html"), "en", MIRRORS);
  });

  it("a Russian article's header and footer lead to ru/search/ and ru/mirrors/, in Russian", async () => {
    const file = `ru/articles/${RUSSIAN.slug}/index.html`;
    const $ = await html(ownSite, file);
    const at = servedUrl(file, new URL(`${TEST_SITE}/`));
    const target = (selector: string, label: string) => {
      const link = $(selector).filter((_, a) => $(a).text() === label);
      expect(link, label).toHaveLength(1);
      return new URL(link.attr("href") ?? "", at).pathname;
    };
    expect(target(".site-header a", STRINGS.ru.search)).toBe("/ru/search/index.html");
    expect(target(".site-footer a", STRINGS.ru.mirrorsLink)).toBe("/ru/mirrors/index.html");
  });
});

describe("the right-to-left fixture's search and mirrors pages", () => {
  beforeAll(() => rtlSite.build());

  it("are Persian and right to left under fa/, English and left to right at the root", async () => {
    for (const [file, lang, dir] of [
      ["fa/search/index.html", "fa", "rtl"],
      ["fa/mirrors/index.html", "fa", "rtl"],
      ["search/index.html", "en", "ltr"],
      ["mirrors/index.html", "en", "ltr"],
    ] as const) {
      const $ = await html(rtlSite, file);
      expect([$("html").attr("lang"), $("html").attr("dir")], file).toEqual([lang, dir]);
    }
  });

  it("say everything in Persian; the fixture lists no mirror, which the page says", async () => {
    expectSearchPage(await html(rtlSite, "fa/search/index.html"), "fa");
    // The fixture has no mirrors.txt.
    expectMirrorsPage(await html(rtlSite, "fa/mirrors/index.html"), "fa", []);
  });
});
