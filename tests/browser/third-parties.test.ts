import { describe, expect, it } from "vitest";
import { ARTICLE_PATH, serveVariant, type Session, siteUrl, useSessions } from "./support/harness.ts";

// No third parties, as the browser sees it: loading the home page, an
// article, the 404 page and the feed, Chromium requests each one's own URL
// and nothing else, from any origin. (tests/build/third-parties.test.ts
// reads every URL in dist/ with a parser; tests/browser/security.test.ts
// also dismisses the appeal and reloads.)

const sessions = useSessions();
let session: Session;

describe("the browser requests nothing but the page itself", () => {
  it.each([
    ["the home page", ""],
    ["an article page", ARTICLE_PATH],
    ["the 404 page, at an address that does not exist", "no/such/page/"],
    ["the feed", "rss.xml"],
    ["the Atom feed", "atom.xml"],
  ])("%s", async (_, path) => {
    session = await sessions.open();
    const url = siteUrl(path);
    await session.page.goto(url, { waitUntil: "load" });
    // Anything a page would fetch after load (e.g. from a script) is asked for by now.
    await session.page.waitForLoadState("networkidle");
    expect(session.requests).toEqual([url]);
  });
});

describe("the check itself", () => {
  it("sees a request for another origin's image (blocked by the policy, but asked for)", async () => {
    session = await sessions.open();
    const url = await serveVariant(session.page, "articles/with-image/", (html) =>
      html.replace("</main>", '<img src="https://cdn.example/pixel.gif" alt=""></main>'),
    );
    await session.page.goto(url, { waitUntil: "load" });
    await session.page.waitForLoadState("networkidle");
    expect(session.requests).toContain("https://cdn.example/pixel.gif");
  });
});
