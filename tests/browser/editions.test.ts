import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe.ts";
import { ROOT } from "../support/paths.ts";
import {
  appealShown,
  articleUrl,
  RTL_ARTICLE_PATH,
  RTL_HOME_PATH,
  rtlSiteUrl,
  RU_ARTICLE_PATH,
  type Session,
  siteUrl,
  useSessions,
} from "./support/harness.ts";

// The other editions in Chromium, beside the gates that measure every page
// (accessibility-measured.test.ts): axe, the snooze of each edition's own
// appeal, the policy, and the right-to-left layout mirrored.

/** An appeal's "Remind me later." button: its source's last line. */
const dismissLabel = (file: string) => readFileSync(join(ROOT, file), "utf8").trimEnd().split("\n").at(-1)!;
const RU_DISMISS = dismissLabel("src/content/appeals/moscow-times-ru.txt");
const EN_DISMISS = dismissLabel("src/content/appeals/moscow-times.txt");
const FA_DISMISS = dismissLabel("tests/fixtures/rtl/appeals/moscow-times-fa.txt");

const sessions = useSessions();
let session: Session;

const PAGES = [
  ["Russian article", () => siteUrl(RU_ARTICLE_PATH), RU_DISMISS],
  ["right-to-left article", () => rtlSiteUrl(RTL_ARTICLE_PATH), FA_DISMISS],
  ["right-to-left home", () => rtlSiteUrl(RTL_HOME_PATH), undefined],
  ["Russian search", () => siteUrl("ru/search/"), undefined],
  ["Russian mirrors", () => siteUrl("ru/mirrors/"), undefined],
  ["right-to-left search", () => rtlSiteUrl("fa/search/"), undefined],
] as const;

describe.each(["light", "dark"] as const)("axe in %s mode", (colorScheme) => {
  it.each(PAGES)("finds nothing on the %s page, nor after dismissing its appeal", async (_, url, dismiss) => {
    session = await sessions.open({ colorScheme });
    const { page } = session;
    await page.goto(url());
    expect(await axeViolations(page)).toEqual([]);
    if (dismiss === undefined) return;
    await page.getByRole("button", { name: dismiss }).press("Enter");
    expect(await appealShown(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("each edition's appeal is snoozed on its own", () => {
  it("snoozing the Russian appeal leaves the English one showing, and the other way round", async () => {
    session = await sessions.open();
    const { page } = session;
    await page.goto(siteUrl(RU_ARTICLE_PATH));
    await page.getByRole("button", { name: RU_DISMISS }).click();
    expect(await appealShown(page)).toBe(false);
    // The announcement is in Russian, as the page is.
    expect(await page.getByRole("status").textContent()).toMatch(/^Обращение скрыто/u);

    await page.goto(articleUrl());
    expect(await appealShown(page)).toBe(true);
    await page.reload();
    expect(await appealShown(page)).toBe(true);
    await page.goto(siteUrl(RU_ARTICLE_PATH));
    expect(await appealShown(page)).toBe(false);

    const other = await sessions.open();
    await other.page.goto(articleUrl());
    await other.page.getByRole("button", { name: EN_DISMISS }).click();
    await other.page.goto(siteUrl(RU_ARTICLE_PATH));
    expect(await appealShown(other.page)).toBe(true);
  });
});

describe("the right-to-left page", () => {
  it.each(PAGES)(
    "the %s page runs its script (if it has an appeal) under the policy, with no violation or console message",
    async (_, url, dismiss) => {
      session = await sessions.open();
      await session.page.goto(url());
      const recorded = await session.recorded();
      expect(recorded.csp).toEqual([]);
      expect(session.console).toEqual([]);
      expect(session.pageErrors).toEqual([]);
      const scripted = await session.page.evaluate(() => document.documentElement.classList.contains("js"));
      expect(scripted).toBe(dismiss !== undefined);
    },
  );

  it("is mirrored: text starts at the right, and the appeal's accent border is on the right", async () => {
    session = await sessions.open();
    const { page } = session;
    await page.goto(rtlSiteUrl(RTL_ARTICLE_PATH));
    const layout = await page.evaluate(() => {
      const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
      const appeal = style("aside.appeal");
      const paragraph = document.querySelector("article p:not(.dateline)")!;
      const main = document.querySelector("main")!.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      const text = range.getClientRects()[0]!;
      return {
        dir: document.documentElement.dir,
        accentRight: appeal.borderRightWidth,
        accentLeft: appeal.borderLeftWidth,
        // The first line of a paragraph ends flush against main's right padding.
        textAtRight:
          Math.abs(
            main.right -
              parseFloat(getComputedStyle(document.querySelector("main")!).paddingRight) -
              text.right,
          ) < 2,
      };
    });
    expect(layout).toEqual({ dir: "rtl", accentRight: "4px", accentLeft: "1px", textAtRight: true });
  });
});
