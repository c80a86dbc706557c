import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { listFiles, reusingFileReader, sha256Hex, writeChecksums } from "../lib/checksums.ts";
import { HEADERS_FILE, headersFile, pageUrlPath, type PagePolicy } from "../lib/headers.ts";
import { siteRootUrl } from "../lib/urls.ts";

const CSP_META = Buffer.from('<meta http-equiv="content-security-policy" content="');
const ENTITIES: Readonly<Record<string, string>> = {
  "&amp;": "&",
  "&#39;": "'",
  "&quot;": '"',
  "&lt;": "<",
  "&gt;": ">",
};

/**
 * After the build, writes what hosts and mirrors need beside the pages:
 * `_headers` (each page's policy as headers) and, last, `SHA256SUMS` of
 * every file. It must come after every integration that writes files
 * (the sitemap): Astro runs `astro:build:done` hooks in the order of
 * `integrations`.
 */
export function mirrorKit(): AstroIntegration {
  let basePath = "/";
  return {
    name: "mirror-kit",
    hooks: {
      "astro:config:done": ({ config }) => {
        basePath = siteRootUrl(config.site ?? "http://localhost", config.base).pathname;
      },
      "astro:build:done": ({ dir }) => {
        const dist = fileURLToPath(dir);
        // One pass over the files: each is read once, for its hash and, for a page, its policy.
        const hashes = new Map<string, string>();
        const policies: PagePolicy[] = [];
        const readFile = reusingFileReader();
        for (const file of listFiles(dist)) {
          const bytes = readFile(join(dist, file));
          hashes.set(file, sha256Hex(bytes));
          if (!file.endsWith(".html")) continue;
          const csp = cspOf(bytes);
          if (csp === undefined) throw new Error(`${file}: no Content-Security-Policy <meta>`);
          policies.push({
            urlPath: pageUrlPath(file, basePath),
            csp: csp.replace(/&(?:amp|#39|quot|lt|gt);/gu, (entity) => ENTITIES[entity] ?? entity),
          });
        }
        const headers = headersFile(policies, basePath);
        writeFileSync(join(dist, HEADERS_FILE), headers);
        hashes.set(HEADERS_FILE, sha256Hex(Buffer.from(headers)));
        writeChecksums(dist, hashes);
      },
    },
  };
}

/** The policy of a page's CSP `<meta>`, as written (found in the bytes: decoding whole pages costs more). */
function cspOf(page: Buffer): string | undefined {
  const start = page.indexOf(CSP_META);
  if (start === -1) return undefined;
  const end = page.indexOf('"', start + CSP_META.length);
  return page.toString("utf8", start + CSP_META.length, end);
}
