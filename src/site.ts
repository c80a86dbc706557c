import { base, site } from "astro:config/server";
import { getEntry } from "astro:content";
import { SITE } from "./consts.ts";
import { onionOrigin } from "./lib/headers.ts";
import type { SiteInfo } from "./lib/metadata.ts";
import type { Mirror } from "./lib/mirrors.ts";
import { MIRROR_LIST_ID } from "./loaders/mirrorListLoader.ts";
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

/** The origin of the site's onion service, from ONION_URL (checked in astro.config.mjs), if it has one. */
export function siteOnionOrigin(): string | undefined {
  const value = process.env["ONION_URL"];
  return value ? onionOrigin(value) : undefined;
}

/** The site's mirrors, in the order the mirror list gives them. */
export async function siteMirrors(): Promise<Mirror[]> {
  return (await getEntry("mirrors", MIRROR_LIST_ID))?.data.mirrors ?? [];
}
