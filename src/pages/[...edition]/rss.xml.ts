import rss from "@astrojs/rss";
import type { APIRoute, InferGetStaticPropsType } from "astro";
import { FEED_SIZE } from "../../consts.ts";
import { sortNewestFirst } from "../../lib/article.ts";
import { editionPath } from "../../lib/editions.ts";
import { feedItem } from "../../lib/feed.ts";
import { absoluteUrl, articlePath } from "../../lib/urls.ts";
import { editionsWithArticles, siteRoot } from "../../site.ts";

export async function getStaticPaths() {
  return (await editionsWithArticles()).map(({ edition, param, articles }) => ({
    params: { edition: param },
    props: { edition, articles },
  }));
}

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** RSS 2.0, one feed per edition: its newest FEED_SIZE articles, newest first. */
export const GET: APIRoute<Props> = ({ props: { edition, articles } }) => {
  const root = siteRoot();
  const newest = sortNewestFirst(articles).slice(0, FEED_SIZE);
  return rss({
    title: edition.siteName,
    description: edition.description,
    site: absoluteUrl(root, edition.prefix),
    items: newest.map(({ id, data }) =>
      feedItem(data, absoluteUrl(root, editionPath(edition, articlePath(id)))),
    ),
    customData: `<language>${edition.lang}</language>`,
  });
};
