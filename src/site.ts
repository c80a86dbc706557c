import { base, site } from "astro:config/server";
import { getCollection, getEntry } from "astro:content";
import { EDITIONS } from "./consts.ts";
import { articleEdition, editionParam } from "./lib/articlePages.ts";
import { editionsInUse, type Edition } from "./lib/editions.ts";
import { onionOrigin } from "./lib/headers.ts";
import type { SiteInfo } from "./lib/metadata.ts";
import type { Mirror } from "./lib/mirrors.ts";
import { MIRROR_LIST_ID } from "./loaders/mirrorListLoader.ts";
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
/** One static path per edition that has articles: `[...edition]` and the edition, for a page of each. */
export async function editionStaticPaths() {
  return (await editionsWithArticles()).map(({ edition, param }) => ({
    params: { edition: param },
    props: { edition },
  }));
}

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

/** The origin of the site's onion service, from ONION_URL (checked in astro.config.mjs), if it has one. */
export function siteOnionOrigin(): string | undefined {
  const value = process.env["ONION_URL"];
  return value ? onionOrigin(value) : undefined;
}

/** The site's mirrors, in the order the mirror list gives them. */
export async function siteMirrors(): Promise<Mirror[]> {
  return (await getEntry("mirrors", MIRROR_LIST_ID))?.data.mirrors ?? [];
}
