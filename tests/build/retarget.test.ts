import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStaticServer, type StaticServer } from "../../tools/server.ts";
import { ownSite, TEST_SITE } from "../support/fixture.ts";
import { fileProblem, htmlPageChecks, listSiteFiles, pageLinkProblems } from "../support/links.ts";
import { pageUrls, xmlUrls } from "../support/pageUrls.ts";
import { ROOT } from "../support/paths.ts";

// A mirror operator's copy of dist/, pointed at https://mirror.example/copy/
// with `npm run retarget`, the way an operator runs it.
const dist = ownSite.outDir;
const MIRROR = "https://mirror.example/copy/";
const origin = new URL(`${TEST_SITE}/`);
let served: string;
let copy: string;
let server: StaticServer;

const retarget = (...args: string[]) =>
  spawnSync("npm", ["run", "--silent", "retarget", "--", ...args], { cwd: ROOT, encoding: "utf8" });
const read = (folder: string, file: string) => readFile(join(folder, file), "utf8");

beforeAll(async () => {
  served = await mkdtemp(join(tmpdir(), "retarget-"));
  copy = join(served, "copy");
  await mkdir(copy);
  await cp(dist, copy, { recursive: true });
  const run = retarget(copy, MIRROR);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  server = await startStaticServer(served);
});

afterAll(async () => {
  await server?.close();
});

