import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ownSite } from "../support/fixture.ts";
import { GUIDE } from "../support/sources.ts";
import { type Session, siteUrl, useSessions } from "./support/harness.ts";

// The mirrors page and the links in an article's text, with JavaScript off,
// served and opened from disk, and with no CSP violation.
const MIRRORS = ["https://mirror-one.example/", "https://mirror-two.example/news/"];
const fileUrl = (file: string): string => pathToFileURL(join(ownSite.outDir, file)).href;

const sessions = useSessions();

/** A session whose mirrors answer (the network is closed), recording where the reader lands. */
async function openWithMirrors(javaScriptEnabled: boolean): Promise<Session> {
  const session = await sessions.open({ javaScriptEnabled });
  for (const mirror of MIRRORS) {
    await session.context.route(`${mirror}**`, (route) =>
      route.fulfill({ status: 200, contentType: "text/plain", body: `the mirror at ${mirror}` }),
    );
  }
  return session;
}

const cspMessages = (session: Session) =>
  session.console.filter((line) => /Content.Security.Policy/iu.test(line));

async function followToMirror(page: Page, link: ReturnType<Page["locator"]>, mirror: string): Promise<void> {
  await Promise.all([page.waitForURL(mirror), link.click()]);
  expect(await page.locator("body").innerText()).toBe(`the mirror at ${mirror}`);
}

describe.each([
  ["served", (file: string) => siteUrl(file)],
  ["from disk", fileUrl],
] as const)("with JavaScript off, %s", (_, urlOf) => {
  it("the footer leads to the mirrors page, and its links to each mirror and to mirrors.json", async () => {
    const session = await openWithMirrors(false);
    const { page } = session;
    await page.goto(urlOf("index.html"));
    await Promise.all([
      page.waitForURL(urlOf("mirrors/index.html")),
      page.locator("footer a", { hasText: "Mirrors" }).click(),
    ]);
    expect(await page.locator("h1").innerText()).toBe("Mirrors");
    const links = page.locator("main li a");
    expect(await links.allInnerTexts()).toEqual(MIRRORS);
    await followToMirror(page, links.nth(1), MIRRORS[1]!);
    await page.goBack();
    await Promise.all([
      page.waitForURL(urlOf("mirrors.json")),
      page.locator("main a", { hasText: "mirrors.json" }).click(),
    ]);
    expect(
      (JSON.parse(await page.locator("body").innerText()) as { url: string }[]).map(({ url }) => url),
    ).toEqual(MIRRORS);
    expect(cspMessages(session)).toEqual([]);
  });

  it("the article's addresses are links showing their text, and they open the mirror", async () => {
    const session = await openWithMirrors(false);
    const { page } = session;
    await page.goto(urlOf(`articles/${GUIDE.slug}/index.html`));
    expect(await page.locator("article > p").allInnerTexts()).toEqual(GUIDE.articleLines);
    const links = page.locator("article p a");
    expect(await links.allInnerTexts()).toEqual(MIRRORS);
    await followToMirror(page, links.first(), MIRRORS[0]!);
    expect(cspMessages(session)).toEqual([]);
  });
});

describe("with JavaScript on, served", () => {
  it.each(["mirrors/", `articles/${GUIDE.slug}/`])("%s reports no CSP violation", async (path) => {
    const session = await openWithMirrors(true);
    await session.page.goto(siteUrl(path));
    expect((await session.recorded()).csp).toEqual([]);
    expect(cspMessages(session)).toEqual([]);
  });
});
