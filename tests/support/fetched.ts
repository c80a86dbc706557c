import * as cheerio from "cheerio";
import { isTag } from "domhandler";
import { transform, transformStyleAttribute } from "lightningcss";
import { SaxesParser } from "saxes";

// Every URL that a browser (or a feed reader) would fetch, or connect to, on
// its own when it shows a page or a feed, as opposed to a link the reader may
// follow. Used to prove that the site makes no one contact a third party.
//
// Fetched: `src`, `srcset`, `poster`, `<object data>`, `<a ping>`, the
// legacy `background`, `<link>` of any kind but plain links to other pages
// (stylesheet, icon, preload, preconnect, manifest, …), `<base href>` (it
// moves every relative URL), `<meta http-equiv="refresh">`, SVG `href`,
// `url()` and `@import` in `<style>` and `style=`. Not fetched: `<a href>`,
// `<area href>`, `<form action>`, and `<link>` whose every rel names a
// page (canonical, alternate, …); JSON-LD is data that nothing fetches.

export interface FetchedUrl {
  /** Where it was found, e.g. `<img srcset>` or `<style> url()`. */
  readonly where: string;
  /** The URL as written (resolve it against the page's own URL). */
  readonly url: string;
}

/** `<link>` rel values that only name another document: browsers do not fetch these. */
const PAGE_RELS = new Set([
  "alternate",
  "author",
  "bookmark",
  "canonical",
  "external",
  "help",
  "license",
  "me",
  "next",
  "nofollow",
  "noopener",
  "noreferrer",
  "prev",
  "tag",
]);

/** Attributes that hold a fetched URL on any element. */
const FETCHED_ATTRIBUTES = ["src", "poster", "background", "ping", "manifest"];
const SRCSET_ATTRIBUTES = ["srcset", "imagesrcset"];
/** Elements whose `href` is fetched when present. */
const FETCHED_HREF = new Set(["base", "image", "use", "feimage", "script"]);

/** Every URL in CSS text: `url()`, `image-set()`, `@import`. */
export function cssUrls(css: string, where: string, kind: "sheet" | "attribute"): FetchedUrl[] {
  const code = Buffer.from(css);
  const { dependencies } =
    kind === "sheet"
      ? transform({ filename: "page.css", code, analyzeDependencies: true, errorRecovery: true })
      : transformStyleAttribute({ code, analyzeDependencies: true, errorRecovery: true });
  return (dependencies ?? []).flatMap((dependency) =>
    dependency.type === "url" || dependency.type === "import"
      ? [{ where: `${where} ${dependency.type === "url" ? "url()" : "@import"}`, url: dependency.url }]
      : [],
  );
}

/** Every URL an HTML page makes the browser fetch or connect to, in document order. */
export function fetchedUrls(html: string): FetchedUrl[] {
  const $ = cheerio.load(html);
  const found: FetchedUrl[] = [];
  for (const element of $("*").toArray().filter(isTag)) {
    const name = element.name.toLowerCase();
    const attribute = (key: string) => element.attribs[key];
    for (const key of FETCHED_ATTRIBUTES) {
      const value = attribute(key);
      if (value !== undefined) {
        for (const url of key === "ping" ? value.trim().split(/\s+/u) : [value]) {
          found.push({ where: `<${name} ${key}>`, url });
        }
      }
    }
    for (const key of SRCSET_ATTRIBUTES) {
      const value = attribute(key);
      if (value === undefined) continue;
      for (const candidate of value.split(",")) {
        const url = candidate.trim().split(/\s+/u)[0];
        if (url) found.push({ where: `<${name} ${key}>`, url });
      }
    }
    if (name === "object" && attribute("data") !== undefined) {
      found.push({ where: "<object data>", url: attribute("data")! });
    }
    const href = attribute("href") ?? attribute("xlink:href");
    if (href !== undefined) {
      if (FETCHED_HREF.has(name)) found.push({ where: `<${name} href>`, url: href });
      if (name === "link") {
        const rels = (attribute("rel") ?? "").toLowerCase().split(/\s+/u).filter(Boolean);
        if (rels.length === 0 || rels.some((rel) => !PAGE_RELS.has(rel))) {
          found.push({ where: `<link rel="${rels.join(" ")}">`, url: href });
        }
      }
    }
    if (name === "meta" && attribute("http-equiv")?.toLowerCase() === "refresh") {
      const url = /url\s*=\s*['"]?([^'"]+)/iu.exec(attribute("content") ?? "")?.[1];
      if (url) found.push({ where: "<meta http-equiv=refresh>", url });
    }
    if (name === "style") found.push(...cssUrls($(element).text(), "<style>", "sheet"));
    const style = attribute("style");
    if (style !== undefined) found.push(...cssUrls(style, `<${name} style>`, "attribute"));
  }
  return found;
}

/**
 * Every URL a feed makes a browser or a feed reader fetch: an
 * `<?xml-stylesheet?>`, any `url`, `src` or `href` attribute (enclosures,
 * media, images) but the feed's own atom:link, the channel image's `<url>`,
 * and whatever the HTML of a description or `content:encoded` would fetch
 * (readers render it as HTML). Parsed with a strict XML parser.
 */
export function feedFetchedUrls(xml: string): FetchedUrl[] {
  const found: FetchedUrl[] = [];
  const parser = new SaxesParser({ xmlns: false });
  const open: string[] = [];
  let text = "";
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("processinginstruction", ({ target, body }) => {
    const href = /href\s*=\s*["']([^"']*)["']/u.exec(body)?.[1];
    if (target === "xml-stylesheet" && href !== undefined)
      found.push({ where: "<?xml-stylesheet?>", url: href });
  });
  parser.on("opentag", (tag) => {
    open.push(tag.name);
    text = "";
    for (const [key, value] of Object.entries(tag.attributes)) {
      if (["url", "src", "href"].includes(key.toLowerCase()) && tag.name !== "atom:link") {
        found.push({ where: `<${tag.name} ${key}>`, url: String(value) });
      }
    }
  });
  parser.on("text", (data) => {
    text += data;
  });
  parser.on("cdata", (data) => {
    text += data;
  });
  parser.on("closetag", (tag) => {
    open.pop();
    if (tag.name === "url" && open.at(-1) === "image")
      found.push({ where: "<image><url>", url: text.trim() });
    if (tag.name === "description" || tag.name === "content:encoded") {
      found.push(...fetchedUrls(text).map(({ where, url }) => ({ where: `<${tag.name}> ${where}`, url })));
    }
    text = "";
  });
  parser.write(xml).close();
  return found;
}

/** The fetched URLs that resolve, from `base`, to an origin other than `origin`. */
export function otherOrigins(urls: readonly FetchedUrl[], base: URL, origin: string): string[] {
  return urls
    .filter(({ url }) => {
      try {
        return new URL(url, base).origin !== origin;
      } catch {
        return true; // a URL that does not parse cannot be shown to be ours
      }
    })
    .map(({ where, url }) => `${where} ${url}`);
}
