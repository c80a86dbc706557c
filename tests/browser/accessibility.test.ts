import { describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe.ts";
import { articleUrl, LIST_PAGE_PATH, listSiteUrl, type Session, useSessions } from "./support/harness.ts";

// axe-core, WCAG 2.0/2.1 A and AA and WCAG 2.2 AA rules, on the article page
// as a reader meets it and after "Remind me later.", and on a list page with
// its pagination, in light and dark.
const sessions = useSessions();
let session: Session;

describe.each(["light", "dark"] as const)("axe in %s mode", (colorScheme) => {
  it("finds nothing on the article page with the appeal, nor after dismissing it", async () => {
    session = await sessions.open({ colorScheme });
    const { page } = session;
    await page.goto(articleUrl());
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Remind me later." }).press("Enter");
    expect(await page.locator("aside.appeal").isVisible()).toBe(false);
    expect(page.url()).toBe(articleUrl());
    expect(await axeViolations(page)).toEqual([]);
  });

  it("finds nothing on a list page with its pagination links", async () => {
    session = await sessions.open({ colorScheme });
    const { page } = session;
    await page.goto(listSiteUrl(LIST_PAGE_PATH));
    expect(await page.locator("nav.pagination a").count()).toBe(4);
    expect(await axeViolations(page)).toEqual([]);
  });
});

it("axe reports a violation when there is one (a nameless button)", async () => {
  session = await sessions.open();
  const { page } = session;
  await page.goto(articleUrl());
  await page.locator(".appeal-dismiss").evaluate((button) => {
    button.textContent = "";
  });
  expect((await axeViolations(page)).map((violation) => violation.rule)).toContain("button-name");
});
