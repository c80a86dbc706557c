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
    // Pages render while earlier pages are still being written: Astro writes
    // each page with async mkdir and writeFile, and one at a time the build
    // waits on the disk (see README, Performance).
    concurrency: 4,
  },
  // Nothing on the page is fetched from elsewhere, and nothing phones home.
  devToolbar: { enabled: false },
});
