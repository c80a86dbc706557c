// @ts-check
import { defineConfig } from "astro/config";

// Astro's stock blog pipeline, for the benchmark to compare against: the same
// output settings as the site, and Astro's defaults for everything else.
export default defineConfig({
  // The site's layout builds absolute URLs (canonical, feed), so it needs a site.
  site: "https://news.example.org",
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "always" },
  devToolbar: { enabled: false },
});
