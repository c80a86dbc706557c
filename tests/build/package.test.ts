import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKiwixServe, type KiwixServer } from "../../tools/kiwixServe.ts";
import { hasProgram } from "../../tools/package.ts";
import { ownSite, TEST_SITE } from "../support/fixture.ts";
import { htmlPageChecks, listSiteFiles, pageLinkProblems } from "../support/links.ts";
import { fidelityProblems } from "../support/pageText.ts";
import { pageUrls } from "../support/pageUrls.ts";
import { ROOT } from "../support/paths.ts";
import { GUIDE, SOURCE } from "../support/sources.ts";

// `npm run package` on the site's own build, twice: the zip must be the same
// bytes both times and unzip into a site that works from disk; the ZIM must
// serve the same pages through kiwix-serve.

const NAME = "the-moscow-times";
const root = new URL(`${TEST_SITE}/`);
const ARTICLES = [
  { slug: SOURCE.slug, headline: SOURCE.headline, body: SOURCE.articleLines },
  { slug: GUIDE.slug, headline: GUIDE.headline, body: GUIDE.articleLines },
];
const dist = ownSite.outDir;
let work: string;

function runPackage(outDir: string) {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, "scripts/package.ts"), "--dist", dist, "--outDir", outDir],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`npm run package failed:\n${result.stdout}${result.stderr}`);
  return result;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "plain-news-package-"));
  runPackage(join(work, "first"));
  runPackage(join(work, "second"));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("the zip", () => {
  let unzipped: string;
  beforeAll(() => {
    if (!hasProgram("unzip")) throw new Error("unzip was not found: apt-get install unzip");
    unzipped = join(work, "unzipped");
    const result = spawnSync("unzip", ["-q", join(work, "first", `${NAME}.zip`), "-d", unzipped], {
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`unzip failed: ${result.stderr}`);
  });

  it("is the same bytes from two runs", async () => {
    const [first, second] = await Promise.all(
      ["first", "second"].map((run) => readFile(join(work, run, `${NAME}.zip`))),
    );
    expect(first!.length).toBeGreaterThan(0);
    expect(first!.equals(second!)).toBe(true);
  });

  it("holds every file of dist/, byte for byte, and nothing else", async () => {
    const files = [...(await listSiteFiles(dist))].sort();
    expect([...(await listSiteFiles(unzipped))].sort()).toEqual(files);
    for (const file of files) {
      const same = (await readFile(join(unzipped, file))).equals(await readFile(join(dist, file)));
      expect(same, file).toBe(true);
    }
  });

  it("lists its entries sorted, each with the same fixed timestamp", () => {
    const listing = spawnSync("unzip", ["-Z", "-T", join(work, "first", `${NAME}.zip`)], {
      encoding: "utf8",
    });
    const entries = listing.stdout
      .split("\n")
      .filter((line) => /^-/u.test(line))
      .map((line) => line.split(/\s+/u));
    const names = entries.map((fields) => fields.at(-1)!);
    expect(names.length).toBeGreaterThan(5);
    expect(names).toEqual(names.toSorted());
    expect(new Set(entries.map((fields) => fields.at(-2)))).toEqual(new Set(["19800101.000000"]));
  });

  it("unzips into a site with no broken link, on a host or opened from disk", async () => {
    const files = await listSiteFiles(unzipped);
    const pages = await htmlPageChecks(unzipped, files, root);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.flatMap((page) => pageLinkProblems(page, { root, dist: unzipped, files }))).toEqual([]);
  });

  it.each(ARTICLES)("unzips $slug saying exactly what its source says", async ({ slug, headline, body }) => {
    const html = await readFile(join(unzipped, "articles", slug, "index.html"), "utf8");
    expect(fidelityProblems(html, { headline, body, appeal: SOURCE.appealLines })).toEqual([]);
  });
});

