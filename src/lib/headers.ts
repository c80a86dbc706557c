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

/**
 * The page's file below dist/ as the URL path a host serves it at (`a/index.html` at `/base/a/`),
 * percent-encoded as a request's path is: sections and tags may be named in any script.
 */
export function pageUrlPath(file: string, basePath: string): string {
  return `${basePath}${encodeURI(file.replace(/(^|\/)index\.html$/u, "$1"))}`;
}

export interface HeaderRule {
  /** An exact URL path, or a folder's path followed by the splat `*`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Whether a splat or exact rule's path can match a URL path on Netlify or Cloudflare Pages.
 * Netlify ignores case and a trailing slash, and its `/a/*` also matches
 * `/a` and `/ab…`; Cloudflare's `*` matches any characters. The union of both.
 */
export function mayMatch(rulePath: string, urlPath: string): boolean {
  const [rule, path] = [rulePath.toLowerCase(), urlPath.toLowerCase()];
  const trim = (value: string) => value.replace(/\/$/u, "");
  if (!rule.endsWith("*")) return trim(rule) === trim(path);
  return path.startsWith(trim(rule.slice(0, -1)));
}

/**
 * The rules of `_headers`: SITE_HEADERS for every file, then each page's
 * `<meta>` policy, with frame-ancestors, as a Content-Security-Policy header.
 * Pages share rules: a folder whose pages all have one policy gets one splat
 * rule (`/articles/*`); a folder whose subfolders share one that its own page
 * lacks gets a placeholder rule (`/tags/:name/*`); other pages a rule of their own. No URL path matches
 * two rules that set the same header: Cloudflare Pages would join their values
 * with a comma, and Netlify keep one.
 */
export function headerRules(pages: readonly PagePolicy[], basePath: string): HeaderRule[] {
  // One string per distinct policy: sets of thousands of pages' policies then compare them by identity.
  const policies = new Map<string, string>();
  const policyFor = (csp: string): string => {
    let policy = policies.get(csp);
    if (policy === undefined) {
      policy = `${csp.replace(/;\s*$/u, "")}; ${FRAME_ANCESTORS}`;
      policies.set(csp, policy);
    }
    return policy;
  };
  const policyOf = new Map(pages.map((page) => [page.urlPath, policyFor(page.csp)]));
  const rules: HeaderRule[] = [{ path: `${basePath}*`, headers: SITE_HEADERS }];
  const policyRule = (path: string, policy: string) =>
    rules.push({ path, headers: { "Content-Security-Policy": policy } });
  const keyedPaths = [...policyOf.keys()].sort(byCodeUnit).map((path) => [path, path] as const);
  const lowerPaths = [...policyOf.keys()]
    .map((path) => [path.toLowerCase(), path] as const)
    .sort(([a], [b]) => byCodeUnit(a, b));
  const covered = new Set<string>();
  const cover = (folder: string): void => {
    const matched = withPrefix(lowerPaths, folder.toLowerCase().replace(/\/$/u, "")).filter((path) =>
      mayMatch(`${folder}*`, path),
    );
    const policies = new Set(matched.map((path) => policyOf.get(path)));
    const [only] = policies;
    if (policies.size === 1 && only !== undefined) {
      policyRule(`${folder}*`, only);
      // Covered on every host: Cloudflare's splat matches only what starts with the folder.
      for (const path of matched) if (path.startsWith(folder)) covered.add(path);
      return;
    }
    const inFolder = withPrefix(keyedPaths, folder);
    // Else one rule for every subfolder (`/tags/:name/*`), when they share a policy that the folder's own page lacks.
    const named = withPrefix(lowerPaths, folder.toLowerCase()).filter((path) => path.length > folder.length);
    const namedPolicies = new Set(named.map((path) => policyOf.get(path)));
    const [shared] = namedPolicies;
    if (namedPolicies.size === 1 && shared !== undefined && named.length > 1) {
      policyRule(`${folder}:name/*`, shared);
      // Covered on every host: Cloudflare's placeholder needs a "/" after the name.
      for (const path of inFolder) if (path.indexOf("/", folder.length) !== -1) covered.add(path);
    } else {
      // Otherwise each subfolder (`<folder>x/`, its index page included) on its own.
      const subfolders = new Set<string>();
      for (const path of inFolder) {
        const slash = path.indexOf("/", folder.length);
        if (slash !== -1) subfolders.add(path.slice(0, slash + 1));
      }
      for (const subfolder of subfolders) cover(subfolder);
    }
    // Then the pages left here.
    for (const path of inFolder) {
      if (!covered.has(path) && path.indexOf("/", folder.length) === -1) {
        policyRule(path, policyOf.get(path) ?? "");
        covered.add(path);
      }
    }
  };
  cover(basePath);
  return rules;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The values of `sorted` (sorted by key) whose key starts with `prefix`, by binary search. */
function withPrefix(sorted: readonly (readonly [string, string])[], prefix: string): string[] {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle]?.[0] ?? "") < prefix) low = middle + 1;
    else high = middle;
  }
  const found: string[] = [];
  for (let index = low; index < sorted.length && sorted[index]?.[0].startsWith(prefix); index++) {
    found.push(sorted[index]?.[1] ?? "");
  }
  return found;
}

/** The `_headers` file: its rules, a path then its indented headers. */
export function headersFile(pages: readonly PagePolicy[], basePath: string): string {
  return headerRules(pages, basePath)
    .map(
      ({ path, headers }) =>
        `${path}\n${Object.entries(headers)
          .map(([name, value]) => `  ${name}: ${value}\n`)
          .join("")}`,
    )
    .join("");
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
