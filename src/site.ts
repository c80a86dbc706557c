import { base, site } from "astro:config/server";
import { getCollection } from "astro:content";
import { EDITIONS } from "./consts.ts";
import { articleEdition, editionParam } from "./lib/articlePages.ts";
import { editionsInUse, type Edition } from "./lib/editions.ts";
import type { SiteInfo } from "./lib/metadata.ts";
import { absoluteUrl, siteRootUrl } from "./lib/urls.ts";

/**
 * The absolute URL of the home page: Astro's `site` (from SITE_URL) with its
 * `base` (BASE_PATH). Read from Astro's config rather than
 * `import.meta.env.BASE_URL`, which a BASE_URL environment variable overrides.
 */
export function siteRoot(): URL {
  if (site === undefined) throw new Error("Astro's `site` is not set; astro.config.mjs always sets it");
  return siteRootUrl(site, base);
}

/** What page metadata says about the site, in an edition. */
export function siteInfo(root: URL, edition: Edition): SiteInfo {
  return {
    name: edition.siteName,
    lang: edition.lang,
    locale: edition.locale,
    url: absoluteUrl(root, edition.prefix),
  };
}

/**
 * Every edition the site builds, each with its articles: the default edition
 * always, another once it has an article. For `getStaticPaths`, whose
 * `edition` parameter is the edition's prefix (none for the default).
 */
export async function editionsWithArticles() {
  const articles = await getCollection("articles");
  const byEdition = new Map<string, typeof articles>(EDITIONS.map((edition) => [edition.code, []]));
  for (const entry of articles) byEdition.get(articleEdition(entry.data, EDITIONS).code)?.push(entry);
  const used = editionsInUse(
    EDITIONS,
    [...byEdition].filter(([, entries]) => entries.length > 0).map(([code]) => code),
  );
  return used.map((edition) => ({
    edition,
    param: editionParam(edition),
    articles: byEdition.get(edition.code) ?? [],
  }));
}
