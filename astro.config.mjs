// @ts-check
import sitemap from "@astrojs/sitemap";
import { defineConfig } from "astro/config";
import { clearAlternates, sitemapLinks } from "./src/lib/sitemapAlternates.ts";
import { mirrorKit } from "./src/integrations/mirrorKit.ts";
import { searchIndex } from "./src/integrations/searchIndex.ts";
import { onionOrigin } from "./src/lib/headers.ts";

// Where the site is served from comes from the environment, so the same
// commit builds for any host and any sub-path without an edit. Canonical
// URLs, the feed and the sitemap need an absolute address; without SITE_URL
// they point at the address of `npm run dev` and `npm run preview`.
const LOCAL_SITE = "http://localhost:4321";
const { SITE_URL, BASE_PATH = "/", ONION_URL } = process.env;

if (SITE_URL && new URL(SITE_URL).pathname !== "/") {
  throw new Error(
    `SITE_URL must be an origin such as https://example.org; put "${SITE_URL}"'s path in BASE_PATH`,
  );
}

// An onion service serving the same site: every page names its address there
// (onion-location <meta>), which Tor Browser offers to the reader. Checked here,
// so a mistyped address stops the build before any page is written.
if (ONION_URL) onionOrigin(ONION_URL);

/**
 * Without SITE_URL a local build is fine, but a build on a CI server is
 * almost certainly a deploy whose canonical URLs would point at localhost.
 * @type {import("astro").AstroIntegration}
 */
const requireSiteUrlToDeploy = {
  name: "require-site-url-to-deploy",
  hooks: {
    "astro:config:setup": ({ command, logger }) => {
      if (command !== "build" || SITE_URL) return;
      const problem = `SITE_URL is not set: canonical URLs, the feed and the sitemap point at ${LOCAL_SITE}`;
      const onCiServer = Boolean(process.env.CI) && process.env.CI !== "false";
      if (onCiServer) throw new Error(`${problem}. Set SITE_URL (and BASE_PATH) to deploy.`);
      logger.warn(`${problem}; set SITE_URL to deploy.`);
    },
  },
};

/**
 * The sitemap lists each article's translations as its page's hreflang links
 * do (`xhtml:link`); the pages record them as they render.
 * @type {import("astro").AstroIntegration}
 */
const sitemapWithTranslations = {
  name: "sitemap-with-translations",
  hooks: { "astro:build:start": () => clearAlternates() },
};

export default defineConfig({
  site: SITE_URL || LOCAL_SITE,
  base: BASE_PATH,
  trailingSlash: "always",
  build: {
    format: "directory",
    // One request per page: every stylesheet is written into the HTML.
    inlineStylesheets: "always",
    // Pages render while earlier pages are still being written: Astro writes
    // each page with async mkdir and writeFile, and one at a time the build
    // waits on the disk.
    concurrency: 4,
  },
  // mirrorKit writes SHA256SUMS of every file: it stays after every integration that writes one.
  integrations: [
    requireSiteUrlToDeploy,
    sitemapWithTranslations,
    sitemap({
      serialize: (item) => {
        const links = sitemapLinks(item.url);
        return links === undefined ? item : { ...item, links };
      },
    }),
    searchIndex(),
    mirrorKit(),
  ],
  // Nothing on the page is fetched from elsewhere, and nothing phones home.
  devToolbar: { enabled: false },
  markdown: { syntaxHighlight: false },
  security: {
    // A <meta> Content-Security-Policy on every page. Astro adds the hashes of
    // the styles it inlines; a page that inlines a script of its own registers
    // that script's hash (see src/components/SnoozeScript.astro).
    // Hashes only: never 'unsafe-inline'. Everything not named here is denied.
    // connect-src 'self': the page itself connects nowhere, but Chromium
    // applies the page's policy to the DevTools protocol's own fetches, so
    // under 'none' Lighthouse cannot read the site's robots.txt and fails its SEO audit.
    // Same origin only; only the hashed snooze script runs, and it never fetches.
    // img-src 'self': the site's icon (public/favicon.svg); the pages have no images.
    csp: {
      algorithm: "SHA-256",
      directives: [
        "default-src 'none'",
        "connect-src 'self'",
        "img-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'",
      ],
    },
  },
});
