import * as cheerio from "cheerio";
import { isTag } from "domhandler";
import { transform, transformStyleAttribute } from "lightningcss";
import { SaxesParser } from "saxes";

// Every URL a page or a feed names, and whether a browser (or a feed reader)
// fetches it on its own when it shows the page, as opposed to a link the
// reader may follow. Fetched: `src`, `srcset`, `poster`, `<object data>`,
// `<a ping>`, `background`, `<link>` of any kind but links to other pages,
// `<base href>`, `<meta http-equiv="refresh">`, SVG `href`, `url()` and
// `@import` in CSS. Not fetched: `<a href>`, `<form action>`, `<link>` whose
// every rel names a page, metadata URLs and JSON-LD.

export interface PageUrl {
  /** Where it was found, e.g. `<img srcset>` or `<style> url()`. */
  readonly where: string;
  /** The URL as written (resolve it against the page's own URL). */
  readonly url: string;
  /** Whether the browser requests it by itself to show the page. */
  readonly fetched: boolean;
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
const isWebUrl = (value: string) => /^https?:\/\//iu.test(value);

/** Every URL in CSS text: `url()`, `image-set()`, `@import`. */
export function cssUrls(css: string, where: string, kind: "sheet" | "attribute"): PageUrl[] {
  const code = Buffer.from(css);
  const { dependencies } =
    kind === "sheet"
      ? transform({ filename: "page.css", code, analyzeDependencies: true, errorRecovery: true })
      : transformStyleAttribute({ code, analyzeDependencies: true, errorRecovery: true });
  return (dependencies ?? []).flatMap((dependency) =>
    dependency.type === "url" || dependency.type === "import"
      ? [
          {
            where: `${where} ${dependency.type === "url" ? "url()" : "@import"}`,
            url: dependency.url,
            fetched: true,
          },
        ]
      : [],
  );
}

/** Every URL an HTML page names, in document order, JSON-LD last. */
export function pageUrls(html: string): PageUrl[] {
  const $ = cheerio.load(html);
  const found: PageUrl[] = [];
  const add = (where: string, url: string, fetched: boolean) => found.push({ where, url, fetched });
  for (const element of $("*").toArray().filter(isTag)) {
    const name = element.name.toLowerCase();
    const attribute = (key: string) => element.attribs[key];
    for (const key of FETCHED_ATTRIBUTES) {
      const value = attribute(key);
      if (value === undefined) continue;
      for (const url of key === "ping" ? value.trim().split(/\s+/u) : [value])
        add(`<${name} ${key}>`, url, true);
    }
    for (const key of SRCSET_ATTRIBUTES) {
      for (const candidate of attribute(key)?.split(",") ?? []) {
        const url = candidate.trim().split(/\s+/u)[0];
        if (url) add(`<${name} ${key}>`, url, true);
      }
    }
    const data = attribute("data");
    if (name === "object" && data !== undefined) add("<object data>", data, true);
    const action = attribute("action");
    if (action !== undefined) add(`<${name} action>`, action, false);
    const href = attribute("href") ?? attribute("xlink:href");
    if (href !== undefined) {
      const rels = (attribute("rel") ?? "").toLowerCase().split(/\s+/u).filter(Boolean);
      if (FETCHED_HREF.has(name)) add(`<${name} href>`, href, true);
      else if (name === "link" && (rels.length === 0 || rels.some((rel) => !PAGE_RELS.has(rel))))
        add(`<link rel="${rels.join(" ")}">`, href, true);
      else add(`<${name} href>`, href, false);
    }
    if (name === "meta") {
      const content = attribute("content") ?? "";
      if (attribute("http-equiv")?.toLowerCase() === "refresh") {
        const url = /url\s*=\s*['"]?([^'"]+)/iu.exec(content)?.[1];
        if (url) add("<meta http-equiv=refresh>", url, true);
      } else if (isWebUrl(content)) {
        add(`<meta ${attribute("property") ?? attribute("name")}>`, content, false);
      }
    }
    if (name === "style") found.push(...cssUrls($(element).text(), "<style>", "sheet"));
    const style = attribute("style");
    if (style !== undefined) found.push(...cssUrls(style, `<${name} style>`, "attribute"));
  }
  $('script[type="application/ld+json"]').each((_, element) => {
    const walk = (value: unknown): void => {
      if (typeof value === "string" && isWebUrl(value) && !value.startsWith("https://schema.org")) {
        add("JSON-LD", value, false);
      } else if (value !== null && typeof value === "object") {
        Object.values(value).forEach(walk);
      }
    };
    walk(JSON.parse($(element).text()));
  });
  return found;
}

/** The URLs a browser fetches by itself to show the page. */
export const fetchedUrls = (html: string): PageUrl[] => pageUrls(html).filter((url) => url.fetched);

/**
 * Every URL a feed (RSS or Atom) makes a browser or a feed reader fetch: an
 * `<?xml-stylesheet?>`, any `url`, `src` or `href` attribute (enclosures,
 * media, images) but those of links to pages (an atom:link, an Atom `<link>`
 * other than an enclosure), the channel image's `<url>`, Atom's `<icon>` and
 * `<logo>`, and whatever the
 * HTML of a description, `content:encoded`, or an Atom summary or content of
 * type html would fetch (readers render it as HTML). Parsed with a strict XML
 * parser.
 */
export function feedFetchedUrls(xml: string): PageUrl[] {
  const found: PageUrl[] = [];
  const parser = new SaxesParser({ xmlns: false });
  const open: string[] = [];
  let text = "";
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("processinginstruction", ({ target, body }) => {
    const href = /href\s*=\s*["']([^"']*)["']/u.exec(body)?.[1];
    if (target === "xml-stylesheet" && href !== undefined)
      found.push({ where: "<?xml-stylesheet?>", url: href, fetched: true });
  });
  parser.on("opentag", (tag) => {
    open.push(tag.name);
    text = "";
    // RSS's <link> has no attributes; one with an href is Atom's, a link to a page unless an enclosure.
    const pageLink =
      tag.name === "atom:link" || (tag.name === "link" && tag.attributes["rel"] !== "enclosure");
    for (const [key, value] of Object.entries(tag.attributes)) {
      if (["url", "src", "href"].includes(key.toLowerCase()) && !pageLink) {
        found.push({ where: `<${tag.name} ${key}>`, url: String(value), fetched: true });
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
      found.push({ where: "<image><url>", url: text.trim(), fetched: true });
    if ((tag.name === "icon" || tag.name === "logo") && open.at(-1) === "feed")
      found.push({ where: `<${tag.name}>`, url: text.trim(), fetched: true });
    const html =
      tag.name === "summary" || tag.name === "content"
        ? tag.attributes["type"] === "html"
        : tag.name === "description" || tag.name === "content:encoded";
    if (html) {
      found.push(...fetchedUrls(text).map((url) => ({ ...url, where: `<${tag.name}> ${url.where}` })));
    }
    text = "";
  });
  parser.write(xml).close();
  return found;
}

/** The URLs that resolve, from `base`, to an origin other than `origin`. */
export function otherOrigins(urls: readonly PageUrl[], base: URL, origin: string): string[] {
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

/** Every URL an XML file (feed, sitemap) lists in the given elements, attributes ignored. */
export function xmlUrls(xml: string, selector: string): string[] {
  const $ = cheerio.load(xml, { xml: true });
  return $(selector)
    .map((_, element) => $(element).text().trim())
    .get();
}
