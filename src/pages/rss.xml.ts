import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { getCollection } from "astro:content";
import { FEED_SIZE, SITE } from "../consts.ts";
import { sortNewestFirst } from "../lib/article.ts";
import { feedItem } from "../lib/feed.ts";
import { absoluteUrl, articlePath } from "../lib/urls.ts";
import { siteRoot } from "../site.ts";

/** RSS 2.0: the newest FEED_SIZE articles, newest first. */
export const GET: APIRoute = async () => {
  const root = siteRoot();
  const articles = sortNewestFirst(await getCollection("articles")).slice(0, FEED_SIZE);
  return rss({
    title: SITE.name,
    description: SITE.description,
    site: root,
    items: articles.map(({ id, data }) => feedItem(data, absoluteUrl(root, articlePath(id)))),
    customData: `<language>${SITE.lang}</language>`,
  });
};
