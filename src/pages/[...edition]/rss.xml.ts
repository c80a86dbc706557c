import rss from "@astrojs/rss";
import type { APIRoute, InferGetStaticPropsType } from "astro";
import { feedArticles } from "../../feedArticles.ts";
import { editionPath } from "../../lib/editions.ts";
import { feedItem } from "../../lib/feed.ts";
import { feedContent } from "../../lib/feedContent.ts";
import { absoluteUrl, articlePath } from "../../lib/urls.ts";
import { editionStaticPaths, siteRoot } from "../../site.ts";

export const getStaticPaths = editionStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** RSS 2.0, one per edition: its newest FEED_SIZE articles, newest first, each whole. */
export const GET: APIRoute<Props> = async ({ props: { edition } }) => {
  const root = siteRoot();
  return rss({
    title: edition.siteName,
    description: edition.description,
    site: absoluteUrl(root, edition.prefix),
    items: (await feedArticles(edition)).map(({ id, article }) => ({
      ...feedItem(article, absoluteUrl(root, editionPath(edition, articlePath(id)))),
      content: feedContent(article),
    })),
    customData: `<language>${edition.lang}</language>`,
  });
};
