import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SOURCE } from "../support/sources.ts";
import {
  ANNOUNCEMENT,
  DAY_MS,
  STORAGE_KEY,
  appealShown,
  articleUrl,
  serveVariant,
  type Session,
  useSessions,
} from "./support/harness.ts";

const sessions = useSessions();
let session: Session;

/** A fresh page, in a context of its own (empty storage). */
const open = async (options?: Parameters<typeof sessions.open>[0]) => {
  session = await sessions.open(options);
  return session.page;
};

const dismissButton = (page: Page) => page.getByRole("button", { name: "Remind me later." });

/** What the reader and a screen reader are left with right after dismissing. */
async function afterDismissal(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    return {
      appealShown: document.querySelector("aside.appeal")?.checkVisibility() ?? false,
      focusOnBody: active === document.body || active === null,
      focusIsEndOfArticle: active === document.querySelector("article > :last-child"),
      focusVisible: active?.matches(":focus-visible") ?? false,
      status: document.querySelector('[role="status"]')?.textContent ?? null,
      statusPoliteness: document.querySelector('[role="status"]')?.getAttribute("aria-live") ?? null,
    };
  });
}

describe('"Remind me later." hides the appeal', () => {
  it("shows the appeal and its button on a first visit", async () => {
    const page = await open();
    await page.goto(articleUrl());
    expect(await appealShown(page)).toBe(true);
    expect(await dismissButton(page).isVisible()).toBe(true);
    expect(await page.getByRole("status").textContent()).toBe("");
  });

  it("at once: in the same task as the click, before any frame could show it", async () => {
    const page = await open();
    await page.goto(articleUrl());
    const hiddenSynchronously = await page.evaluate(() => {
      document.querySelector<HTMLButtonElement>(".appeal-dismiss")!.click();
      return !document.querySelector("aside.appeal")!.checkVisibility();
    });
    expect(hiddenSynchronously).toBe(true);
  });

  it("on a mouse click: focus at the end of the article, announced politely", async () => {
    const page = await open();
    await page.goto(articleUrl());
    await dismissButton(page).click();
    expect(await afterDismissal(page)).toMatchObject({
      appealShown: false,
      focusOnBody: false,
      focusIsEndOfArticle: true,
      status: ANNOUNCEMENT,
      statusPoliteness: "polite",
    });
  });

  it.each([
    ["Enter", "Enter"],
    ["Space", " "],
  ])("from the keyboard with %s, after reaching the button with Tab", async (_, key) => {
    const page = await open();
    await page.goto(articleUrl());
    // Tab from the top of the page, past the links before it, to the button.
    for (let tab = 0; tab < 10; tab++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => document.activeElement?.tagName)) === "BUTTON") break;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Remind me later.");
    await page.keyboard.press(key);
    expect(await afterDismissal(page)).toEqual({
      appealShown: false,
      focusOnBody: false,
      focusIsEndOfArticle: true,
      // Moved focus shows where it went when the reader is on the keyboard.
      focusVisible: true,
      status: ANNOUNCEMENT,
      statusPoliteness: "polite",
    });
    // The article's last line is where the reader is now, and it is on screen.
    expect(await page.locator("article > :last-child").textContent()).toBe(SOURCE.articleLines.at(-1));
    expect(await page.locator("article > :last-child").isVisible()).toBe(true);
  });
});

