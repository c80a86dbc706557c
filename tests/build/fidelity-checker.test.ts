import * as cheerio from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { SOURCE } from "../support/sources.ts";
import { fidelityProblems, type ExpectedArticlePage } from "../support/pageText.ts";
import { ownSite } from "../support/fixture.ts";

// The checker must catch a broken page; each case breaks the real page one way.
let html: string;
const expected: ExpectedArticlePage = {
  headline: SOURCE.headline,
  body: SOURCE.articleLines,
  appeal: SOURCE.appealLines,
};

beforeAll(async () => {
  html = await ownSite.readFile(`articles/${SOURCE.slug}/`);
});

function broken(change: ($: cheerio.CheerioAPI) => void): string {
  const $ = cheerio.load(html);
  change($);
  return $.html();
}

describe("the fidelity checker", () => {
  it("passes the real page", () => {
    expect(fidelityProblems(html, expected)).toEqual([]);
  });

  it.each<[string, ($: cheerio.CheerioAPI) => void]>([
    ["a line dropped", ($) => $("article > p").eq(3).remove()],
    ["a line altered", ($) => $("article > p").eq(1).text(SOURCE.articleLines[1]!.replace("five", "six"))],
    [
      "a straight quote curled",
      ($) => $("article > p").eq(2).text(SOURCE.articleLines[2]!.replace('"', "\u201C")),
    ],
    ["two lines swapped", ($) => $("article > p").eq(1).insertBefore($("article > p").eq(0))],
    ["a line duplicated", ($) => $("article > p").eq(6).clone().insertAfter($("article > p").eq(6))],
    ["a line added", ($) => $("article").append("<p>Advertisement</p>")],
    ["text outside any line", ($) => $("article").append("Read more")],
    ["an appeal line dropped", ($) => $("aside p").eq(0).remove()],
    ["the dismiss label altered", ($) => $("aside button").text("Close")],
    ["the appeal moved into the article", ($) => $("aside").appendTo("article")],
    ["the appeal moved before the article", ($) => $("aside").insertBefore("article")],
    ["the headline altered", ($) => $("h1").text(SOURCE.headline.toUpperCase())],
    ["an article line moved into the appeal", ($) => $("article > p").last().insertAfter("aside h2")],
  ])("catches %s", (_, change) => {
    expect(fidelityProblems(broken(change), expected)).not.toEqual([]);
  });
});
