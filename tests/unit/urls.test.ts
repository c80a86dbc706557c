import { describe, expect, it } from "vitest";
import {
  absoluteUrl,
  articlePath,
  fileOf,
  listPagePath,
  relativeHref,
  rootRelativeHref,
  siteRootUrl,
} from "../../src/lib/urls.ts";

describe("articlePath", () => {
  it("is articles/<slug>/", () => {
    expect(articlePath("a-b-1")).toBe("articles/a-b-1/");
  });
});

describe("listPagePath", () => {
  it("is the list's own path for page 0, and <list>page/<n>/ for pages counted from the oldest", () => {
    expect(listPagePath(0)).toBe("");
    expect(listPagePath(1)).toBe("page/1/");
    expect(listPagePath(500)).toBe("page/500/");
    expect(listPagePath(0, "sections/business/")).toBe("sections/business/");
    expect(listPagePath(3, "archive/2023/10/")).toBe("archive/2023/10/page/3/");
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("has no page %d", (page) => {
    expect(() => listPagePath(page)).toThrow(RangeError);
  });
});

describe("fileOf", () => {
  it.each([
    ["", "index.html"],
    ["articles/a/", "articles/a/index.html"],
    ["rss.xml", "rss.xml"],
  ])("serves %j from %s", (path, file) => {
    expect(fileOf(path)).toBe(file);
  });
});

describe("relativeHref", () => {
  it.each([
    ["", "", "index.html"],
    ["", "articles/a/", "articles/a/index.html"],
    ["", "rss.xml", "rss.xml"],
    ["articles/a/", "", "../../index.html"],
    ["articles/a/", "articles/b/", "../b/index.html"],
    ["articles/a/", "articles/a/", "index.html"],
    ["articles/a/", "rss.xml", "../../rss.xml"],
    ["", "page/2/", "page/2/index.html"],
    ["page/2/", "", "../../index.html"],
    ["page/2/", "page/3/", "../3/index.html"],
    ["page/3/", "page/2/", "../2/index.html"],
    ["page/2/", "articles/a/", "../../articles/a/index.html"],
    ["articles/a/", "tags/москва/", "../../tags/%D0%BC%D0%BE%D1%81%D0%BA%D0%B2%D0%B0/index.html"],
    ["tags/москва/page/2/", "tags/москва/", "../../index.html"],
  ])("from %j to %j is %s", (from, to, href) => {
    expect(relativeHref(from, to)).toBe(href);
  });

  it("lands on the same URL under any base, on a host and from disk", () => {
    for (const pageUrl of [
      "https://example.org/articles/a/",
      "https://example.org/mirror/deep/articles/a/index.html",
      "file:///media/usb/site/articles/a/index.html",
    ]) {
      const root = new URL("../../", pageUrl);
      expect(new URL(relativeHref("articles/a/", "articles/b/"), pageUrl).href).toBe(
        new URL("articles/b/index.html", root).href,
      );
    }
  });
});

describe("siteRootUrl", () => {
  it.each([
    ["/", "https://example.org/"],
    ["", "https://example.org/"],
    ["/mirror/", "https://example.org/mirror/"],
    ["/mirror", "https://example.org/mirror/"],
    ["mirror", "https://example.org/mirror/"],
    ["/a/b/", "https://example.org/a/b/"],
  ])("joins base %j to the site", (base, url) => {
    expect(siteRootUrl("https://example.org", base).href).toBe(url);
  });
});

describe("absolute and root-relative links", () => {
  const root = siteRootUrl("https://example.org", "/mirror/");

  it("gives absolute URLs below the base, folders with a trailing slash", () => {
    expect(absoluteUrl(root, "")).toBe("https://example.org/mirror/");
    expect(absoluteUrl(root, articlePath("a"))).toBe("https://example.org/mirror/articles/a/");
    expect(absoluteUrl(root, "rss.xml")).toBe("https://example.org/mirror/rss.xml");
  });

  it("gives root-relative hrefs with the base, naming the file", () => {
    expect(rootRelativeHref(root, "")).toBe("/mirror/index.html");
    expect(rootRelativeHref(root, "rss.xml")).toBe("/mirror/rss.xml");
    expect(rootRelativeHref(siteRootUrl("https://example.org", "/"), "")).toBe("/index.html");
  });
});
