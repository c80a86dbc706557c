import * as cheerio from "cheerio";
import { SaxesParser } from "saxes";
import { beforeAll, describe, expect, it } from "vitest";
import { FEED_SIZE } from "../../src/consts.ts";
import { renderCases } from "../fixtures/corpus.ts";
import { loadFixture, ownSite, TEST_SITE } from "../support/fixture.ts";
import { listSiteFiles } from "../support/links.ts";
import { ARTICLES_NEWEST_FIRST, GUIDE, SOURCE } from "../support/sources.ts";

// Both feeds carry every article whole. They are read as feed readers read
// them: first as strict XML (saxes), then each item's HTML with an HTML parser.

const ATOM = "http://www.w3.org/2005/Atom";
const root = new URL(`${TEST_SITE}/`);

/** Well-formedness errors, and the root element's namespace and attributes. */
function strictXml(xml: string) {
  const errors: string[] = [];
  let rootElement: { uri: string; name: string; attributes: Record<string, string> } | undefined;
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (error) => errors.push(error.message));
  parser.on("opentag", (tag) => {
    rootElement ??= {
      uri: tag.uri,
      name: tag.local,
      attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value])),
    };
  });
  parser.write(xml).close();
  return { errors, root: rootElement };
}

/** The lines of an item's HTML: the text of each top-level element, or a problem for anything else. */
function contentLines(html: string): string[] {
  const $ = cheerio.load(html, {}, false);
  return $.root()
    .contents()
    .map((_, node) =>
      node.type === "tag" && node.name === "p" ? $(node).text() : `not a <p>: ${$.html(node)}`,
    )
    .get();
}

interface FeedEntry {
  readonly url: string;
  readonly id: string;
  readonly title: string;
  readonly lines: string[];
}

function rssEntries(xml: string): FeedEntry[] {
  const $ = cheerio.load(xml, { xml: true });
  return $("rss > channel > item")
    .map((_, item) => ({
      url: $(item).children("link").text(),
      id: $(item).children("guid").text(),
      title: $(item).children("title").text(),
      lines: contentLines($(item).children("content\\:encoded").text()),
    }))
    .get();
}

function atomEntries(xml: string): FeedEntry[] {
  const $ = cheerio.load(xml, { xml: true });
  const base = $("feed").attr("xml:base") ?? "";
  return $("feed > entry")
    .map((_, entry) => ({
      url: new URL($(entry).children('link[rel="alternate"]').attr("href") ?? "", base).href,
      id: $(entry).children("id").text(),
      title: $(entry).children("title").text(),
      lines: contentLines($(entry).children('content[type="html"]').text()),
    }))
    .get();
}

describe("the feeds of the site's own articles", () => {
  it.each(["rss.xml", "atom.xml"])("%s is well-formed XML of the right kind", async (file) => {
    const { errors, root: element } = strictXml(await ownSite.readFile(file));
    expect(errors).toEqual([]);
    expect(element && { uri: element.uri, name: element.name }).toEqual(
      file === "rss.xml" ? { uri: "", name: "rss" } : { uri: ATOM, name: "feed" },
    );
  });

  it.each([
    ["rss.xml", rssEntries],
    ["atom.xml", atomEntries],
  ] as const)("%s carries each article whole, with its credit", async (file, entries) => {
    const expected = [
      { slug: GUIDE.slug, headline: GUIDE.headline, lines: GUIDE.articleLines },
      { slug: SOURCE.slug, headline: SOURCE.headline, lines: [...SOURCE.articleLines, "Credit: AFP"] },
    ];
    expect(entries(await ownSite.readFile(file))).toEqual(
      expected.map(({ slug, headline, lines }) => ({
        url: `${root.href}articles/${slug}/`,
        id: `${root.href}articles/${slug}/`,
        title: headline,
        lines,
      })),
    );
  });

  it("has the elements Atom requires, with xml:base and links to files of dist/", async () => {
    const $ = cheerio.load(await ownSite.readFile("atom.xml"), { xml: true });
    expect($("feed").attr("xml:base")).toBe(root.href);
    expect($("feed").attr("xml:lang")).toBe("en");
    // RFC 4287 4.1.1: exactly one id, title and updated; an author, here for the whole feed.
    for (const name of ["id", "title", "updated", "author"])
      expect($(`feed > ${name}`), name).toHaveLength(1);
    expect($("feed > author > name").text()).toBe("The Moscow Times");
    expect($("feed > id").text()).toBe(root.href);
    expect($("feed > updated").text()).toBe("2024-03-15T09:00:00Z");
    const base = (href: string | undefined) => new URL(href ?? "", root).href;
    expect(base($('feed > link[rel="self"]').attr("href"))).toBe(`${root.href}atom.xml`);
    expect(base($('feed > link[rel="alternate"]').attr("href"))).toBe(root.href);
    expect($("feed > entry")).toHaveLength(ARTICLES_NEWEST_FIRST.length);
    // 4.1.2: each entry one id, title and updated, and a link or content.
    $("feed > entry").each((_, entry) => {
      for (const name of ["id", "title", "updated", "published", "content"]) {
        expect($(entry).children(name), name).toHaveLength(1);
      }
      expect($(entry).children('link[rel="alternate"]')).toHaveLength(1);
      for (const name of ["updated", "published"]) {
        expect($(entry).children(name).text()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/u);
      }
    });
    const files = await listSiteFiles(ownSite.outDir);
    for (const { url } of atomEntries(await ownSite.readFile("atom.xml"))) {
      expect(files.has(`${url.slice(root.href.length)}index.html`), url).toBe(true);
    }
  });
});

