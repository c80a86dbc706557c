import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { EDITIONS } from "../../src/consts.ts";
import type { Edition } from "../../src/lib/editions.ts";
import { STRINGS } from "../../src/lib/strings.ts";
import { renderPagination } from "../support/render.ts";

// The nav below each list page, read as a reader would: its links and its text.
async function nav(page: number, count: number, edition?: Edition) {
  const $ = cheerio.load(await renderPagination(page, count, edition));
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
    status: element.find("p").text().replace(/\s+/gu, " ").trim(),
  };
}

const NEWER = "Newer articles";
const OLDER = "Older articles";

describe("the pagination nav", () => {
  it("on the home page of three: only the older link, to page/2/", async () => {
    expect(await nav(1, 3)).toEqual({
      navs: 1,
      label: "Pages of articles",
      links: [{ text: OLDER, href: "page/2/index.html", rel: "next" }],
      status: "Page 1 of 3",
    });
  });

  it("on page 2 of three: newer goes to the home page, older to page 3", async () => {
    expect((await nav(2, 3)).links).toEqual([
      { text: NEWER, href: "../../index.html", rel: "prev" },
      { text: OLDER, href: "../3/index.html", rel: "next" },
    ]);
    expect((await nav(2, 3)).status).toBe("Page 2 of 3");
  });

  it("on a middle page: newer and older are its neighbours", async () => {
    expect((await nav(7, 500)).links).toEqual([
      { text: NEWER, href: "../6/index.html", rel: "prev" },
      { text: OLDER, href: "../8/index.html", rel: "next" },
    ]);
  });

  it("on the last page: only the newer link", async () => {
    expect(await nav(3, 3)).toMatchObject({
      links: [{ text: NEWER, href: "../2/index.html", rel: "prev" }],
      status: "Page 3 of 3",
    });
  });

  it("is not there when all the articles fit on the home page", async () => {
    expect((await nav(1, 1)).navs).toBe(0);
  });
});

describe("the pagination nav in another edition", () => {
  const persian = EDITIONS.find((edition) => edition.code === "fa")!;

  it("speaks the edition's language, in its digits, and links within the edition", async () => {
    expect(await nav(2, 3, persian)).toEqual({
      navs: 1,
      label: STRINGS.fa.pagerLabel,
      links: [
        { text: STRINGS.fa.newerArticles, href: "../../index.html", rel: "prev" },
        { text: STRINGS.fa.olderArticles, href: "../3/index.html", rel: "next" },
      ],
      status: "صفحهٔ ۲ از ۳",
    });
  });
});
