// `_headers` read back, and the headers a host sends for a URL path, each host
// as its documentation and its own code say it matches and combines rules:
// - Cloudflare Pages (developers.cloudflare.com/pages/configuration/headers/):
//   `*` matches any characters, a `:name` placeholder one segment; a request gets every matching rule's headers,
//   and a header set by two rules gets their values joined with ", ".
// - Netlify (@netlify/headers-parser getForRegExp, netlify-cli headersForPath):
//   a path matches case-insensitively with an optional trailing slash, a
//   standalone `/*` part matches `/?(.*)`, a `:name` part `([^/]+)`; a later matching rule's header
//   replaces an earlier one's.

export type Host = "cloudflare" | "netlify";
export const HOSTS: readonly Host[] = ["cloudflare", "netlify"];

export interface Rule {
  readonly path: string;
  readonly headers: readonly (readonly [string, string])[];
}

export function parseHeadersFile(text: string): Rule[] {
  const rules: { path: string; headers: [string, string][] }[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (!/^\s/u.test(line)) rules.push({ path: line.trim(), headers: [] });
    else {
      const match = /^\s+([^:]+):\s*(.*)$/u.exec(line);
      if (match === null || rules.length === 0) throw new Error(`not a header line: ${JSON.stringify(line)}`);
      rules.at(-1)?.headers.push([match[1] ?? "", match[2] ?? ""]);
    }
  }
  return rules;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");

function matches(host: Host, rulePath: string, urlPath: string): boolean {
  if (host === "cloudflare") {
    const pattern = rulePath
      .split("*")
      .map((part) => escape(part).replace(/:\w+/gu, "[^/]+"))
      .join(".*");
    return new RegExp(`^${pattern}$`, "u").test(urlPath);
  }
  const parts = rulePath
    .split("/")
    .filter(Boolean)
    .map((part) =>
      part.startsWith(":")
        ? "([^/]+)"
        : part === "*"
          ? "?(.*)"
          : part.includes("*")
            ? part.replaceAll("*", "(.*)")
            : escape(part),
    );
  return new RegExp(`^/${parts.join("/")}/?$`, "iu").test(urlPath);
}

/** The headers `host` sends for a URL path, by lower-case name. */
export function hostHeaders(host: Host, rules: readonly Rule[], urlPath: string): Map<string, string> {
  const sent = new Map<string, string>();
  for (const rule of rules.filter((rule) => matches(host, rule.path, urlPath))) {
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      const earlier = sent.get(key);
      sent.set(key, host === "cloudflare" && earlier !== undefined ? `${earlier}, ${value}` : value);
    }
  }
  return sent;
}
