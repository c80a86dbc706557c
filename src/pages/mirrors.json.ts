import type { APIRoute } from "astro";
import { mirrorsJson } from "../lib/mirrors.ts";
import { siteMirrors } from "../site.ts";

/** The mirror list for apps and bots, from any copy of the site. */
export const GET: APIRoute = async () =>
  new Response(mirrorsJson(await siteMirrors()), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