describe("the snooze is remembered on this device", () => {
  it("keeps the appeal hidden on reload and on every other article page", async () => {
    const page = await open();
    await page.goto(articleUrl());
    await dismissButton(page).click();
    await page.reload();
    expect(await appealShown(page)).toBe(false);
    // Another article of the site (the built page served at another address).
    const another = await serveVariant(page, "articles/another-article/", (html) => html);
    await page.goto(another);
    expect(await appealShown(page)).toBe(false);
    expect(await page.getByRole("status").textContent()).toBe("");
  });

  it("only for snoozeDays (30): hidden on day 29, shown again after day 30", async () => {
    const page = await open();
    const start = new Date("2026-03-02T09:00:00Z").getTime();
    await session.context.clock.install({ time: start });
    await page.goto(articleUrl());
    await dismissButton(page).click();

    await page.clock.setSystemTime(start + 29 * DAY_MS);
    await page.reload();
    expect(await appealShown(page)).toBe(false);

    await page.clock.setSystemTime(start + 30 * DAY_MS - 60_000);
    await page.reload();
    expect(await appealShown(page)).toBe(false);

    await page.clock.setSystemTime(start + 30 * DAY_MS + 60_000);
    await page.reload();
    expect(await appealShown(page)).toBe(true);
    expect(await dismissButton(page).isVisible()).toBe(true);
  });

  it("shows a changed appeal again at once: new text (version) or new id", async () => {
    const page = await open();
    await page.goto(articleUrl());
    await dismissButton(page).click();
    const meta = await page.locator('meta[name="appeal-snooze"]').getAttribute("content");
    const [id, version, days] = (meta ?? "").split(" ");
    expect(id).toBe("moscow-times");
    expect(version).toMatch(/^[\w-]{12}$/u);

    // The site rebuilt with the appeal's text edited: same id, another version.
    const edited = await serveVariant(page, "articles/edited-appeal/", (html) =>
      html.replace(`content="${meta}"`, `content="${id} AAAAAAAAAAAA ${days}"`),
    );
    await page.goto(edited);
    expect(await appealShown(page)).toBe(true);

    // Another appeal altogether.
    const other = await serveVariant(page, "articles/other-appeal/", (html) =>
      html.replace(`content="${meta}"`, `content="spring-drive ${version} ${days}"`),
    );
    await page.goto(other);
    expect(await appealShown(page)).toBe(true);

    // The original is still snoozed.
    await page.goto(articleUrl());
    expect(await appealShown(page)).toBe(false);
  });
});

describe("storage that fails never breaks the page", () => {
  const failures: [string, () => void][] = [
    [
      "localStorage itself throws (storage disabled)",
      () => {
        Object.defineProperty(window, "localStorage", {
          configurable: true,
          get() {
            throw new DOMException("The operation is insecure.", "SecurityError");
          },
        });
      },
    ],
    [
      "reading and writing throw (private mode)",
      () => {
        Storage.prototype.getItem = () => {
          throw new DOMException("denied", "SecurityError");
        };
        Storage.prototype.setItem = () => {
          throw new DOMException("denied", "SecurityError");
        };
      },
    ],
    [
      "writing throws QuotaExceededError (storage full)",
      () => {
        Storage.prototype.setItem = () => {
          throw new DOMException("full", "QuotaExceededError");
        };
      },
    ],
  ];

  it.each(failures)("%s: the appeal shows, and the click still hides it", async (_, fail) => {
    const page = await open();
    await session.context.addInitScript(fail);
    await page.goto(articleUrl());
    expect(await appealShown(page)).toBe(true);
    await dismissButton(page).click();
    expect(await afterDismissal(page)).toMatchObject({
      appealShown: false,
      focusOnBody: false,
      status: ANNOUNCEMENT,
    });
    // Not remembered: the next page view shows the appeal again.
    await page.reload();
    expect(await appealShown(page)).toBe(true);
  });

  it.each([
    ["garbage", "}{not a snooze"],
    ["empty", ""],
    ["a version without a time", "@version"],
    ["a time that is not a number", "@version yesterday"],
    ["a time in the future", "@version 99999999999999"],
    ["another version", "AAAAAAAAAAAA @now"],
    ["JSON", '{"version":"@version","time":@now}'],
  ])("a corrupt stored value (%s) shows the appeal; dismissing it stores a good one", async (_, value) => {
    const page = await open();
    await page.goto(articleUrl());
    const version = (await page.locator('meta[name="appeal-snooze"]').getAttribute("content"))?.split(" ")[1];
    const stored = value.replace("@version", version ?? "").replace("@now", String(Date.now()));
    await page.evaluate(([key, data]) => localStorage.setItem(key!, data!), [STORAGE_KEY, stored]);
    await page.reload();
    expect(await appealShown(page)).toBe(true);
    await dismissButton(page).click();
    expect(await appealShown(page)).toBe(false);
    expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toMatch(
      new RegExp(`^${version} \\d+$`, "u"),
    );
    await page.reload();
    expect(await appealShown(page)).toBe(false);
  });
});

describe("without JavaScript", () => {
  it("reads in full, article and appeal, and shows no button that would do nothing", async () => {
    const page = await open({ javaScriptEnabled: false });
    await page.goto(articleUrl());
    const text = await page.locator("main").innerText();
    for (const line of [...SOURCE.articleLines, ...SOURCE.appealLines.slice(0, -1)]) {
      expect(text).toContain(line);
    }
    expect(await appealShown(page)).toBe(true);
    // Still in the document (it is the appeal's last line), but not shown.
    expect(await page.locator("aside.appeal button").count()).toBe(1);
    expect(await page.locator("aside.appeal button").isVisible()).toBe(false);
    expect(await page.getByRole("button").count()).toBe(0);
  });
});
