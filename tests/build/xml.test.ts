import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { SaxesParser } from "saxes";
import { beforeAll, describe, expect, it } from "vitest";
import { RUSSIAN } from "../support/sources.ts";
import { listSiteFiles } from "../support/links.ts";
import { ownSite } from "../support/fixture.ts";

// The feed and the sitemaps are read by programs that reject XML that is not
// well-formed. saxes is a strict XML 1.0 parser: one root element, every tag
// closed and nested, quoted attributes, no duplicate attribute, only the five
// predefined entities, no character XML forbids, bound namespace prefixes.

/** Every well-formedness error in an XML document, as `line:column: message`. */
function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (error) => errors.push(error.message));
  parser.write(xml).close();
  return errors;
}

let dist: string;
let xmlFiles: string[];

beforeAll(async () => {
  dist = ownSite.outDir;
  xmlFiles = [...(await listSiteFiles(dist))].filter((file) => file.endsWith(".xml")).sort();
});

describe("the XML files of dist/", () => {
  it("are the feeds, the sitemap index and its sitemap", () => {
    expect(xmlFiles).toEqual([
      "atom.xml",
      "rss.xml",
      RUSSIAN.atom,
      RUSSIAN.feed,
      "sitemap-0.xml",
      "sitemap-index.xml",
    ]);
  });

  it("are each well-formed XML, with an XML declaration in UTF-8", async () => {
    for (const file of xmlFiles) {
      const xml = await readFile(join(dist, file), "utf8");
      expect({ file, errors: xmlErrors(xml) }).toEqual({ file, errors: [] });
      expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    }
  });
});

describe("the well-formedness check", () => {
  it.each([
    ["a bare ampersand", (xml: string) => xml.replace("</title>", " & more</title>")],
    ["an HTML entity XML does not define", (xml: string) => xml.replace("</title>", "&nbsp;</title>")],
    ["a tag left open", (xml: string) => xml.replace("</title>", "")],
    ["tags closed out of order", (xml: string) => xml.replace("</title>", "<b></title></b>")],
    ["a second root element", (xml: string) => `${xml}<rss/>`],
    ["a control character", (xml: string) => xml.replace("</title>", "\u0001</title>")],
    [
      "a duplicate attribute",
      (xml: string) => xml.replace('<rss version="2.0"', '<rss version="2.0" version="2"'),
    ],
  ])("rejects the feed with %s", async (_, change) => {
    const xml = await readFile(join(dist, "rss.xml"), "utf8");
    expect(xmlErrors(xml)).toEqual([]);
    expect(xmlErrors(change(xml)).length).toBeGreaterThan(0);
  });
});
