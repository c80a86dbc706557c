import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as cheerio from "cheerio";
import { pageUrls } from "./pageUrls.ts";

// A link checker for a built site, with a real HTML/XML parser and WHATWG URL
// resolution: each URL a page refers to is resolved against the page's own
// URL, and a URL of the site must name a file in dist/.

/** Every file in a built site, as paths below dist/ with "/" separators. */
export async function listSiteFiles(dist: string): Promise<Set<string>> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return new Set(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join("/")),
  );
}

/** The URL a host serves a file of dist/ at: `a/index.html` at `a/`. */
export function servedUrl(file: string, siteRoot: URL): URL {
  return new URL(file.replace(/(^|\/)index\.html$/u, "$1"), siteRoot);
}

/**
 * The file of dist/ a URL is served from, as a static host does (a folder
 * URL is its index.html), or a problem: another origin, outside the base
 * path, or no such file.
 */
export function fileProblem(url: URL, siteRoot: URL, files: ReadonlySet<string>): string | undefined {
  if (url.origin !== siteRoot.origin) return `not on the site's origin ${siteRoot.origin}`;
  if (!url.pathname.startsWith(siteRoot.pathname)) return `outside the base path ${siteRoot.pathname}`;
  const path = decodeURIComponent(url.pathname.slice(siteRoot.pathname.length));
  const file = path === "" || path.endsWith("/") ? `${path}index.html` : path;
  return files.has(file) ? undefined : `no file ${file} in dist/`;
}

export interface PageCheck {
  /** The page's file below dist/. */
  readonly file: string;
  readonly html: string;
  /** Where a host serves it; for a 404 page, any URL a reader might have asked for. */
  readonly servedAt: URL;
  /** A page served at any depth may link from the root; every other page must link relatively. */
  readonly anyDepth: boolean;
}

/**
 * Every HTML page of a built site, as a host serves it. The 404 page answers
 * at any address, so it is checked as served at several depths.
 */
export async function htmlPageChecks(
  dist: string,
  files: ReadonlySet<string>,
  root: URL,
): Promise<PageCheck[]> {
  const pages: PageCheck[] = [];
  for (const file of [...files].filter((name) => name.endsWith(".html")).sort()) {
    const html = await readFile(join(dist, file), "utf8");
    if (file === "404.html") {
      for (const asked of ["404.html", "no/such/page/", "articles/gone/deeper/index.html"]) {
        pages.push({ file, html, servedAt: new URL(asked, root), anyDepth: true });
      }
    } else {
      pages.push({ file, html, servedAt: servedUrl(file, root), anyDepth: false });
    }
  }
  return pages;
}

/**
 * Every broken internal URL on a page. A URL of the site must resolve to a
 * file of dist/ from where the page is served. A page at a known place must
 * also work opened from disk: its relative links must name files (folders
 * have no index page there), and it may not link from the root.
 */
export function pageLinkProblems(
  page: PageCheck,
  site: { readonly root: URL; readonly dist: string; readonly files: ReadonlySet<string> },
): string[] {
  const problems: string[] = [];
  const $ = cheerio.load(page.html);
  const ids = new Set(
    $("[id]")
      .map((_, element) => $(element).attr("id"))
      .get(),
  );
  for (const { where, url } of pageUrls(page.html)) {
    const report = (problem: string) => problems.push(`${page.file}: ${where} ${url}: ${problem}`);
    if (url.startsWith("#")) {
      // A link within the page (e.g. the skip link): wherever it is served, its target is on the page.
      if (!ids.has(decodeURIComponent(url.slice(1)))) report("no element with that id on the page");
      continue;
    }
    const resolved = new URL(url, page.servedAt);
    if (resolved.protocol !== "http:" && resolved.protocol !== "https:") continue; // mailto: and the like
    const isAbsolute = /^[a-z][a-z\d+.-]*:/iu.test(url);
    if (isAbsolute && resolved.origin !== site.root.origin) continue; // another site's page
    const onHost = fileProblem(resolved, site.root, site.files);
    if (onHost !== undefined) report(onHost);
    if (isAbsolute || page.anyDepth) continue;
    if (url.startsWith("/")) {
      report("links from the root, which breaks under another base path and from disk");
      continue;
    }
    const onDisk = fileURLToPath(new URL(url, pathToFileURL(join(site.dist, page.file))));
    const file = relative(site.dist, onDisk).split(sep).join("/");
    if (!site.files.has(file)) report(`opened from disk, names ${file}, which is not a file in dist/`);
  }
  return problems;
}
