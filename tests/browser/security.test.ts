import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { articleUrl, serveVariant, type Session, siteUrl, useSessions } from "./support/harness.ts";
import { EXECUTABLE_SCRIPT } from "../support/scripts.ts";

const sessions = useSessions();
let session: Session;

/** Loads the article, dismisses the appeal, reloads: everything the page's script does. */
async function useThePage(): Promise<void> {
  const { page } = session;
  await page.goto(articleUrl());
  await page.getByRole("button", { name: "Remind me later." }).click();
  await page.reload();
  await session.recorded();
}

describe("the Content-Security-Policy, in the browser", () => {
  it("is a <meta> that precedes every script and style, and has no 'unsafe-inline'", async () => {
    session = await sessions.open();
    await session.page.goto(articleUrl());
    const found = await session.page.evaluate((selector) => {
      const meta = document.querySelector('meta[http-equiv="content-security-policy" i]');
      const governed = [...document.querySelectorAll(`${selector}, style, link[rel~="stylesheet"]`)];
      return {
        inHead: meta?.parentElement === document.head,
        policy: meta?.getAttribute("content") ?? "",
        before: governed.filter(
          (node) => meta?.compareDocumentPosition(node) === Node.DOCUMENT_POSITION_PRECEDING,
        ).length,
        governed: governed.length,
      };
    }, EXECUTABLE_SCRIPT);
    expect(found.inHead).toBe(true);
    expect(found.governed).toBeGreaterThan(1);
    expect(found.before).toBe(0);
    expect(found.policy).toContain("default-src 'none'");
    expect(found.policy).not.toMatch(/unsafe-inline|unsafe-eval/u);
  });

  it("lets the page's own script run, and blocks nothing of the page: no violation, no console message", async () => {
    session = await sessions.open();
    await useThePage();
    const recorded = await session.recorded();
    // The script ran under the policy: it set its classes and remembered the snooze.
    expect(await session.page.evaluate(() => document.documentElement.className)).toBe("js appeal-snoozed");
    expect(recorded.csp).toEqual([]);
    expect(session.console).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  it("blocks, and reports, an inline script it has no hash for (the listener works)", async () => {
    session = await sessions.open();
    const url = await serveVariant(session.page, "articles/injected/", (html) =>
      html.replace("</main>", "<script>window.injected = true</script></main>"),
    );
    await session.page.goto(url);
    const recorded = await session.recorded();
    expect(await session.page.evaluate(() => "injected" in window)).toBe(false);
    expect(recorded.csp).toEqual([expect.stringMatching(/^script-src-elem inline/u)]);
    expect(session.console.some((line) => line.includes("Content Security Policy"))).toBe(true);
  });
});

describe("one request, one origin", () => {
  it("loads nothing but the page itself, from its own origin, before and after dismissal", async () => {
    session = await sessions.open();
    await useThePage();
    const origin = new URL(siteUrl()).origin;
    expect(session.requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(new Set(session.requests)).toEqual(new Set([articleUrl()]));
  });

  it("keeps all its JavaScript inline and under 1 KB gzipped", async () => {
    session = await sessions.open();
    await session.page.goto(articleUrl());
    const scripts = await session.page.evaluate(
      (selector) =>
        [...document.querySelectorAll<HTMLScriptElement>(selector)].map((script) => ({
          src: script.src,
          text: script.text,
        })),
      EXECUTABLE_SCRIPT,
    );
    expect(scripts.filter((script) => script.src !== "")).toEqual([]);
    expect(scripts).toHaveLength(1);
    const gzipped = gzipSync(scripts.map((script) => script.text).join("\n"), { level: 9 }).length;
    expect(gzipped).toBeLessThan(1024);
  });
});
