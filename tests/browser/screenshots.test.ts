import { mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OUTPUT } from "../support/paths.ts";
import { articleUrl, type Session, useSessions } from "./support/harness.ts";

// Pictures of the page as readers see it, for people to look at. They go
// where git ignores them; docs/article.png in the README is one of them.
export const SCREENSHOTS = join(OUTPUT, "screenshots");

const sessions = useSessions();
let session: Session;

describe.each([390, 1280])("at %i px wide", (width) => {
  it.each(["light", "dark"] as const)("%s", async (colorScheme) => {
    session = await sessions.open({ viewport: { width, height: 844 }, colorScheme });
    const { page } = session;
    await page.goto(articleUrl());
    // The text fits the screen: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await page.locator("aside.appeal").isVisible()).toBe(true);
    await mkdir(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `article-${width}-${colorScheme}.png`);
    // Headless Chromium on a busy machine sometimes has no frame ready to
    // capture ("Unable to capture screenshot"); that says nothing about the page.
    for (let attempt = 1; ; attempt++) {
      try {
        await page.screenshot({ path, fullPage: true });
        break;
      } catch (error) {
        if (attempt === 3 || !String(error).includes("Unable to capture screenshot")) throw error;
      }
    }
    expect((await stat(path)).size).toBeGreaterThan(10_000);
  });
});
