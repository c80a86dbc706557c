import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { EDITIONS } from "../../src/consts.ts";
import type { Edition } from "../../src/lib/editions.ts";
import type { PagerLinks } from "../../src/lib/pager.ts";
import { STRINGS } from "../../src/lib/strings.ts";
import { renderPagination } from "../support/render.ts";

// The nav below each list page, read as a reader would: its links and its text.
async function nav(page: number, links: PagerLinks, list = "", edition?: Edition) {
  const $ = cheerio.load(await renderPagination({ list, page, links }, edition));
  const element = $("nav");
  return {
    navs: element.length,
    label: element.attr("aria-label"),
    links: element
      .find("a")
      .map((_, link) => ({
        text: $(link).text().trim(),
        href: $(link).attr("href"),
        rel: $(link).attr("rel"),
      }))
      .get(),
    status: element.find("p.pagination-status").text().replace(/\s+/gu, " ").trim(),
  };
}

const NEWEST = "Newest articles";
const NEWER = "Newer articles";
const OLDER = "Older articles";
const OLDEST = "Oldest articles";

describe("the pagination nav", () => {
  it("on the home page: older and oldest, to numbered pages, and no page number", async () => {
    expect(await nav(0, { older: 499, oldest: 1 })).toEqual({
      navs: 1,
      label: "Pages of articles",
      links: [
        { text: OLDER, href: "page/499/index.html", rel: "next" },
        { text: OLDEST, href: "page/1/index.html", rel: undefined },
      ],
      status: "",
    });
  });

  it("on a middle page: newest is the home page, newer and older its neighbours, oldest page 1", async () => {
    expect(await nav(7, { newest: 0, newer: 8, older: 6, oldest: 1 })).toEqual({
      navs: 1,
      label: "Pages of articles",
      links: [
        { text: NEWEST, href: "../../index.html", rel: undefined },
        { text: NEWER, href: "../8/index.html", rel: "prev" },
        { text: OLDER, href: "../6/index.html", rel: "next" },
        { text: OLDEST, href: "../1/index.html", rel: undefined },
      ],
      // No count of pages: it would change as the archive grows.
      status: "Page 7",
    });
  });

  it("on page 1 of a section: only newest and newer, inside the section's folder", async () => {
    expect((await nav(1, { newest: 0, newer: 2 }, "sections/business/")).links).toEqual([
      { text: NEWEST, href: "../../index.html", rel: undefined },
      { text: NEWER, href: "../2/index.html", rel: "prev" },
    ]);
  });

  it("percent-encodes a tag's letters in its hrefs", async () => {
    expect((await nav(0, { older: 1 }, "tags/москва/")).links).toEqual([
      { text: OLDER, href: "page/1/index.html", rel: "next" },
    ]);
    expect((await nav(2, { newest: 0, older: 1 }, "tags/москва/")).links[0]?.href).toBe("../../index.html");
  });

  it("is not there when all the articles fit on the list's first page", async () => {
    expect((await nav(0, {})).navs).toBe(0);
  });
});

describe("the pagination nav in another edition", () => {
  const persian = EDITIONS.find((edition) => edition.code === "fa")!;

  it("speaks the edition's language, in its digits, and links within the edition", async () => {
    expect(await nav(7, { newest: 0, newer: 8, older: 6, oldest: 1 }, "", persian)).toEqual({
      navs: 1,
      label: STRINGS.fa.pagerLabel,
      links: [
        { text: STRINGS.fa.newestArticles, href: "../../index.html", rel: undefined },
        { text: STRINGS.fa.newerArticles, href: "../8/index.html", rel: "prev" },
        { text: STRINGS.fa.olderArticles, href: "../6/index.html", rel: "next" },
        { text: STRINGS.fa.oldestArticles, href: "../1/index.html", rel: undefined },
      ],
      status: "صفحهٔ ۷",
    });
  });
});
