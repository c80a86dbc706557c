import { describe, expect, it } from "vitest";
import { searchAttributes } from "../../src/lib/search.ts";

describe("searchAttributes", () => {
  it("makes section, tags and locale filters, and the publication time metadata, from their Open Graph metas", () => {
    expect(searchAttributes("article:section")).toEqual({ "data-pagefind-filter": "section[content]" });
    expect(searchAttributes("article:tag")).toEqual({ "data-pagefind-filter": "tag[content]" });
    expect(searchAttributes("og:locale")).toEqual({ "data-pagefind-filter": "edition[content]" });
    expect(searchAttributes("article:published_time")).toEqual({
      "data-pagefind-meta": "published[content]",
    });
  });

  it("leaves every other property alone", () => {
    for (const property of ["og:title", "og:url", "article:modified_time", "constructor", "__proto__"]) {
      expect(searchAttributes(property), property).toEqual({});
    }
  });
});
