// @ts-check
import { defineConfig } from "astro/config";

// Where the site is served from comes from the environment, so the same
// commit builds for any host and any sub-path without an edit.
const { SITE_URL, BASE_PATH } = process.env;

export default defineConfig({
  ...(SITE_URL && { site: SITE_URL }),
  ...(BASE_PATH && { base: BASE_PATH }),
  trailingSlash: "always",
  build: {
    format: "directory",
    // One request per page: every stylesheet is written into the HTML.
    inlineStylesheets: "always",
  },
  // Nothing on the page is fetched from elsewhere, and nothing phones home.
  devToolbar: { enabled: false },
  security: {
    // A <meta> Content-Security-Policy on every page. Astro adds the hashes of
    // the styles it inlines; a page that inlines a script of its own registers
    // that script's hash (see src/components/AppealSnoozeHead.astro).
    // Hashes only: never 'unsafe-inline'. Everything not named here is denied.
    csp: {
      algorithm: "SHA-256",
      directives: ["default-src 'none'", "base-uri 'none'", "form-action 'none'", "object-src 'none'"],
    },
  },
});
