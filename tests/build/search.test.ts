import { createHash } from "node:crypto";
import { access, readdir, readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import * as cheerio from "cheerio";
import yaml from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { inlineScript } from "../../src/lib/inlineScript.ts";
import searchSource from "../../src/scripts/search.ts?raw";
import { ownSite } from "../support/fixture.ts";
import { listSiteFiles } from "../support/links.ts";
import { ROOT } from "../support/paths.ts";
import { indexedPages, type IndexedPage } from "../support/pagefind.ts";
import { EXECUTABLE_SCRIPT } from "../support/scripts.ts";

let dist: string;
let pages: string[];
let indexed: IndexedPage[];

beforeAll(async () => {
  dist = ownSite.outDir;
  pages = [...(await listSiteFiles(dist))].filter((file) => file.endsWith(".html")).sort();
  indexed = await indexedPages(dist);
});

const read = async (file: string) => cheerio.load(await readFile(join(dist, file), "utf8"));

/** A page's policy: directive name → sources. */
async function policyOf(file: string): Promise<Map<string, string[]>> {
  const $ = await read(file);
  const text = $('meta[http-equiv="content-security-policy"]').attr("content") ?? "";
  return new Map(
    text
      .split(";")
      .map((part) => part.trim().split(/\s+/u))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const withoutHashes = (policy: Map<string, string[]>) =>
  Object.fromEntries(
    [...policy].map(([name, sources]) => [name, sources.filter((s) => !s.startsWith("'sha"))]),
  );

/** Each edition's folder prefix, from the edition an article's front matter names: "" for none. */
const prefixOf = (source: { edition?: string }) => (source.edition === undefined ? "" : `${source.edition}/`);

/** The search pages there should be: one per edition the articles name, the default's included. */
async function searchPages() {
  const prefixes = new Set(["", ...(await articleSources()).map(prefixOf)]);
  return [...prefixes].map((prefix) => `${prefix}search/index.html`).sort();
}

/** The article sources, read here with js-yaml: slug, headline, section, tags and edition. */
async function articleSources() {
  const folder = join(ROOT, "src/content/articles");
  const names = (await readdir(folder)).filter((name) => name.endsWith(".txt")).sort();
  return Promise.all(
    names.map(async (name) => {
      const [, frontMatter = "", body = ""] = (await readFile(join(folder, name), "utf8")).split(/^---$/mu);
      const data = yaml.load(frontMatter) as {
        title: string;
        section?: string;
        tags?: string[];
        edition?: string;
      };
      return { slug: name.slice(0, -".txt".length), ...data, body: body.trim().split("\n") };
    }),
  );
}

describe("the search page's policy", () => {
  it("adds 'wasm-unsafe-eval' and its script's hash, and nothing else, to every other page's policy", async () => {
    const search = await policyOf("search/index.html");
    const home = await policyOf("index.html");
    const $ = await read("search/index.html");
    const scripts = $(EXECUTABLE_SCRIPT);
    expect(scripts).toHaveLength(1);
    expect(scripts.text()).toBe(inlineScript(searchSource).code);
    expect(search.get("script-src")).toContain(sha256(scripts.text()));
    expect(search.get("script-src")).toContain("'wasm-unsafe-eval'");
    expect(search.get("connect-src")).toEqual(["'self'"]);
    const relaxed = withoutHashes(search);
    relaxed["script-src"] = relaxed["script-src"]!.filter((source) => source !== "'wasm-unsafe-eval'");
    expect(relaxed).toEqual(withoutHashes(home));
    for (const [name, sources] of search) {
      for (const source of sources) {
        expect(source, name).toMatch(/^'(?:none|self|wasm-unsafe-eval|sha256-[A-Za-z0-9+/]+=*)'$/u);
      }
    }
  });

  it("is the same on every edition's search page", async () => {
    const [first, ...others] = await searchPages();
    expect(others.length).toBeGreaterThan(0);
    for (const file of others) {
      expect(withoutHashes(await policyOf(file)), file).toEqual(withoutHashes(await policyOf(first!)));
    }
  });

  it("is the only relaxed one: no other page allows WebAssembly, and none allows 'unsafe-inline' or 'unsafe-eval'", async () => {
    const relaxed = await searchPages();
    expect(relaxed).toEqual(["ru/search/index.html", "search/index.html"]);
    for (const file of relaxed) expect(pages).toContain(file);
    for (const file of pages) {
      const sources = [...(await policyOf(file)).values()].flat();
      expect(sources.length, file).toBeGreaterThan(0);
      expect(sources.includes("'wasm-unsafe-eval'"), file).toBe(relaxed.includes(file));
      expect(
        sources.filter((source) => /^'unsafe-(?:inline|eval|hashes)'$/u.test(source)),
        file,
      ).toEqual([]);
    }
  });
});

describe("the search page without its script", () => {
  it("says that search needs JavaScript and a served copy, and links to the home page, the sections, tags and archive, and the feed", async () => {
    const $ = await read("search/index.html");
    expect($("#search-unavailable").text()).toMatch(/needs JavaScript.*served/su);
    const links = $("#search-unavailable a")
      .map((_, link) => posix.join("search", $(link).attr("href") ?? ""))
      .get();
    expect(links).toEqual([
      "index.html",
      "sections/index.html",
      "tags/index.html",
      "archive/index.html",
      "rss.xml",
    ]);
  });

  it("links to the same edition's pages on each edition's search page", async () => {
    const $ = await read("ru/search/index.html");
    const links = $("#search-unavailable a")
      .map((_, link) => posix.join("ru/search", $(link).attr("href") ?? ""))
      .get();
    expect(links).toEqual([
      "ru/index.html",
      "ru/sections/index.html",
      "ru/tags/index.html",
      "ru/archive/index.html",
      "ru/rss.xml",
    ]);
  });

  it("offers, on each edition's search page, that edition's sections and no other", async () => {
    const sources = await articleSources();
    for (const file of await searchPages()) {
      const $ = await read(file);
      const options = $("#search-section option")
        .map((_, option) => $(option).text())
        .get();
      const expected = new Set(
        sources
          .filter((source) => `${prefixOf(source)}search/index.html` === file)
          .flatMap((s) => s.section ?? []),
      );
      expect(expected.size, file).toBeGreaterThan(0);
      expect($("#search-section option").first().attr("value"), file).toBe("");
      expect(options.slice(1).sort(), file).toEqual([...expected].sort());
    }
  });

  it("has no dead form: the form is hidden until the script has loaded the index", async () => {
    const $ = await read("search/index.html");
    expect($("form")).toHaveLength(1);
    expect($("form").attr("hidden")).toBeDefined();
    expect($("#search-status").attr("role")).toBe("status");
  });

  it("points the script at Pagefind's bundle, which is there, without Pagefind's own UI", async () => {
    const $ = await read("search/index.html");
    const bundle = posix.join("search", $("form").attr("data-pagefind") ?? "");
    expect(bundle).toBe("pagefind/pagefind.js");
    await access(join(dist, bundle));
    const files = [...(await listSiteFiles(dist))].filter((file) => file.startsWith("pagefind/"));
    expect(files.filter((file) => /ui\.(?:js|css)$|highlight/u.test(file))).toEqual([]);
  });
});

describe("every page's header", () => {
  it("links to its own edition's search page", async () => {
    for (const file of pages) {
      const $ = await read(file);
      const hrefs = $(".site-header a")
        .map((_, link) => $(link).attr("href") ?? "")
        .get();
      // The 404 page links from the root (its base is the site's root on the test host).
      const resolved = hrefs.map((href) =>
        href.startsWith("/") ? href.slice(1) : posix.join(posix.dirname(file), href),
      );
      const own = file.startsWith("ru/") ? "ru/search/index.html" : "search/index.html";
      expect(resolved, file).toContain(own);
    }
  });
});

describe("the search index", () => {
  it("covers every article page of every edition and no other page", async () => {
    const sources = await articleSources();
    expect(sources.some((source) => source.edition === "ru")).toBe(true);
    expect(indexed.map((page) => page.url).sort()).toEqual(
      sources.map((source) => `/${prefixOf(source)}articles/${source.slug}/`).sort(),
    );
  });

  it("splits by language: each edition's articles in the index of its own <html lang>", async () => {
    const entry = JSON.parse(await readFile(join(dist, "pagefind/pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    const sources = await articleSources();
    const count = (edition: string | undefined) =>
      sources.filter((source) => source.edition === edition).length;
    expect(
      Object.fromEntries(Object.entries(entry.languages).map(([lang, { page_count }]) => [lang, page_count])),
    ).toEqual({ en: count(undefined), ru: count("ru") });
  });

  it("holds each article's headline, body, section, tags and shown date; not the header, footer or appeal", async () => {
    for (const source of await articleSources()) {
      const page = indexed.find(({ url }) => url === `/${prefixOf(source)}articles/${source.slug}/`)!;
      const $ = await read(`${prefixOf(source)}articles/${source.slug}/index.html`);
      expect(page.meta["title"]).toBe(source.title);
      expect(page.meta["date"]).toBe($("article time").first().text());
      expect(page.filters["section"]).toEqual(source.section === undefined ? undefined : [source.section]);
      expect(page.filters["tag"]).toEqual(source.tags);
      expect(page.filters["edition"]).toEqual([source.edition === "ru" ? "ru_RU" : "en_GB"]);
      for (const line of source.body.filter((line) => line.trim() !== "")) {
        // Pagefind joins the page's text with single spaces.
        expect(page.content).toContain(line.replace(/\s+/gu, " ").trim());
      }
      for (const elsewhere of [$(".site-header").text(), $(".site-footer").text(), $(".appeal h2").text()]) {
        expect(elsewhere.trim().length).toBeGreaterThan(0);
        expect(page.content).not.toContain(elsewhere.trim());
      }
    }
  });
});
