import type { APIRoute } from "astro";
import { SITE } from "../consts.ts";
import { feedArticles } from "../feedArticles.ts";
import { atomEntry, atomFeed } from "../lib/atom.ts";
import { ATOM_PATH, articlePath } from "../lib/urls.ts";
import { siteRoot } from "../site.ts";

/** Atom 1.0: the same articles as `rss.xml`, each whole. */
export const GET: APIRoute = async () => {
  const root = siteRoot();
  const entries = (await feedArticles()).map(({ id, article }) => atomEntry(article, articlePath(id), root));
  const xml = atomFeed({
    root,
    title: SITE.name,
    subtitle: SITE.description,
    lang: SITE.lang,
    selfPath: ATOM_PATH,
    entries,
  });
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8" } });
};
