import { describe, expect, it } from "vitest";
import { siteUrl, useSessions } from "./support/harness.ts";

// A page view makes no request that fails. Browsers also fetch a page's icon:
// the one its head names, or else /favicon.ico, which no host of the site has.
// Headless Chromium skips icons, so the test loads that icon itself, as an
// image under the page's own policy (img-src governs icons too).

const sessions = useSessions();

describe("a page view makes no request that fails", () => {
  it.each([
    ["the home page", ""],
    ["an article page with the appeal", "articles/kyrgyzstan-ratifies-joint-air-defense-system-with-russia/"],
    ["another article page", "articles/how-to-keep-reading-us-if-this-site-is-blocked/"],
    ["the 404 page, at an address that does not exist", "no/such/page/"],
  ])("%s", async (_, path) => {
    const session = await sessions.open();
    const url = siteUrl(path);
    const failed: string[] = [];
    session.context.on("response", (response) => {
      // The 404 page is meant to answer 404; what it loads is not.
      if (response.status() >= 400 && response.url() !== url)
        failed.push(`${response.status()} ${response.url()}`);
    });
    session.context.on("requestfailed", (request) => {
      failed.push(`${request.failure()?.errorText ?? "failed"} ${request.url()}`);
    });
    const response = await session.page.goto(url, { waitUntil: "load" });
    expect(response?.status()).toBe(path.startsWith("no/") ? 404 : 200);
    const icon = await session.page.evaluate(async () => {
      const href = document.querySelector('link[rel~="icon"]')?.getAttribute("href") ?? "/favicon.ico";
      const image = new Image();
      image.src = new URL(href, document.baseURI).href;
      document.body.append(image);
      return {
        src: image.src,
        loaded: await image.decode().then(
          () => true,
          () => false,
        ),
      };
    });
    await session.page.waitForLoadState("networkidle");
    const { csp } = await session.recorded();
    expect(failed).toEqual([]);
    expect(csp).toEqual([]);
    expect(icon).toEqual({ src: siteUrl("favicon.svg"), loaded: true });
  });
});
