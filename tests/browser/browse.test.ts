import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe.ts";
import { listSite } from "../support/fixture.ts";
import { listSiteUrl, type Session, useSessions } from "./support/harness.ts";

// The browsing pages of the generated archive (globalSetup.ts): axe-clean in
// light and dark, and a reader's way through them, JavaScript off, from disk.
/** A tag folder of the built archive whose name is in Cyrillic, read from dist/. */
const cyrillicTag = () => {
  const tag = readdirSync(join(listSite.outDir, "tags")).find((name) => /\p{Script=Cyrillic}/u.test(name));
  if (tag === undefined) throw new Error("the generated archive has no Cyrillic tag");
  return tag;
};
/** The newest month of the archive, read from dist/: `archive/<yyyy>/<mm>/`. */
const newestMonth = () => {
  const archive = join(listSite.outDir, "archive");
  const year = readdirSync(archive)
    .filter((name) => /^\d{4}$/u.test(name))
    .sort()
    .at(-1);
  const month = year === undefined ? undefined : readdirSync(join(archive, year)).sort().at(-1);
  if (year === undefined || month === undefined) throw new Error("the generated archive has no month");
  return `archive/${year}/${month}/`;
};

const sessions = useSessions();
let session: Session;

describe.each(["light", "dark"] as const)("axe in %s mode", (colorScheme) => {
  it("finds nothing on the section, tag and archive indexes, a section, a Cyrillic tag and a month", async () => {
    session = await sessions.open({ colorScheme });
    const { page } = session;
    for (const path of [
      "sections/",
      "sections/news/",
      "tags/",
      `tags/${cyrillicTag()}/`,
      "archive/",
      newestMonth(),
    ]) {
      const response = await page.goto(listSiteUrl(encodeURI(path)));
      expect(response?.status(), path).toBe(200);
      expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
    }
  });
});

describe("from disk, JavaScript off", () => {
  it("leads from the home page to a section, an article, its Cyrillic tag and the archive", async () => {
    session = await sessions.open({ javaScriptEnabled: false });
    const { page } = session;
    const failed: string[] = [];
    page.on("requestfailed", (request) => failed.push(request.url()));
    const fileOf = (path: string) => pathToFileURL(join(listSite.outDir, path, "index.html")).href;
    const tag = cyrillicTag();

    await page.goto(fileOf(""));
    await page.getByRole("link", { name: "Sections", exact: true }).click();
    await page.waitForURL(fileOf("sections/"));
    await page.getByRole("link", { name: "News", exact: true }).click();
    await page.waitForURL(fileOf("sections/news/"));
    expect(await page.locator("h1").innerText()).toBe("News");

    // An article of the tag, reached from the tag's own page, links back to it.
    await page.goto(fileOf(`tags/${tag}/`));
    const headline = page.locator("main ol > li h2 a").first();
    await headline.click();
    await page.waitForURL(/\/articles\/[^/]+\/index\.html$/u);
    const topics = page.locator('nav[aria-label="Section and tags"]');
    const tagLink = topics.locator(`a[href$="/tags/${encodeURI(tag)}/index.html"]`);
    expect(await tagLink.count()).toBe(1);
    await tagLink.click();
    await page.waitForURL(fileOf(`tags/${tag}/`));

    await page.goto(fileOf(""));
    await page.getByRole("link", { name: "Archive", exact: true }).click();
    await page.waitForURL(fileOf("archive/"));
    await page.locator("main ul a").first().click();
    await page.waitForURL(/\/archive\/\d{4}\/\d{2}\/index\.html$/u);
    expect(await page.locator("main ol > li").count()).toBeGreaterThan(0);
    expect(failed).toEqual([]);
  });
});
