import type { APIRoute } from "astro";
import { getCollection } from "astro:content";
import { mirrorsJson } from "../lib/mirrors.ts";
import { mirrorsInListOrder } from "../site.ts";

/** The mirror list for apps and bots, from any copy of the site. */
export const GET: APIRoute = async () =>
  new Response(mirrorsJson(mirrorsInListOrder(await getCollection("mirrors"))), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
