import * as cheerio from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { SOURCE } from "../support/sources.ts";
import { fidelityProblems, readArticlePage } from "../support/pageText.ts";
import { ownSite } from "../support/fixture.ts";

let html: string;
let $: cheerio.CheerioAPI;

beforeAll(async () => {
  html = await ownSite.readFile(`articles/${SOURCE.slug}/`);
  $ = cheerio.load(html);
});

describe("the article page reproduces the source document", () => {
  it("has eighteen source lines to check, split into article and appeal", () => {
    expect(SOURCE.articleLines).toHaveLength(10);
    expect(SOURCE.appealLines).toHaveLength(8);
    expect(SOURCE.appealLines[0]).toBe("A Message from The Moscow Times:");
    expect(SOURCE.appealLines.at(-1)).toBe("Remind me later.");
  });

  it("shows every line, in order, once, with nothing added", () => {
    const problems = fidelityProblems(html, {
      headline: SOURCE.headline,
      body: SOURCE.articleLines,
      appeal: SOURCE.appealLines,
    });
    expect(problems).toEqual([]);
  });

  it("reads top to bottom as the source document does", () => {
    const page = readArticlePage(html);
    expect([...page.body.blocks, ...(page.appeal?.blocks ?? [])].join("\n")).toBe(SOURCE_DOCUMENT_LINES);
  });

  it("gives back quotes, apostrophes and dollar signs exactly after decoding", () => {
    const text = $("body").text();
    for (const needle of ['"undesirable"', "Russia's", "just $2", '"foreign agent."']) {
      expect(text).toContain(needle);
    }
  });
});

const SOURCE_DOCUMENT_LINES = [...SOURCE.articleLines, ...SOURCE.appealLines].join("\n");

describe("the article", () => {
  it("is one <article> with the headline as its only <h1>", () => {
    expect($("article")).toHaveLength(1);
    expect($("h1")).toHaveLength(1);
    expect($("article > header > h1").text()).toBe(SOURCE.headline);
  });

  it("shows the date between headline and body, with the credit", () => {
    const dateline = $("article > header > h1 + p");
    expect(dateline.find("time").attr("datetime")).toBe(SOURCE.published);
    expect(dateline.find("time").text()).toBe("11 October 2023");
    expect(dateline.text()).toContain("AFP");
    expect($("article > header").next().is("p")).toBe(true);
  });

  it("puts each body line in its own <p>", () => {
    expect(
      $("article > p")
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual(SOURCE.articleLines);
  });
});

describe("the reader appeal", () => {
  it("is a region labelled by its h2 heading, after the article and outside it", () => {
    const aside = $("aside[aria-labelledby]");
    expect(aside).toHaveLength(1);
    const heading = $(`#${aside.attr("aria-labelledby")}`);
    expect(heading.is("h2")).toBe(true);
    expect(heading.text()).toBe(SOURCE.appealLines[0]);
    expect(aside.closest("article")).toHaveLength(0);
    expect(readArticlePage(html).appealFollowsArticle).toBe(true);
  });

  it("offers its dismiss label as a real button", () => {
    const button = $("aside button");
    expect(button).toHaveLength(1);
    expect(button.attr("type")).toBe("button");
    expect(button.text()).toBe("Remind me later.");
  });
});

describe("the document", () => {
  it("is English, titled with the headline, and described by the first paragraph", () => {
    expect($("html").attr("lang")).toBe("en");
    expect($("title").text().startsWith(`\u2068${SOURCE.headline}\u2069`)).toBe(true);
    expect($('meta[name="description"]').attr("content")).toBe(SOURCE.articleLines[0]);
  });

  it("needs no other file: no stylesheet link, no script src, no web font", () => {
    expect($('link[rel="stylesheet"]')).toHaveLength(0);
    expect($("script[src]")).toHaveLength(0);
    expect($("style").text()).not.toContain("@font-face");
    expect($("style").text()).toContain("system-ui");
  });

  it("styles dark mode and leaves the appeal out of print", () => {
    const css = $("style").text();
    expect(css).toContain("prefers-color-scheme:dark");
    expect(css).toMatch(/@media print\{[^@]*\.appeal[^{]*\{display:none/u);
  });
});
