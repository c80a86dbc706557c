import type { APIRoute } from "astro";
import { absoluteUrl, SITEMAP_INDEX_PATH } from "../lib/urls.ts";
import { siteRoot } from "../site.ts";

/** Crawlers may read everything; the sitemap lists every page. */
export const GET: APIRoute = () =>
  new Response(
    ["User-agent: *", "Allow: /", `Sitemap: ${absoluteUrl(siteRoot(), SITEMAP_INDEX_PATH)}`, ""].join("\n"),
    { headers: { "Content-Type": "text/plain; charset=utf-8" } },
  );
