import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { listSite, ownSite } from "../support/fixture.ts";
import { SOURCE } from "../support/sources.ts";
import { ARTICLE_PATH, type Session, useSessions } from "./support/harness.ts";

// One request: a page opened straight from disk (file://…/index.html), with
// no server, reads complete and styled. Its CSS is inline, its fonts are the
// system's, and it asks for nothing else: the file itself is the only
// request, and no request fails.

/** The file:// URL of a built page, e.g. `articles/<slug>/` → `file:///…/articles/<slug>/index.html`. */
const fileUrl = (path: string): string => pathToFileURL(join(ownSite.outDir, path, "index.html")).href;

// Written out from the design, not read from the stylesheet.
const SYSTEM_FONTS =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';
const MEASURE = "608px"; // 38rem at the default 16px
const PANEL_LIGHT = "rgb(246, 245, 242)"; // #f6f5f2

const sessions = useSessions();
let session: Session;
let failed: string[];

beforeEach(async () => {
  session = await sessions.open();
  failed = [];
  session.page.on("requestfailed", (request) =>
    failed.push(`${request.url()} ${request.failure()?.errorText ?? ""}`),
  );
});

/** The styles that prove the page's own CSS applied... */
const OWN_STYLES = { bodyFont: SYSTEM_FONTS, bodyMargin: "0px", mainMaxWidth: MEASURE, headlineLarger: true };

/** ...as the page reports them. */
const styles = (page: Page) =>
  page.evaluate(() => {
    const style = (selector: string) => {
      const element = document.querySelector(selector);
      return element ? getComputedStyle(element) : undefined;
    };
    return {
      bodyFont: style("body")?.fontFamily,
      bodyMargin: style("body")?.margin,
      mainMaxWidth: style("main")?.maxWidth,
      headlineLarger:
        Number.parseFloat(style("h1")?.fontSize ?? "0") > Number.parseFloat(style("body")?.fontSize ?? "0"),
    };
  });

describe("opened from disk, with no server", () => {
  it("the article page is styled, shows the article and the appeal, and makes one request", async () => {
    const { page } = session;
    const url = fileUrl(ARTICLE_PATH);
    await page.goto(url);

    expect(await styles(page)).toEqual(OWN_STYLES);
    const appeal = page.locator("aside.appeal");
    expect(
      await appeal.evaluate((aside) => {
        const style = getComputedStyle(aside);
        return {
          background: style.backgroundColor,
          accent: `${style.borderLeftWidth} ${style.borderLeftStyle}`,
        };
      }),
    ).toEqual({ background: PANEL_LIGHT, accent: "4px solid" });

    // The whole text, on screen, in order: the article's lines, then the appeal's.
    expect(await page.locator("article > p").allInnerTexts()).toEqual(SOURCE.articleLines);
    expect(await page.locator("article h1").innerText()).toBe(SOURCE.headline);
    expect(await appeal.isVisible()).toBe(true);
    expect(await page.locator("aside.appeal > *").allInnerTexts()).toEqual(SOURCE.appealLines);
    // Its script ran from disk too: the button is shown, and works.
    await page.getByRole("button", { name: "Remind me later." }).click();
    expect(await appeal.isVisible()).toBe(false);

    expect(session.requests).toEqual([url]);
    expect(failed).toEqual([]);
    expect(session.console).toEqual([]);
  });

  it("the home page is styled, and its links open the article and come back, from disk", async () => {
    const { page } = session;
    const home = fileUrl("");
    await page.goto(home);
    expect(await styles(page)).toEqual(OWN_STYLES);

    await page.getByRole("link", { name: SOURCE.headline }).click();
    await page.waitForURL(fileUrl(ARTICLE_PATH));
    expect(await page.locator("article h1").innerText()).toBe(SOURCE.headline);
    expect((await styles(page)).mainMaxWidth).toBe(MEASURE);

    await page.locator(".site-header a").click();
    await page.waitForURL(home);

    expect(session.requests).toEqual([home, fileUrl(ARTICLE_PATH), home]);
    expect(failed).toEqual([]);
    expect(session.console).toEqual([]);
  });

  it("a list page's Older and Newest links work from disk, and its articles open", async () => {
    const { page } = session;
    const listFile = (path: string) => pathToFileURL(join(listSite.outDir, path, "index.html")).href;
    const home = listFile("");
    // The home page shows the newest 20 of 81; the 21st newest is the oldest on page 4 (articles 61 to 80).
    const older = listFile("page/4/");
    await page.goto(home);
    await page.getByRole("link", { name: "Older articles" }).click();
    await page.waitForURL(older);
    expect((await styles(page)).mainMaxWidth).toBe(MEASURE);
    expect(await page.locator("nav.pagination p.pagination-status").innerText()).toBe("Page 4");

    const link = page.locator("main ol > li h2 a").first();
    const headline = await link.innerText();
    await link.click();
    await page.waitForURL(/\/articles\/[^/]+\/index\.html$/u);
    const article = page.url();
    expect(await page.locator("article h1").innerText()).toBe(headline);

    await page.goto(older);
    await page.getByRole("link", { name: "Newest articles" }).click();
    await page.waitForURL(home);
    expect(await page.locator("h1").innerText()).toBe("Latest articles");

    expect(session.requests).toEqual([home, older, article, older, home]);
    expect(failed).toEqual([]);
    expect(session.console).toEqual([]);
  });

  it("the request log sees a request that fails (the check can fail)", async () => {
    const { page } = session;
    await page.goto(fileUrl(ARTICLE_PATH));
    await page.evaluate(() => {
      // An image is outside the page's policy and names no file: blocked, and logged as failed.
      const image = document.createElement("img");
      image.src = "missing.png";
      document.body.append(image);
    });
    await expect.poll(() => failed.length).toBeGreaterThan(0);
    expect(session.requests.length).toBeGreaterThan(1);
  });
});
