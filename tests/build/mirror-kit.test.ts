import { type Lang, STRINGS } from "../../src/lib/strings.ts";
import { execFileSync, spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { writeContent } from "../support/content.ts";
import { HOSTS, hostHeaders, parseHeadersFile } from "../support/hostHeaders.ts";
import { listSiteFiles, servedUrl } from "../support/links.ts";
import { fidelityProblems } from "../support/pageText.ts";
import { loadFixture, ownSite, TEST_SITE } from "../support/fixture.ts";
import { ROOT } from "../support/paths.ts";
import { GUIDE, SOURCE } from "../support/sources.ts";

// The mirror kit on the built site: the mirror list as a page and as JSON,
// Onion-Location, _headers and SHA256SUMS.
const dist = ownSite.outDir;
const ONION = "http://abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion";
const onionRoot = new URL("https://news.example.org/news/");
const onionSite = loadFixture({
  name: "mirror-kit-onion",
  site: onionRoot.origin,
  base: onionRoot.pathname,
  env: { ONION_URL: `${ONION}/` },
});
const onionDist = onionSite.outDir;

// The mirror list, split by hand from its file: a URL, then an optional label.
const MIRRORS = (await readFile(join(ROOT, "src/content/mirrors.txt"), "utf8"))
  .split("\n")
  .filter((line) => line.trim() !== "" && !line.startsWith("#"))
  .map((line) => {
    const [url = "", ...label] = line.trim().split(" ");
    return { url, label: label.length === 0 ? null : label.join(" ") };
  });

const read = (folder: string, file: string) => readFile(join(folder, file), "utf8");
const htmlFiles = async (folder: string) =>
  [...(await listSiteFiles(folder))].filter((f) => f.endsWith(".html")).sort();

beforeAll(async () => {
  await onionSite.build();
});

describe("the mirror list", () => {
  it("ships two example mirrors at reserved .example addresses", () => {
    expect(MIRRORS).toHaveLength(2);
    for (const { url } of MIRRORS) expect(new URL(url).hostname).toMatch(/\.example$/u);
  });

  it("is mirrors.json, exactly the file's mirrors in its order", async () => {
    expect(JSON.parse(await read(dist, "mirrors.json"))).toEqual(MIRRORS);
  });

  it("is the page mirrors/, a link to each mirror showing its address, then its label", async () => {
    const $ = cheerio.load(await read(dist, "mirrors/index.html"));
    const items = $("main li")
      .map((_, li) => [[$(li).find("a").attr("href"), $(li).find("a").text(), $(li).text()]])
      .get();
    expect(items).toEqual(
      MIRRORS.map(({ url, label }) => [url, url, label === null ? url : `${url} — ${label}`]),
    );
    expect($("main a[href='../mirrors.json']").text()).toBe("mirrors.json");
  });

  it("is linked from every page's footer", async () => {
    for (const file of await htmlFiles(dist)) {
      const $ = cheerio.load(await read(dist, file));
      // In the page's own language: "Mirrors", "Зеркала".
      const label = STRINGS[$("html").attr("lang") as Lang].mirrorsLink;
      const link = $("footer a").filter((_, a) => $(a).text() === label);
      expect(link.length, file).toBe(1);
      const href = link.attr("href") ?? "";
      // The page's own edition's mirrors page; the 404 page's is the default edition's, from the root.
      const own = file.startsWith("ru/") ? "/ru/mirrors/index.html" : "/mirrors/index.html";
      if (file === "404.html") expect(href).toBe(own);
      else expect(new URL(href, servedUrl(file, new URL(`${TEST_SITE}/`))).pathname, file).toBe(own);
    }
  });

  it("is linked, address by address, from the article on reading the site when it is blocked", async () => {
    const $ = cheerio.load(await read(dist, `articles/${GUIDE.slug}/index.html`));
    const links = $("article p a")
      .map((_, a) => [[$(a).attr("href"), $(a).text()]])
      .get();
    expect(links).toEqual(MIRRORS.map(({ url }) => [url, url]));
    // The paragraphs still read exactly as the file's lines.
    expect(
      $("article > p")
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual(GUIDE.articleLines);
  });

  it("leaves that article reading back exactly, line for line, and the fidelity check still compares text", async () => {
    const html = await read(dist, `articles/${GUIDE.slug}/index.html`);
    const expected = { headline: GUIDE.headline, body: GUIDE.articleLines, appeal: SOURCE.appealLines };
    expect(fidelityProblems(html, expected)).toEqual([]);
    const $ = cheerio.load(html);
    $("article p a").first().text("https://fake-mirror.example/");
    expect(fidelityProblems($.html(), expected)).toEqual([
      expect.stringMatching(
        /^article: line 2: expected .*mirror-one\.example.*, got .*fake-mirror\.example/u,
      ),
    ]);
  });
});

describe("a malformed mirror list", () => {
  it("stops the build, naming the file, the line and the problem", async () => {
    const contentDir = await writeContent({
      articles: { "a.txt": "---\ntitle: A\npublished: 2024-01-01T00:00:00Z\n---\nBody.\n" },
    });
    await writeFile(
      join(contentDir, "mirrors.txt"),
      "# Mirrors\nhttps://ok.example/ Fine\nmirror.example/ Not a URL\n",
    );
    await expect(loadFixture({ name: "bad-mirrors", content: contentDir }).build()).rejects.toThrow(
      /mirrors\.txt:3: "mirror\.example\/" is not an absolute URL/u,
    );
  });
});

describe("Onion-Location", () => {
  it("is absent without ONION_URL", async () => {
    for (const file of await htmlFiles(dist)) {
      expect(await read(dist, file), file).not.toMatch(/onion-location/iu);
    }
    expect(await read(dist, "_headers")).not.toMatch(/onion/iu);
  });

  it("names each page's own path, base path included, on the onion service", async () => {
    const files = await htmlFiles(onionDist);
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const $ = cheerio.load(await read(onionDist, file));
      const served = servedUrl(file, onionRoot);
      expect($('meta[http-equiv="onion-location"]').attr("content"), file).toBe(`${ONION}${served.pathname}`);
    }
  });

  it("refuses an ONION_URL that is not an onion origin", async () => {
    const badOnion = loadFixture({ name: "bad-onion", env: { ONION_URL: "https://news.example.org" } });
    await expect(badOnion.build()).rejects.toThrow(/ONION_URL must be an onion service's origin/u);
  });
});

const directives = (policy: string) =>
  policy
    .split(";")
    .map((d) => d.trim().replace(/\s+/gu, " "))
    .filter((d) => d !== "")
    .sort();

describe("_headers", () => {
  it.each([
    ["without ONION_URL", () => dist, new URL(`${TEST_SITE}/`)],
    ["with ONION_URL and a base path", () => onionDist, onionRoot],
  ] as const)(
    "covers every page with the same policy its <meta> carries, as each host resolves its rules (%s)",
    async (_, folder, root) => {
      const rules = parseHeadersFile(await read(folder(), "_headers"));
      const files = await htmlFiles(folder());
      // Pages share rules: fewer rules than pages, within Cloudflare's 100.
      expect(rules.length).toBeLessThan(files.length + 1);
      for (const file of files) {
        const $ = cheerio.load(await read(folder(), file));
        const path = servedUrl(file, root).pathname;
        const meta = $('meta[http-equiv="content-security-policy"]').attr("content") ?? "";
        expect(meta, file).not.toBe("");
        for (const host of HOSTS) {
          const sent = hostHeaders(host, rules, path);
          expect(directives(sent.get("content-security-policy") ?? ""), `${host} ${file}`).toEqual(
            directives(`${meta}; frame-ancestors 'none'`),
          );
        }
      }
      // Every file, pages, feeds, the icon and the kit's own files alike, gets the site's headers.
      for (const file of await listSiteFiles(folder())) {
        for (const host of HOSTS) {
          const sent = hostHeaders(host, rules, servedUrl(file, root).pathname);
          expect(
            [sent.get("x-content-type-options"), sent.get("referrer-policy")],
            `${host} ${file}`,
          ).toEqual(["nosniff", "no-referrer"]);
        }
      }
      expect(await read(folder(), "_headers")).not.toMatch(/onion/iu);
    },
  );

  it("lets the 404 page, which a host serves at any missing address, keep what its own policy allows", async () => {
    // A missing address below a splat rule's folder gets that rule's policy as well as the 404 page's <meta>.
    const $ = cheerio.load(await read(dist, "404.html"));
    const own = directives($('meta[http-equiv="content-security-policy"]').attr("content") ?? "");
    const policies = parseHeadersFile(await read(dist, "_headers")).flatMap(({ headers }) =>
      headers.filter(([name]) => name === "Content-Security-Policy").map(([, value]) => directives(value)),
    );
    expect(policies.length).toBeGreaterThanOrEqual(2);
    for (const policy of policies) {
      for (const directive of own) {
        const [name, ...sources] = directive.split(" ");
        const sent =
          policy
            .find((d) => d.split(" ")[0] === name)
            ?.split(" ")
            .slice(1) ?? [];
        expect(sent, directive).toEqual(expect.arrayContaining(sources));
      }
    }
  });
});

describe("SHA256SUMS", () => {
  const sha256sumCheck = (folder: string) =>
    spawnSync("sha256sum", ["-c", "--strict", "SHA256SUMS"], { cwd: folder, encoding: "utf8" });

  it("lists every other file of the site, sorted", async () => {
    const listed = (await read(dist, "SHA256SUMS"))
      .trimEnd()
      .split("\n")
      .map((line) => line.slice(66));
    const files = [...(await listSiteFiles(dist))].filter((file) => file !== "SHA256SUMS");
    expect(listed).toEqual(files.sort());
    expect(listed).toEqual(
      expect.arrayContaining([
        "_headers",
        "sitemap-0.xml",
        "atom.xml",
        "rss.xml",
        "favicon.svg",
        "mirrors.json",
        "pagefind/pagefind.js",
      ]),
    );
  });

  it("passes sha256sum -c in a copy, and fails once one byte of one page changes", async () => {
    const copy = await mkdtemp(join(tmpdir(), "site-copy-"));
    await cp(dist, copy, { recursive: true });
    const passed = sha256sumCheck(copy);
    expect(passed.stderr).toBe("");
    expect(passed.status).toBe(0);
    const page = join(copy, `articles/${GUIDE.slug}/index.html`);
    const bytes = await readFile(page);
    bytes[bytes.indexOf("Every page")] = "e".charCodeAt(0);
    await writeFile(page, bytes);
    const failed = sha256sumCheck(copy);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain(`articles/${GUIDE.slug}/index.html: FAILED`);
    expect(failed.stdout.match(/FAILED/gu)).toHaveLength(1);
  });
});

describe("a second build of the same commit", () => {
  it("is byte-identical, every file", async () => {
    const secondBuild = loadFixture({ name: "mirror-kit-again" });
    await secondBuild.build();
    const again = secondBuild.outDir;
    expect(await listSiteFiles(again)).toEqual(await listSiteFiles(dist));
    // SHA256SUMS names every other file: equal lists, and each copy passes its own, means equal bytes.
    expect(await read(again, "SHA256SUMS")).toBe(await read(dist, "SHA256SUMS"));
    execFileSync("sha256sum", ["-c", "--quiet", "SHA256SUMS"], { cwd: again });
    execFileSync("sha256sum", ["-c", "--quiet", "SHA256SUMS"], { cwd: dist });
  });
});