describe("the ZIM file, served by kiwix-serve", () => {
  let started: KiwixServer | Error;
  // Each test fails with the reason (e.g. kiwix-serve missing, and how to install it), none skips.
  const server = () => {
    if (started instanceof Error) throw started;
    return started;
  };
  // kiwix-serve names a book after its file: /<name>/<path in dist/>.
  const bookUrl = (path: string) => new URL(`${NAME}/${path}`, server().url);
  beforeAll(async () => {
    started = await startKiwixServe([join(work, "first", `${NAME}.zim`)]).catch((error: Error) => error);
  });
  afterAll(async () => {
    if (!(started instanceof Error)) await started.close();
  });

  it("has its title, description, language, creator, name and a 48×48 PNG illustration", async () => {
    const catalog = await fetch(new URL("catalog/v2/entries", server().url));
    const $ = cheerio.load(await catalog.text(), { xml: true });
    expect($("entry")).toHaveLength(1);
    expect({
      title: $("entry > title").text(),
      summary: $("entry > summary").text(),
      language: $("entry > language").text(),
      name: $("entry > name").text(),
      author: $("entry > author > name").text(),
    }).toEqual({
      title: "The Moscow Times",
      summary: "Independent journalism from Russia.",
      language: "eng",
      name: `${NAME}_en_all`,
      author: "The Moscow Times",
    });
    const thumbnail = $('entry > link[rel="http://opds-spec.org/image/thumbnail"]').attr("href") ?? "";
    const png = Buffer.from(await (await fetch(new URL(thumbnail, server().url))).arrayBuffer());
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([48, 48]);
  });

  /** Every link of a page of dist/ that fails to answer when followed inside the ZIM, from where kiwix-serve serves the page. */
  async function zimLinkProblems(path: string, html: string): Promise<string[]> {
    const problems: string[] = [];
    const links = pageUrls(html).filter(({ url }) => !/^[a-z][a-z\d+.-]*:|^#/iu.test(url));
    if (links.length < 3) problems.push(`${path}: only ${links.length} links: not a real page`);
    for (const { where, url } of links) {
      const target = new URL(url, bookUrl(path));
      const status = (await fetch(target)).status;
      if (!target.href.startsWith(bookUrl("").href) || status !== 200) {
        problems.push(`${path}: ${where} ${url}: ${target.href} answered ${status}`);
      }
    }
    return problems;
  }

  it("opens on the home page, whose links resolve inside the ZIM", async () => {
    const response = await fetch(new URL(NAME, server().url));
    expect(response.url).toBe(bookUrl("index.html").href);
    expect(
      cheerio
        .load(await response.text())("main h1")
        .text(),
    ).toBe("Latest articles");
    expect(await zimLinkProblems("index.html", await readFile(join(dist, "index.html"), "utf8"))).toEqual([]);
  });

  it.each(ARTICLES)(
    "serves $slug saying exactly what its source says, its script and CSP unchanged, its links resolving inside the ZIM",
    async ({ slug, headline, body }) => {
      const path = `articles/${slug}/index.html`;
      const response = await fetch(bookUrl(path));
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(fidelityProblems(html, { headline, body, appeal: SOURCE.appealLines })).toEqual([]);
      // kiwix-serve adds its own toolbar to a page; the page's own head and body are kept.
      // The snooze script runs only if its bytes still match the hash in the page's CSP.
      const original = await readFile(join(dist, path), "utf8");
      const $original = cheerio.load(original);
      const $served = cheerio.load(html);
      const csp = 'meta[http-equiv="content-security-policy"]';
      expect($served(csp).attr("content")).toBe($original(csp).attr("content"));
      expect($original("body > script")).toHaveLength(1);
      expect($served("body > script").first().text()).toBe($original("body > script").text());
      // The article and the appeal, as written in dist/, byte for byte.
      const content = original.slice(original.indexOf("<article"), original.indexOf("</main>"));
      expect(content.length).toBeGreaterThan(1000);
      expect(html).toContain(content);
      expect(await zimLinkProblems(path, original)).toEqual([]);
      const ids = new Set(
        $served("[id]")
          .map((_, element) => $served(element).attr("id"))
          .get(),
      );
      for (const { url } of pageUrls(original).filter(({ url }) => url.startsWith("#"))) {
        expect(ids.has(url.slice(1)), url).toBe(true);
      }
    },
  );
});
