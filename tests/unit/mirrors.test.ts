import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/lib/article.ts";
import { checksumList, listFiles, sha256Hex } from "../../src/lib/checksums.ts";
import { SourceError } from "../../src/lib/errors.ts";
import { headersFile, onionOrigin, pageUrlPath } from "../../src/lib/headers.ts";
import { linkSegments } from "../../src/lib/linkify.ts";
import { readMirrorFiles } from "../../src/lib/mirrorFiles.ts";
import { mirrorsJson, parseMirrorList } from "../../src/lib/mirrors.ts";
import { retargetFile, retargetRoot, rootFromRobots } from "../../src/lib/retarget.ts";
import { renderCases } from "../fixtures/corpus.ts";
import { HOSTS, hostHeaders, parseHeadersFile } from "../support/hostHeaders.ts";
import { renderArticle } from "../support/render.ts";

describe("the mirror list", () => {
  it("reads one mirror a line, a URL and an optional label, skipping blanks and # comments", () => {
    const text =
      "# Our mirrors\n\nhttps://one.example/ First (Europe)  \n  http://two.example/news/\nhttps://three.example/\tThird\n";
    expect(parseMirrorList(text, "mirrors.txt")).toEqual([
      { url: "https://one.example/", label: "First (Europe)" },
      { url: "http://two.example/news/", label: null },
      { url: "https://three.example/", label: "Third" },
    ]);
    expect(JSON.parse(mirrorsJson(parseMirrorList(text, "m.txt")))).toEqual([
      { url: "https://one.example/", label: "First (Europe)" },
      { url: "http://two.example/news/", label: null },
      { url: "https://three.example/", label: "Third" },
    ]);
  });

  it.each([
    ["a label without an address", "https://ok.example/\nFirst mirror", 2, "not an absolute URL"],
    ["another scheme", "\n\nftp://files.example/", 3, "not an http:// or https:// address"],
    ["javascript:", "javascript:alert(1) Mirror", 1, "not an http:// or https:// address"],
    ["a relative address", "mirror.example/ Mirror", 1, "not an absolute URL"],
    ["credentials", "https://user:pass@mirror.example/", 1, "user name or password"],
    ["the same mirror twice", "https://a.example/\n# x\nhttps://A.example", 3, "already listed on line 1"],
  ])("refuses %s, naming file and line", (_, text, line, problem) => {
    const error = (() => {
      try {
        parseMirrorList(text, "src/content/mirrors.txt");
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).message).toMatch(
      new RegExp(`^src/content/mirrors\\.txt:${line}: .*${problem}`, "u"),
    );
  });
});

describe("links in the text", () => {
  it("links http and https URLs only, the visible text exactly the source's", () => {
    expect(linkSegments("Read https://a.example/x. Or (http://b.example/).")).toEqual([
      { text: "Read " },
      { text: "https://a.example/x", href: "https://a.example/x" },
      { text: ". Or (" },
      { text: "http://b.example/", href: "http://b.example/" },
      { text: ")." },
    ]);
    expect(linkSegments("javascript:alert(1) data:text/html,x www.a.example a@b.example")).toEqual([
      { text: "javascript:alert(1) data:text/html,x www.a.example a@b.example" },
    ]);
  });

  test.prop([
    fc.array(fc.oneof(fc.string(), fc.webUrl(), fc.constantFrom("https://", ". ", ")", "javascript:"))),
  ])("gives back the text unchanged when its segments are joined, and links only http(s) URLs", (parts) => {
    const text = parts.join("");
    const segments = linkSegments(text);
    expect(segments.map((segment) => segment.text).join("")).toBe(text);
    for (const { text: shown, href } of segments) {
      if (href === undefined) continue;
      expect(href).toBe(shown);
      expect(href).toMatch(/^https?:\/\//iu);
    }
  });

  const withLinks = renderCases.filter((c) => c.name.includes("URL") || c.name.includes("javascript:"));
  it.each(withLinks)("the Article component: $name", async ({ source, paragraphs, links = [] }) => {
    const html = await renderArticle(parseArticle(String(source), "case.txt"));
    const $ = cheerio.load(html);
    expect(
      $("article > p")
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual(paragraphs);
    expect(
      $("article a")
        .map((_, a) => [[$(a).text(), $(a).attr("href")]])
        .get(),
    ).toEqual(links);
  });
});

describe("SHA256SUMS", () => {
  it("is what sha256sum -c accepts, sorted, without itself", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sums-"));
    const files = { "b.txt": "b\n", "a/index.html": "<p>a</p>", "Z.xml": "<z/>" };
    for (const [name, text] of Object.entries(files)) {
      await mkdir(join(dir, name, ".."), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    const hashes = new Map(Object.entries(files).map(([name, text]) => [name, sha256Hex(Buffer.from(text))]));
    hashes.set("SHA256SUMS", "0".repeat(64));
    const list = checksumList(hashes);
    expect(list.split("\n").map((line) => line.slice(66))).toEqual(["Z.xml", "a/index.html", "b.txt", ""]);
    await writeFile(join(dir, "SHA256SUMS"), list);
    // The real sha256sum, independent of the code under test.
    expect(execFileSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: dir, encoding: "utf8" })).toBe(
      "Z.xml: OK\na/index.html: OK\nb.txt: OK\n",
    );
    expect(await readFile(join(dir, "SHA256SUMS"), "utf8")).toBe(list);
  });

  it("lists a folder's files, hashes each and reads each page's policy; a page without one is named", async () => {
    const dir = await mkdtemp(join(tmpdir(), "mirror-files-"));
    const files = {
      "index.html": `<meta http-equiv="content-security-policy" content="default-src 'none'; style-src &#39;sha256-x&#39;">`,
      "a b/index.html": `<meta http-equiv="content-security-policy" content="img-src 'self'">`,
      "a b/c/d.txt": "d\n",
    };
    for (const [name, text] of Object.entries(files)) {
      await mkdir(join(dir, name, ".."), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    const listed = listFiles(dir);
    expect([...listed].sort()).toEqual(Object.keys(files).sort());
    const { hashes, policies } = readMirrorFiles(dir, listed, "/news/");
    // The real sha256sum, independent of the code under test.
    const sums = execFileSync("sha256sum", Object.keys(files), { cwd: dir, encoding: "utf8" });
    expect(
      new Map(
        sums
          .split("\n")
          .filter(Boolean)
          .map((line) => [line.slice(66), line.slice(0, 64)]),
      ),
    ).toEqual(hashes);
    expect(policies.sort((a, b) => (a.urlPath < b.urlPath ? -1 : 1))).toEqual([
      { urlPath: "/news/", csp: "default-src 'none'; style-src 'sha256-x'" },
      { urlPath: "/news/a%20b/", csp: "img-src 'self'" },
    ]);
    await writeFile(join(dir, "a b/c/e.html"), "<p>no policy</p>");
    expect(() => readMirrorFiles(dir, listFiles(dir), "/")).toThrow(
      "a b/c/e.html: no Content-Security-Policy <meta>",
    );
  });
});

describe("_headers and ONION_URL", () => {
  const A = "default-src 'none'";
  const B = "default-src 'none'; script-src 'sha256-B';";
  const C = "default-src 'none'; style-src 'sha256-C'";
  const withFrames = (csp: string) => `${csp.replace(/;$/u, "")}; frame-ancestors 'none'`;
  const page = (file: string, csp: string) => ({ urlPath: pageUrlPath(file, "/news/"), csp });
  const pages = [
    page("index.html", A),
    page("404.html", A),
    page("mirrors/index.html", A),
    page("articles/x/index.html", B),
    page("articles/y/index.html", B),
    page("page/2/index.html", C),
    page("page/3/index.html", C),
    // Netlify's /news/page/* also matches /news/pages-of-x/: page/ cannot be one splat.
    page("pages-of-x/index.html", A),
    // The index of tags differs from the tags' pages, which share a policy.
    page("tags/index.html", A),
    page("tags/x/index.html", C),
    page("tags/y/index.html", C),
    page("tags/y/2/index.html", C),
  ];

  it("gives a folder whose pages share a policy one splat rule, subfolders sharing one a placeholder rule, other pages a rule each", () => {
    const block = (path: string, csp: string) => [path, `  Content-Security-Policy: ${withFrames(csp)}`];
    expect(headersFile(pages, "/news/")).toBe(
      [
        "/news/*",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: no-referrer",
        ...block("/news/articles/*", B),
        ...block("/news/mirrors/*", A),
        ...block("/news/page/:name/*", C),
        ...block("/news/pages-of-x/*", A),
        ...block("/news/tags/:name/*", C),
        ...block("/news/tags/", A),
        ...block("/news/", A),
        ...block("/news/404.html", A),
        "",
      ].join("\n"),
    );
  });

  it("sends each page its own policy on Netlify and on Cloudflare Pages, and every path the site headers", () => {
    const rules = parseHeadersFile(headersFile(pages, "/news/"));
    for (const host of HOSTS) {
      for (const { urlPath, csp } of pages) {
        const sent = hostHeaders(host, rules, urlPath);
        expect(sent.get("content-security-policy"), `${host} ${urlPath}`).toBe(withFrames(csp));
        expect(sent.get("x-content-type-options"), `${host} ${urlPath}`).toBe("nosniff");
      }
      expect(hostHeaders(host, rules, "/news/atom.xml").get("referrer-policy")).toBe("no-referrer");
    }
  });

  test.prop([
    fc.dictionary(
      fc
        .array(fc.constantFrom("a", "b", "ab", "page", "pages", "2", "x.html"), {
          minLength: 0,
          maxLength: 3,
        })
        .map((segments) => segments.join("/")),
      fc.constantFrom(A, B, C),
      { maxKeys: 12 },
    ),
  ])("whatever the pages and policies, every page gets exactly its own policy on both hosts", (byFolder) => {
    const generated = Object.entries(byFolder).map(([folder, csp]) =>
      page(folder === "" ? "index.html" : folder.endsWith(".html") ? folder : `${folder}/index.html`, csp),
    );
    const unique = [...new Map(generated.map((p) => [p.urlPath, p])).values()];
    const rules = parseHeadersFile(headersFile(unique, "/news/"));
    for (const host of HOSTS) {
      for (const { urlPath, csp } of unique) {
        expect(hostHeaders(host, rules, urlPath).get("content-security-policy"), `${host} ${urlPath}`).toBe(
          withFrames(csp),
        );
      }
    }
  });

  it("needs a handful of rules, not one per page, for 10,000 articles", () => {
    const many = [
      ...pages,
      ...Array.from({ length: 10_000 }, (_, n) => page(`articles/article-${n}/index.html`, B)),
    ];
    expect(parseHeadersFile(headersFile(many, "/news/"))).toHaveLength(9);
  });

  it("accepts an onion origin and nothing else", () => {
    expect(onionOrigin("http://abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion/")).toBe(
      "http://abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion",
    );
    for (const bad of [
      "https://news.example.org",
      "http://x.onion/path/",
      "x.onion",
      "ftp://x.onion",
      "http://x.onion.example",
    ]) {
      expect(() => onionOrigin(bad), bad).toThrow(/ONION_URL/u);
    }
  });
});

describe("retarget", () => {
  const from = new URL("https://news.example.org/");
  const to = retargetRoot("https://mirror.example/copy");

  it("takes http(s) addresses only; a path becomes the base path", () => {
    expect(to.href).toBe("https://mirror.example/copy/");
    for (const bad of [
      "ftp://mirror.example/",
      "mirror.example",
      "javascript:alert(1)",
      "https://u:p@m.example/",
      "https://m.example/?x",
    ]) {
      expect(() => retargetRoot(bad), bad).toThrow();
    }
    expect(
      rootFromRobots("User-agent: *\nSitemap: https://news.example.org/base/sitemap-index.xml\n").href,
    ).toBe("https://news.example.org/base/");
  });

  it("moves feed links but not guids, sitemap locations, robots.txt and root-relative links", () => {
    const rss =
      '<rss><channel><link>https://news.example.org/</link><item><link>https://news.example.org/articles/a/</link><guid isPermaLink="true">https://news.example.org/articles/a/</guid></item></channel></rss>';
    expect(retargetFile("rss.xml", rss, from, to)).toBe(
      '<rss><channel><link>https://mirror.example/copy/</link><item><link>https://mirror.example/copy/articles/a/</link><guid isPermaLink="true">https://news.example.org/articles/a/</guid></item></channel></rss>',
    );
    expect(retargetFile("sitemap-0.xml", "<url><loc>https://news.example.org/a/</loc></url>", from, to)).toBe(
      "<url><loc>https://mirror.example/copy/a/</loc></url>",
    );
    expect(
      retargetFile("robots.txt", "Sitemap: https://news.example.org/sitemap-index.xml\n", from, to),
    ).toBe("Sitemap: https://mirror.example/copy/sitemap-index.xml\n");
    expect(
      retargetFile(
        "404.html",
        '<link rel="canonical" href="https://news.example.org/"><a href="/index.html">',
        from,
        to,
      ),
    ).toBe('<link rel="canonical" href="https://news.example.org/"><a href="/copy/index.html">');
    expect(retargetFile("_headers", "/*\n  X: y\n/a/*\n  Content-Security-Policy: z\n", from, to)).toBe(
      "/copy/*\n  X: y\n/copy/a/*\n  Content-Security-Policy: z\n",
    );
    expect(retargetFile("index.html", '<a href="/index.html">', from, to)).toBe('<a href="/index.html">');
  });

  it("moves Atom's xml:base, which its relative links follow, and absolute links; ids stay the origin's", () => {
    const atom = [
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example.org/" xml:lang="en">',
      "<id>https://news.example.org/</id>",
      '<link rel="self" type="application/atom+xml" href="atom.xml"/>',
      '<link rel="related" href="https://news.example.org/mirrors/"/>',
      '<entry><id>https://news.example.org/articles/a/</id><link rel="alternate" type="text/html" href="articles/a/"/>',
      '<content type="html">&lt;p xml:base=&quot;https://news.example.org/&quot;&gt;&lt;a href=&quot;https://news.example.org/x&quot;&gt;</content>',
      "</entry></feed>",
    ].join("\n");
    const moved = retargetFile("atom.xml", atom, from, to);
    expect(moved).toBe(
      atom
        .replace('xml:base="https://news.example.org/"', 'xml:base="https://mirror.example/copy/"')
        .replace('href="https://news.example.org/mirrors/"', 'href="https://mirror.example/copy/mirrors/"'),
    );
    expect(new URL("articles/a/", /xml:base="([^"]*)"/u.exec(moved)?.[1]).href).toBe(
      "https://mirror.example/copy/articles/a/",
    );
  });
});
