import * as cheerio from "cheerio";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { atomEntry, atomFeed, escapeXml } from "../../src/lib/atom.ts";
import { feedContent } from "../../src/lib/feedContent.ts";
import { renderCases } from "../fixtures/corpus.ts";

/** The text of each top-level element of an HTML fragment, and any text outside them. */
function readFragment(html: string) {
  const $ = cheerio.load(html, {}, false);
  return {
    lines: $.root()
      .children()
      .map((_, element) => `${element.tagName}: ${$(element).text()}`)
      .get(),
    stray: $.root()
      .contents()
      .filter((_, node) => node.type === "text")
      .map((_, node) => $(node).text())
      .get(),
  };
}

function strictXml(xml: string) {
  const errors: string[] = [];
  const texts: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (error) => errors.push(error.message));
  parser.on("text", (text) => texts.push(text));
  parser.write(xml).close();
  return { errors, text: texts.join("") };
}

describe("feedContent", () => {
  it.each(renderCases.map((c) => [c.name, c] as const))(
    "gives back %s as one <p> per paragraph, exactly",
    (_, { paragraphs }) => {
      expect(readFragment(feedContent({ paragraphs }))).toEqual({
        lines: paragraphs.map((paragraph) => `p: ${paragraph}`),
        stray: [],
      });
    },
  );

  it("ends with the credit, as written, in a <p> of its own", () => {
    const html = feedContent({
      paragraphs: ["One & two.", "<b>Three</b>"],
      credit: 'AFP & "Reuters" <staff>',
    });
    expect(readFragment(html)).toEqual({
      lines: ["p: One & two.", "p: <b>Three</b>", 'p: Credit: AFP & "Reuters" <staff>'],
      stray: [],
    });
    expect(cheerio.load(html, {}, false)("p").last().children("small")).toHaveLength(1);
  });
});

describe("escapeXml", () => {
  it("reads back exactly, as text and as an attribute value", () => {
    const text = `a & b < c > d "e" 'f' ]]> &amp;`;
    const xml = `<r a="${escapeXml(text)}" b='${escapeXml(text)}'>${escapeXml(text)}</r>`;
    const parser = new SaxesParser();
    const read: string[] = [];
    parser.on("error", (error) => read.push(`error: ${error.message}`));
    parser.on("opentag", (tag) => read.push(String(tag.attributes["a"]), String(tag.attributes["b"])));
    parser.on("text", (value) => read.push(value));
    parser.write(xml).close();
    expect(read).toEqual([text, text, text]);
  });
});

describe("atomFeed", () => {
  const root = new URL("https://news.example.org/mirror/");
  const hostile = `A <b>"title"</b> & 'more' ]]>`;
  const article = {
    title: hostile,
    published: "2023-10-11T12:00:00+03:00",
    updated: "2023-10-12T08:30:00+03:00",
    description: hostile,
    credit: hostile,
    tags: [hostile, "Russia"],
    paragraphs: [hostile, "Second"],
  };
  const xml = atomFeed({
    root,
    title: "T & <S>",
    subtitle: "Sub",
    lang: "en",
    selfPath: "atom.xml",
    entries: [atomEntry(article, "articles/a/", root)],
  });
  const $ = cheerio.load(xml, { xml: true });

  it("is well-formed XML whatever the text", () => {
    expect(strictXml(xml).errors).toEqual([]);
  });

  it("keeps titles, summary and categories as plain text, exactly", () => {
    expect($("feed > title").text()).toBe("T & <S>");
    expect($("entry > title").attr("type")).toBe("text");
    expect($("entry > title").text()).toBe(hostile);
    expect($("entry > summary").text()).toBe(hostile);
    expect(
      $("entry > category")
        .map((_, element) => $(element).attr("term"))
        .get(),
    ).toEqual([hostile, "Russia"]);
  });

  it("carries the article whole as HTML", () => {
    expect($("entry > content").attr("type")).toBe("html");
    expect(readFragment($("entry > content").text()).lines).toEqual([
      `p: ${hostile}`,
      "p: Second",
      `p: Credit: ${hostile}`,
    ]);
  });

  it("has a permanent id, a link relative to xml:base, and RFC 3339 dates in UTC", () => {
    expect($("feed").attr("xml:base")).toBe(root.href);
    expect($("entry > id").text()).toBe("https://news.example.org/mirror/articles/a/");
    expect(new URL($("entry > link").attr("href") ?? "", root).href).toBe($("entry > id").text());
    expect($("entry > published").text()).toBe("2023-10-11T09:00:00Z");
    expect($("entry > updated").text()).toBe("2023-10-12T05:30:00Z");
    // The feed was last updated when its newest entry was, not when it was built.
    expect($("feed > updated").text()).toBe("2023-10-12T05:30:00Z");
  });
});
