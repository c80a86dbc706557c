import type { APIRoute, InferGetStaticPropsType } from "astro";
import { feedArticles } from "../../feedArticles.ts";
import { atomEntry, atomFeed } from "../../lib/atom.ts";
import { ATOM_PATH, articlePath } from "../../lib/urls.ts";
import { editionStaticPaths, siteRoot } from "../../site.ts";

export const getStaticPaths = editionStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** Atom 1.0, one per edition: the same articles as its `rss.xml`, each whole. Paths are below the edition's home. */
export const GET: APIRoute<Props> = async ({ props: { edition } }) => {
  const root = new URL(edition.prefix, siteRoot());
  const entries = (await feedArticles(edition)).map(({ id, article }) =>
    atomEntry(article, articlePath(id), root),
  );
  const xml = atomFeed({
    root,
    title: edition.siteName,
    subtitle: edition.description,
    lang: edition.lang,
    selfPath: ATOM_PATH,
    entries,
  });
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8" } });
};
