import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { feedItem } from "../../src/lib/feed.ts";
import { escapeHtml } from "../../src/lib/html.ts";

describe("escapeHtml", () => {
  it("shows the text exactly when read as HTML", () => {
    const text = `<b>bold</b> & "quoted" 'text' &amp; *stars*`;
    expect(
      cheerio
        .load(`<p>${escapeHtml(text)}</p>`)("p")
        .text(),
    ).toBe(text);
  });
});

describe("feedItem", () => {
  const item = feedItem(
    {
      title: "A <headline> & more",
      published: "2023-10-11T12:00:00+03:00",
      description: "Tom & Jerry <3",
      tags: ["Russia", "CSTO"],
    },
    "https://example.org/articles/a/",
  );

  it("has the title as plain text, the link, and the tags as categories", () => {
    expect(item.title).toBe("A <headline> & more");
    expect(item.link).toBe("https://example.org/articles/a/");
    expect(item.categories).toEqual(["Russia", "CSTO"]);
  });

  it("is published at the same instant as the article", () => {
    expect(item.pubDate.toISOString()).toBe("2023-10-11T09:00:00.000Z");
  });

  it("escapes the description, which feed readers show as HTML", () => {
    expect(item.description).toBe("Tom &amp; Jerry &lt;3");
  });
});