// The hostile corpus, plus older articles enough to fill the feeds past FEED_SIZE.
const slugOf = (index: number) => `case-${String(index + 1).padStart(2, "0")}`;
const OLDER = FEED_SIZE - renderCases.length + 3;
const olderSlug = (index: number) => `older-${String(index + 1).padStart(3, "0")}`;
const olderArticle = (index: number, title = `Older story ${index + 1}`) =>
  `---\ntitle: ${title}\npublished: ${new Date(Date.UTC(2001, 0, 1 + index)).toISOString().slice(0, 10)}T08:00:00+00:00\n` +
  `credit: 'AFP & "Reuters" <staff>'\n---\nAn older paragraph ${index + 1} & <more>.\n`;
const hostileArticles = () => ({
  ...Object.fromEntries(renderCases.map((c, index) => [`${slugOf(index)}.txt`, c.source])),
  ...Object.fromEntries(
    Array.from({ length: OLDER }, (_, index) => [`${olderSlug(index)}.txt`, olderArticle(index)]),
  ),
});

/** The instant a source says it was published, read from its `published:` line (ISO 8601, so Date.parse reads its year as written). */
function publishedAt(source: string | Uint8Array): number {
  const text = typeof source === "string" ? source : new TextDecoder().decode(source);
  const time = Date.parse(/^published: (\S+)/mu.exec(text)?.[1] ?? "");
  if (!Number.isFinite(time)) throw new Error(`no published date in ${text.slice(0, 80)}`);
  return time;
}

/** What each feed must hold, newest first (articles published at one instant by slug): the hostile cases and the older ones. */
const expectedHostile = () =>
  [
    ...renderCases.map(({ source, headline, paragraphs }, index) => ({
      slug: slugOf(index),
      time: publishedAt(source),
      headline,
      lines: paragraphs,
    })),
    ...Array.from({ length: OLDER }, (_, index) => ({
      slug: olderSlug(index),
      time: publishedAt(olderArticle(index)),
      headline: `Older story ${index + 1}`,
      lines: [`An older paragraph ${index + 1} & <more>.`, 'Credit: AFP & "Reuters" <staff>'],
    })),
  ]
    .sort((a, b) => b.time - a.time || (a.slug < b.slug ? -1 : 1))
    .slice(0, FEED_SIZE)
    .map(({ slug, headline, lines }) => ({
      url: `${root.href}articles/${slug}/`,
      id: `${root.href}articles/${slug}/`,
      title: headline,
      lines,
    }));

describe(`the feeds of a site built from hostile sources and ${OLDER} older articles`, () => {
  const hostile = loadFixture({ name: "feeds-hostile", content: { articles: hostileArticles() } });
  // The same archive edited: a title and a body changed, and a newer article added.
  const changed = loadFixture({
    name: "feeds-changed",
    content: {
      articles: {
        ...hostileArticles(),
        [`${olderSlug(OLDER - 1)}.txt`]: olderArticle(OLDER - 1, "A retitled story"),
        [`${olderSlug(OLDER - 2)}.txt`]: olderArticle(OLDER - 2).replace("An older", "A rewritten"),
        "zz-newest.txt": "---\ntitle: Newest\npublished: 2030-01-01T00:00:00+00:00\n---\nNew.\n",
      },
    },
  });
  beforeAll(async () => {
    await hostile.build();
    await changed.build();
  });

  it.each(["rss.xml", "atom.xml"])("%s is well-formed XML", async (file) => {
    expect(strictXml(await hostile.readFile(file)).errors).toEqual([]);
  });

  it.each([
    ["rss.xml", rssEntries],
    ["atom.xml", atomEntries],
  ] as const)(
    `%s holds the newest ${FEED_SIZE}, each source's text exactly, one paragraph per <p>`,
    async (file, entries) => {
      expect(renderCases.length + OLDER).toBeGreaterThan(FEED_SIZE);
      const actual = entries(await hostile.readFile(file));
      const expected = expectedHostile();
      expect(actual).toHaveLength(FEED_SIZE);
      // One entry at a time, so that a failure names the case and not a megabyte of diff.
      for (const [index, entry] of expected.entries()) expect(actual[index], entry.url).toEqual(entry);
    },
  );

  it.each([
    ["rss.xml", rssEntries],
    ["atom.xml", atomEntries],
  ] as const)("%s keeps every id when articles are edited and added", async (file, entries) => {
    const before = entries(await hostile.readFile(file));
    const after = new Map(entries(await changed.readFile(file)).map((entry) => [entry.url, entry.id]));
    const kept = before.filter((entry) => after.has(entry.url));
    // All but the oldest, which the newer article pushed out; the edited ones among them.
    expect(kept).toHaveLength(FEED_SIZE - 1);
    expect(kept.map((entry) => after.get(entry.url))).toEqual(kept.map((entry) => entry.id));
    expect(new Set(before.map((entry) => entry.id)).size).toBe(FEED_SIZE);
    expect(after.get(`${root.href}articles/zz-newest/`)).toBe(`${root.href}articles/zz-newest/`);
  });
});