describe("npm run retarget", () => {
  it("changes only the feeds, the sitemaps, robots.txt, the 404 page, _headers and SHA256SUMS", async () => {
    const files = [...(await listSiteFiles(dist))].sort();
    expect([...(await listSiteFiles(copy))].sort()).toEqual(files);
    const changed: string[] = [];
    for (const file of files) {
      if (!(await readFile(join(dist, file))).equals(await readFile(join(copy, file)))) changed.push(file);
    }
    const named = files.filter((file) =>
      /^(?:404\.html|_headers|robots\.txt|SHA256SUMS|(?:rss|atom)\.xml|sitemap-.*\.xml)$/u.test(file),
    );
    expect(named).toEqual(
      expect.arrayContaining([
        "404.html",
        "_headers",
        "robots.txt",
        "SHA256SUMS",
        "rss.xml",
        "atom.xml",
        "sitemap-index.xml",
      ]),
    );
    expect(changed).toEqual(named);
  });

  it("writes a SHA256SUMS that the copy passes", () => {
    const check = spawnSync("sha256sum", ["-c", "--strict", "SHA256SUMS"], { cwd: copy, encoding: "utf8" });
    expect(check.status).toBe(0);
  });

  it("leaves a copy whose links all work served under /copy/", async () => {
    const root = new URL("copy/", server.url);
    const files = await listSiteFiles(copy);
    const pages = await htmlPageChecks(copy, files, root);
    expect(pages.flatMap((page) => pageLinkProblems(page, { root, dist: copy, files }))).toEqual([]);
    // Served for real: the 404 page (which a host configured for the copy serves at
    // any address below /copy/) leads to pages of the copy.
    const notFound = await fetch(new URL("404.html", root));
    expect(notFound.status).toBe(200);
    const $ = cheerio.load(await notFound.text());
    const hrefs = $("a[href^='/'], link[href^='/']")
      .map((_, a) => $(a).attr("href"))
      .get();
    expect(hrefs.length).toBeGreaterThanOrEqual(4);
    for (const href of hrefs) {
      expect(href.startsWith("/copy/"), href).toBe(true);
      expect((await fetch(new URL(href, new URL("no/such/page/", root)))).status, href).toBe(200);
    }
  });

  it("points the feed, the sitemap and robots.txt at the mirror; guids stay the origin's", async () => {
    const feed = await read(copy, "rss.xml");
    const errors: string[] = [];
    const parser = new SaxesParser({ xmlns: true });
    parser.on("error", (error) => errors.push(error.message));
    parser.write(feed).close();
    expect(errors).toEqual([]);
    const links = xmlUrls(feed, "item > link");
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const link of [...links, ...xmlUrls(feed, "channel > link")])
      expect(link.startsWith(MIRROR), link).toBe(true);
    expect(xmlUrls(feed, "item > guid")).toEqual(xmlUrls(await read(dist, "rss.xml"), "item > guid"));
    for (const guid of xmlUrls(feed, "item > guid")) expect(guid.startsWith(origin.href)).toBe(true);

    const mirror = new URL(MIRROR);
    const files = await listSiteFiles(copy);
    const listed = [
      ...xmlUrls(await read(copy, "sitemap-index.xml"), "sitemap > loc"),
      ...xmlUrls(await read(copy, "sitemap-0.xml"), "url > loc"),
      ...links,
    ];
    expect(listed.flatMap((url) => fileProblem(new URL(url), mirror, files) ?? [])).toEqual([]);
    expect(await read(copy, "robots.txt")).toContain(`Sitemap: ${MIRROR}sitemap-index.xml\n`);
  });

  it("points atom.xml at the mirror through its xml:base; entry ids stay the origin's", async () => {
    const atomOf = (xml: string) => cheerio.load(xml, { xml: true });
    const [before, after] = [atomOf(await read(dist, "atom.xml")), atomOf(await read(copy, "atom.xml"))];
    const base = after("feed").attr("xml:base") ?? "";
    expect(base).toBe(MIRROR);
    expect(before("feed").attr("xml:base")).toBe(origin.href);
    // Each entry's link, resolved as a feed reader does, is a page of the copy.
    const files = await listSiteFiles(copy);
    const links = after("entry > link[rel='alternate']")
      .map((_, link) => new URL(after(link).attr("href") ?? "", base).href)
      .get();
    expect(links.length).toBeGreaterThanOrEqual(2);
    expect(links.flatMap((url) => fileProblem(new URL(url), new URL(MIRROR), files) ?? [])).toEqual([]);
    const ids = (feed: cheerio.CheerioAPI) =>
      feed("feed > id, entry > id")
        .map((_, id) => feed(id).text())
        .get();
    expect(ids(after)).toEqual(ids(before));
    for (const id of ids(after)) expect(id.startsWith(origin.href), id).toBe(true);
    // Nothing else in the feed changed.
    expect((await read(copy, "atom.xml")).replace(`xml:base="${MIRROR}"`, `xml:base="${origin.href}"`)).toBe(
      await read(dist, "atom.xml"),
    );
  });

  it("keeps canonical links, og:url and JSON-LD pointing at the origin", async () => {
    for (const file of [...(await listSiteFiles(dist))].filter((f) => f.endsWith(".html"))) {
      const absolute = (html: string) =>
        pageUrls(html)
          .filter(({ url }) => /^https?:/u.test(url) && !url.startsWith("https://mirror-"))
          .map(({ where, url }) => `${where} ${url}`);
      const before = absolute(await read(dist, file));
      expect(absolute(await read(copy, file)), file).toEqual(before);
      for (const entry of before) expect(entry).toContain(origin.href);
    }
    const $ = cheerio.load(
      await read(copy, "articles/how-to-keep-reading-us-if-this-site-is-blocked/index.html"),
    );
    expect($('link[rel="canonical"]').attr("href")).toBe(
      `${origin.href}articles/how-to-keep-reading-us-if-this-site-is-blocked/`,
    );
  });

  it.each(["ftp://mirror.example/", "mirror.example", "javascript:alert(1)"])(
    "refuses %s and changes nothing",
    async (address) => {
      const other = await mkdtemp(join(tmpdir(), "retarget-refused-"));
      await cp(dist, other, { recursive: true });
      const run = retarget(other, address);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/not an http:\/\/ or https:\/\/ address|not an absolute URL/u);
      expect(await read(other, "robots.txt")).toBe(await read(dist, "robots.txt"));
    },
  );
});
