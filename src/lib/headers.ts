/** The headers file Netlify and Cloudflare Pages read; other hosts ignore it. */
export const HEADERS_FILE = "_headers";

/** What a `<meta>` policy cannot say: no site may frame a page. */
export const FRAME_ANCESTORS = "frame-ancestors 'none'";

/** Headers every file gets. A reader's next site learns nothing of what they read here. */
export const SITE_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

export interface PagePolicy {
  /** The page's URL path, base included (`/articles/x/`, `/404.html`). */
  readonly urlPath: string;
  /** The Content-Security-Policy of the page's `<meta>`. */
  readonly csp: string;
}

/** The page's file below dist/ as the URL path a host serves it at (`a/index.html` at `/base/a/`). */
export function pageUrlPath(file: string, basePath: string): string {
  return `${basePath}${file.replace(/(^|\/)index\.html$/u, "$1")}`;
}

/**
 * The `_headers` file: every file gets SITE_HEADERS; every page gets its own
 * `<meta>` policy as a header, with frame-ancestors, and an Onion-Location
 * header when the site has an onion address.
 */
export function headersFile(pages: readonly PagePolicy[], basePath: string, onionOrigin?: string): string {
  const block = (path: string, headers: Readonly<Record<string, string>>) =>
    `${path}\n${Object.entries(headers)
      .map(([name, value]) => `  ${name}: ${value}\n`)
      .join("")}`;
  const rules = [block(`${basePath}*`, SITE_HEADERS)];
  for (const page of [...pages].sort((a, b) => (a.urlPath < b.urlPath ? -1 : 1))) {
    rules.push(
      block(page.urlPath, {
        "Content-Security-Policy": `${page.csp.replace(/;\s*$/u, "")}; ${FRAME_ANCESTORS}`,
        ...(onionOrigin !== undefined && { "Onion-Location": `${onionOrigin}${page.urlPath}` }),
      }),
    );
  }
  return rules.join("");
}

/**
 * The origin of an onion service (`http://<56 characters>.onion`), or an
 * error: an address that is not an origin whose host ends in `.onion`.
 */
export function onionOrigin(value: string): string {
  const problem = `ONION_URL must be an onion service's origin such as http://<address>.onion, not "${value}"`;
  if (!URL.canParse(value)) throw new Error(problem);
  const url = new URL(value);
  const isOrigin =
    url.pathname === "/" &&
    url.search === "" &&
    url.hash === "" &&
    url.username === "" &&
    url.password === "";
  if (
    !(url.protocol === "http:" || url.protocol === "https:") ||
    !url.hostname.endsWith(".onion") ||
    !isOrigin
  ) {
    throw new Error(problem);
  }
  return url.origin;
}
