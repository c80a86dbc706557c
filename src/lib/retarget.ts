import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hashFiles, listFiles, writeChecksums } from "./checksums.ts";
import { HEADERS_FILE } from "./headers.ts";
import { SITEMAP_INDEX_PATH } from "./urls.ts";

// A mirror operator has a copy of dist/ and no sources. Only what must lead
// to the copy itself moves to its address: the feeds' links (and Atom's
// xml:base), the sitemap,
// robots.txt, the 404 page's links (which start from the root) and the
// headers file's paths. Canonical links, og:url, JSON-LD and feed guids keep
// naming the origin: the original stays the original.

/** The copy's new root URL: an http(s) address; its path, if any, becomes the base path. */
export function retargetRoot(value: string): URL {
  if (!URL.canParse(value)) throw new Error(`"${value}" is not an absolute URL`);
  const url = new URL(value);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`"${value}" is not an http:// or https:// address`);
  }
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
    throw new Error(`"${value}" must be an origin with an optional path, without a user, query or fragment`);
  }
  return new URL(url.pathname.endsWith("/") ? url.href : `${url.href}/`);
}

/** The site root a built robots.txt names, through its `Sitemap:` line. */
export function rootFromRobots(robots: string): URL {
  const sitemap = /^Sitemap:\s*(\S+)\s*$/imu.exec(robots)?.[1];
  if (sitemap === undefined || !sitemap.endsWith(`/${SITEMAP_INDEX_PATH}`) || !URL.canParse(sitemap)) {
    throw new Error(`robots.txt has no "Sitemap: <site>/${SITEMAP_INDEX_PATH}" line: is this a built site?`);
  }
  return new URL(".", sitemap);
}

/** Whether retarget rewrites a file of dist/ (given with "/" separators). */
export function isRetargeted(file: string): boolean {
  return (
    file === "robots.txt" ||
    file === "404.html" ||
    file === HEADERS_FILE ||
    /^(?:rss|atom)\.xml$/u.test(file) ||
    /^sitemap-[\w-]*\.xml$/u.test(file)
  );
}

/** A retargeted file's new text; the text itself for any other file. */
export function retargetFile(file: string, text: string, from: URL, to: URL): string {
  const swap = (url: string) => (url.startsWith(from.href) ? to.href + url.slice(from.href.length) : url);
  const swapPath = (path: string) =>
    path.startsWith(from.pathname) ? to.pathname + path.slice(from.pathname.length) : path;
  if (file === "robots.txt") return text.replace(/^(Sitemap:\s*)(\S+)/gimu, (_, key, url) => key + swap(url));
  if (file.startsWith("sitemap-"))
    return text.replace(/(<loc>)([^<]*)(<\/loc>)/gu, (_, a, url, b) => a + swap(url) + b);
  if (/^(?:rss|atom)\.xml$/u.test(file)) {
    // <link>…</link> (RSS), <link href="…"> and xml:base (Atom, whose links are
    // relative to it); never <guid> or <id>. Item text is escaped, so never matched.
    return text
      .replace(/(<link>)([^<]*)(<\/link>)/gu, (_, a, url, b) => a + swap(url) + b)
      .replace(/(\sxml:base=")([^"]*)(")/gu, (_, a, url, b) => a + swap(url) + b)
      .replace(/(<(?:atom:)?link\b[^>]*\shref=")([^"]*)(")/gu, (_, a, url, b) => a + swap(url) + b);
  }
  if (file === "404.html") {
    // Only root-relative hrefs: the page's absolute URLs name the origin.
    return text.replace(/(\shref=")(\/[^"]*)(")/gu, (_, a, path, b) => a + swapPath(path) + b);
  }
  if (file === HEADERS_FILE) return text.replace(/^\/\S*/gmu, swapPath);
  return text;
}

/**
 * Points a built site's copy at its own address, in place, and writes its
 * SHA256SUMS again. Returns the old and new roots and the files it changed.
 */
export function retargetSite(dist: string, address: string): { from: URL; to: URL; changed: string[] } {
  const to = retargetRoot(address);
  const from = rootFromRobots(readFileSync(join(dist, "robots.txt"), "utf8"));
  const changed: string[] = [];
  for (const file of listFiles(dist).filter(isRetargeted).sort()) {
    const text = readFileSync(join(dist, file), "utf8");
    const retargeted = retargetFile(file, text, from, to);
    if (retargeted === text) continue;
    writeFileSync(join(dist, file), retargeted);
    changed.push(file);
  }
  writeChecksums(dist, hashFiles(dist, listFiles(dist)));
  return { from, to, changed };
}
