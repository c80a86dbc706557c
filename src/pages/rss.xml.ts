import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { SITE } from "../consts.ts";
import { feedArticles } from "../feedArticles.ts";
import { feedItem } from "../lib/feed.ts";
import { feedContent } from "../lib/feedContent.ts";
import { absoluteUrl, articlePath } from "../lib/urls.ts";
import { siteRoot } from "../site.ts";

/** RSS 2.0: the newest FEED_SIZE articles, newest first, each whole. */
export const GET: APIRoute = async () => {
  const root = siteRoot();
  return rss({
    title: SITE.name,
    description: SITE.description,
    site: root,
    items: (await feedArticles()).map(({ id, article }) => ({
      ...feedItem(article, absoluteUrl(root, articlePath(id))),
      content: feedContent(article),
    })),
    customData: `<language>${SITE.lang}</language>`,
  });
};
