import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject } from "vitest";
import { launchBrowser } from "./launch.ts";
import { SOURCE } from "../../support/sources.ts";
import { ownSite } from "../../support/fixture.ts";

/** The article page, below the site root. */
export const ARTICLE_PATH = `articles/${SOURCE.slug}/`;
export const STORAGE_KEY = "appeal-snooze:moscow-times";
export const ANNOUNCEMENT = "Appeal hidden. It will show again in 30 days.";
export const DAY_MS = 24 * 60 * 60 * 1000;

export const siteUrl = (path = ""): string => new URL(path, inject("siteUrl")).href;
export const articleUrl = (): string => siteUrl(ARTICLE_PATH);

/** A list page with all four pagination links, on the generated archive (see globalSetup.ts). */
export const LIST_PAGE_PATH = "page/3/";
export const listSiteUrl = (path = ""): string => new URL(path, inject("listSiteUrl")).href;

/** The Persian edition of the right-to-left fixture: its home page and an article with its appeal. */
export const RTL_HOME_PATH = "fa/";
export const RTL_ARTICLE_PATH = "fa/articles/gharghizestan-samaneh-padafand-havayi/";
export const rtlSiteUrl = (path = ""): string => new URL(path, inject("rtlSiteUrl")).href;
/** The Russian edition's article, on the site itself. */
export const RU_ARTICLE_PATH =
  "ru/articles/kirgiziya-ratifitsirovala-soglashenie-o-sovmestnoy-sisteme-pvo-s-rossiey/";

/** The built article page, as the server sends it. */
export const articleHtml = (): Promise<string> => ownSite.readFile(ARTICLE_PATH);

/**
 * One headless Chromium per test file, launched before its tests and closed
 * after them. When there is no browser, every test that asks for it fails
 * with the message that says how to get one (none is skipped).
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  let failure: unknown;
  beforeAll(async () => {
    try {
      browser = await launchBrowser();
    } catch (error) {
      failure = error;
    }
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (failure !== undefined) throw failure;
    if (!browser) throw new Error("the browser did not start");
    return browser;
  };
}

/** What a page did, recorded from before its first script ran. */
export interface Recorded {
  /** The appeal at its insertion into the DOM, before any paint: "visible" or "hidden". */
  readonly inserted: "visible" | "hidden" | null;
  /** The appeal in each of the page's first animation frames, each recorded just before that frame's paint. */
  readonly frames: readonly ("absent" | "visible" | "hidden")[];
  /** Layout-shift scores without recent input (their sum is the CLS). */
  readonly shifts: readonly number[];
  /** CSP violations reported to the page: "directive blocked-uri sample". */
  readonly csp: readonly string[];
}

export const PROBE_FRAMES = 30;

/**
 * Runs before any script of the page (Playwright init script). Records the
 * appeal's visibility when the parser inserts it (a MutationObserver, before
 * any paint) and in each of the first animation frames (requestAnimationFrame
 * runs just before each paint), layout shifts, and CSP violation events.
 */
function probe(frameCount: number): void {
  const record: { inserted: string | null; frames: string[]; shifts: number[]; csp: string[] } = {
    inserted: null,
    frames: [],
    shifts: [],
    csp: [],
  };
  Object.defineProperty(window, "__probe", { value: record });
  const look = (): string => {
    const appeal = document.querySelector("aside.appeal");
    if (!appeal) return "absent";
    return appeal.checkVisibility() ? "visible" : "hidden";
  };
  document.addEventListener("securitypolicyviolation", (event) => {
    record.csp.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
  });
  const observer = new MutationObserver(() => {
    if (record.inserted === null && document.querySelector("aside.appeal")) {
      record.inserted = look();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  const frame = (): void => {
    record.frames.push(look());
    if (record.frames.length < frameCount) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
    })[]) {
      if (!entry.hadRecentInput) record.shifts.push(entry.value);
    }
  }).observe({ type: "layout-shift", buffered: true });
}

export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught exceptions in the page. */
  readonly pageErrors: string[];
  /** Console messages: "type: text". */
  readonly console: string[];
  /** Every URL the page requested. */
  readonly requests: string[];
  /** Reads what the probe recorded on the current document, once its frames are in. */
  recorded(): Promise<Recorded>;
  close(): Promise<void>;
}

/** A fresh context (empty storage) and page, with the probe and listeners installed. */
export async function openSession(browser: Browser, options: BrowserContextOptions = {}): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  await context.addInitScript(probe, PROBE_FRAMES);
  // A page load is bounded by the test's own timeout, not Playwright's shorter default:
  // tests prove what a page does, never how fast (the largest hostile page is megabytes).
  context.setDefaultNavigationTimeout(0);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleMessages: string[] = [];
  const requests: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => consoleMessages.push(`${message.type()}: ${message.text()}`));
  context.on("request", (request) => requests.push(request.url()));
  return {
    context,
    page,
    pageErrors,
    console: consoleMessages,
    requests,
    async recorded() {
      await page.waitForFunction(
        (count) => (window as unknown as { __probe: Recorded }).__probe.frames.length >= count,
        PROBE_FRAMES,
      );
      return page.evaluate(() => (window as unknown as { __probe: Recorded }).__probe);
    },
    close: () => context.close(),
  };
}

/** True when the appeal takes up space on the page (rendered, not display:none). */
export const appealShown = (page: Page): Promise<boolean> =>
  page.locator("aside.appeal").evaluate((aside) => aside.checkVisibility());

/**
 * Serves `path` with the built article page changed by `change`, for pages
 * the site does not have: another article, a changed appeal, a broken page.
 */
export async function serveVariant(
  page: Page,
  path: string,
  change: (html: string) => string,
): Promise<string> {
  const html = change(await articleHtml());
  const url = siteUrl(path);
  await page.route(url, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
  );
  return url;
}

/** The page's inline snooze script: its whole `<script>…</script>` element. */
export function snoozeScriptElement(html: string): string {
  const match = /<script>(?:(?!<\/script>)[^])*appeal-snooze(?:(?!<\/script>)[^])*<\/script>/u.exec(html);
  if (!match) throw new Error("the page has no snooze script");
  return match[0];
}

/** The page without its CSP `<meta>` (for variants whose scripts the policy would block). */
export const withoutCsp = (html: string): string =>
  html.replace(/<meta http-equiv="content-security-policy"[^>]*>/u, "");

/**
 * For a test file: one browser ({@link useBrowser}), and `open()` for fresh
 * sessions, each closed after its test, which fails if any of its pages threw.
 */
export function useSessions(): { open: (options?: BrowserContextOptions) => Promise<Session> } {
  const browser = useBrowser();
  const sessions: Session[] = [];
  afterEach(async () => {
    const open = sessions.splice(0);
    await Promise.all(open.map((session) => session.close()));
    expect(
      open.flatMap((session) => session.pageErrors),
      "uncaught errors in the page",
    ).toEqual([]);
  });
  return {
    async open(options) {
      const session = await openSession(browser(), options);
      sessions.push(session);
      return session;
    },
  };
}
