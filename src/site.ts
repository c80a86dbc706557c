import { base, site } from "astro:config/server";
import { SITE } from "./consts.ts";
import type { SiteInfo } from "./lib/metadata.ts";
import { siteRootUrl } from "./lib/urls.ts";

/**
 * The absolute URL of the home page: Astro's `site` (from SITE_URL) with its
 * `base` (BASE_PATH). Read from Astro's config rather than
 * `import.meta.env.BASE_URL`, which a BASE_URL environment variable overrides.
 */
export function siteRoot(): URL {
  if (site === undefined) throw new Error("Astro's `site` is not set; astro.config.mjs always sets it");
  return siteRootUrl(site, base);
}

/** What page metadata says about the site. */
export function siteInfo(root: URL): SiteInfo {
  return { name: SITE.name, lang: SITE.lang, locale: SITE.locale, url: root.href };
}
