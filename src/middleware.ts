import { defineMiddleware } from "astro:middleware";
import { throwIfContentBroken } from "./loaders/contentProblems.ts";

// In `astro dev`, a broken content file is shown on every page until it is
// fixed. Thrown before a page renders, it makes a 500 and Astro's error
// overlay; thrown from a layout, it would come after a 200 had begun.
export const onRequest = defineMiddleware((_, next) => {
  throwIfContentBroken();
  return next();
});
