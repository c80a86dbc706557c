import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { contrastOver, contrastRatio, parseColor } from "./support/contrast.ts";
import { SOURCE } from "../support/sources.ts";
import { STRINGS } from "../../src/lib/strings.ts";
import {
  ARTICLE_PATH,
  LIST_PAGE_PATH,
  listSiteUrl,
  RTL_ARTICLE_PATH,
  RTL_HOME_PATH,
  rtlSiteUrl,
  RU_ARTICLE_PATH,
  serveVariant,
  type Session,
  siteUrl,
  useSessions,
} from "./support/harness.ts";
import {
  countFocusable,
  readFocus,
  readOverflow,
  readTextColours,
  type FocusSample,
  type Overflow,
} from "./support/measure.ts";

// What axe cannot settle, measured in Chromium on every kind of page: the
// skip link, visible focus, text contrast in light and dark, reflow at
// 320 px and use at 200% zoom. Each check is also fed a page broken on
// purpose and must catch it.

// Each page with the skip link's text in its language.
const PAGES = [
  ["home", siteUrl(), STRINGS.en.skipLink],
  ["article", siteUrl(ARTICLE_PATH), STRINGS.en.skipLink],
  // Served with status 404 at an address that does not exist, as a host does.
  ["404", siteUrl("no-such-page/"), STRINGS.en.skipLink],
  // The site's two articles fit on its home page: a list page with both
  // pagination links (Newer, Older) and the page number, from a larger archive.
  ["list", listSiteUrl(LIST_PAGE_PATH), STRINGS.en.skipLink],
  // The other editions: Russian, and the right-to-left Persian fixture.
  ["Russian article", siteUrl(RU_ARTICLE_PATH), STRINGS.ru.skipLink],
  ["right-to-left home", rtlSiteUrl(RTL_HOME_PATH), STRINGS.fa.skipLink],
  ["right-to-left article", rtlSiteUrl(RTL_ARTICLE_PATH), STRINGS.fa.skipLink],
] as const;

/** WCAG 1.4.3 asks 4.5:1 of body text; the site holds all its text to it, large text included. */
const TEXT_CONTRAST = 4.5;
/** WCAG 1.4.11: a focus indicator contrasts 3:1 with what is behind it. */
const FOCUS_CONTRAST = 3;

const sessions = useSessions();
let session: Session;

async function open(url: string, options?: Parameters<typeof sessions.open>[0]): Promise<Page> {
  session = await sessions.open(options);
  await session.page.goto(url);
  return session.page;
}

/** What a reader would have to scroll sideways for (a vertical scroll bar, if any, is not counted). */
const sideways = ({ scrollWidth, clientWidth, outside }: Overflow) => ({
  scrolls: scrollWidth > clientWidth,
  outside,
});
const FITS = { scrolls: false, outside: [] };

/** Adds CSS to a page whose policy is bypassed (for the broken variants only). */
const breakWithStyle = (page: Page, css: string) => page.addStyleTag({ content: css });

/** Text below {@link TEXT_CONTRAST}, or that could not be measured. */
async function contrastProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const sample of await readTextColours(page)) {
    try {
      const ratio = contrastOver(sample.color, sample.layers);
      if (ratio < TEXT_CONTRAST) problems.push(`${sample.where}: ${ratio.toFixed(2)}:1`);
    } catch (error) {
      problems.push(`${sample.where}: ${String(error)}`);
    }
  }
  return problems;
}

/** Why a focused element's indicator is not visible, or undefined when it is. */
function focusProblem(focused: FocusSample): string | undefined {
  if (focused.outlineStyle === "none" || focused.outlineWidth < 2) {
    return `${focused.where}: no outline (${focused.outlineStyle} ${focused.outlineWidth}px)`;
  }
  const ratio = contrastOver(focused.outlineColor, focused.behind);
  if (ratio < FOCUS_CONTRAST) return `${focused.where}: outline contrast ${ratio.toFixed(2)}:1`;
  return undefined;
}

/**
 * Tabs through the whole page. At each stop: what has focus, and a problem
 * when its outline is missing or faint, or looks the same once focus leaves
 * it (read on the same element, blurred, then focused again).
 */
async function tabThrough(page: Page): Promise<{ stops: string[]; problems: string[] }> {
  const count = await countFocusable(page);
  const stops: string[] = [];
  const problems: string[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press("Tab");
    const focused = await readFocus(page);
    if (!focused) {
      problems.push(`stop ${i + 1}: nothing has focus`);
      continue;
    }
    stops.push(focused.where);
    const unfocused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      element.blur();
      const style = getComputedStyle(element);
      const before = `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} ${style.boxShadow}`;
      element.focus({ focusVisible: true } as FocusOptions);
      return before;
    });
    const problem = focusProblem(focused);
    if (problem) problems.push(problem);
    else if (
      unfocused ===
      `${focused.outlineStyle} ${focused.outlineWidth}px ${focused.outlineColor} ${focused.boxShadow}`
    ) {
      problems.push(`${focused.where}: looks the same with and without focus`);
    }
  }
  return { stops, problems };
}

describe("the skip link", () => {
  it.each(PAGES)(
    "on the %s page: first Tab stop, hidden until focused, jumps into <main>",
    async (_, url, skipText) => {
      const page = await open(url);
      const link = page.locator("a.skip-link");
      const hiddenBox = await link.boundingBox();
      expect(hiddenBox!.width * hiddenBox!.height).toBeLessThanOrEqual(1);

      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => ({
        isSkipLink: document.activeElement?.matches("a.skip-link") ?? false,
        text: document.activeElement?.textContent,
        href: document.activeElement?.getAttribute("href"),
        target: document.getElementById("main")?.tagName,
      }));
      expect(focused).toEqual({ isSkipLink: true, text: skipText, href: "#main", target: "MAIN" });
      const box = (await link.boundingBox())!;
      expect(box.width).toBeGreaterThan(60);
      expect(box.height).toBeGreaterThan(20);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);

      await page.keyboard.press("Enter");
      // The fragment navigation settles after the key press returns.
      await expect.poll(() => new URL(page.url()).hash).toBe("#main");
      await page.keyboard.press("Tab");
      // The next stop is the first one inside <main>: the site header is skipped.
      expect(
        await page.evaluate(() => {
          const main = document.querySelector("main")!;
          const first = [...main.querySelectorAll("a[href], button")].find((element) =>
            element.checkVisibility(),
          );
          return first !== undefined && document.activeElement === first;
        }),
      ).toBe(true);
    },
  );
});

describe.each(["light", "dark"] as const)("in %s mode", (colorScheme) => {
  it.each(PAGES)(
    "every focusable element on the %s page shows a visible focus outline",
    async (_, url, skipText) => {
      const page = await open(url, { colorScheme });
      const { stops, problems } = await tabThrough(page);
      expect(problems).toEqual([]);
      expect(stops[0]).toBe(`a "${skipText}"`);
      expect(new Set(stops).size).toBe(stops.length);
      expect(stops.length).toBeGreaterThanOrEqual(3);
    },
  );

  it.each(PAGES)(`all text on the %s page contrasts at least ${TEXT_CONTRAST}:1`, async (_, url) => {
    const page = await open(url, { colorScheme });
    // With the skip link on screen: it is text too.
    await page.keyboard.press("Tab");
    expect(await contrastProblems(page)).toEqual([]);
  });

  it(`the article page: every kind of text is measured, and the hovered button too`, async () => {
    const page = await open(siteUrl(ARTICLE_PATH), { colorScheme });
    await page.keyboard.press("Tab");
    const measured = (await readTextColours(page)).map((sample) => sample.where);
    // One sample per source line at least (headline, paragraphs, appeal), and each region's text.
    expect(measured.length).toBeGreaterThanOrEqual(SOURCE.articleLines.length + SOURCE.appealLines.length);
    for (const kind of [/^a\.skip-link /u, /^h1 /u, /^time /u, /^p\.dateline /u, /^h2 /u, /^button\./u]) {
      expect(measured.some((where) => kind.test(where))).toBe(true);
    }
    expect(measured).toContainEqual('a "RSS feed"');
    await page.locator(".appeal-dismiss").hover();
    expect(await contrastProblems(page)).toEqual([]);
  });

  it("the list page: its pagination links are Tab stops, and they and the page number are measured", async () => {
    let page = await open(listSiteUrl(LIST_PAGE_PATH), { colorScheme });
    const { stops } = await tabThrough(page);
    expect(stops.slice(-6)).toEqual([
      'a "Newest articles"',
      'a "Newer articles"',
      'a "Older articles"',
      'a "Oldest articles"',
      'a "RSS feed"',
      'a "Mirrors"',
    ]);
    page = await open(listSiteUrl(LIST_PAGE_PATH), { colorScheme });
    const measured = (await readTextColours(page)).map((sample) => sample.where);
    for (const text of [
      'a.pagination-newest "Newest articles"',
      'a.pagination-newer "Newer articles"',
      'a.pagination-older "Older articles"',
      'a.pagination-oldest "Oldest articles"',
      'p.pagination-status "Page 3"',
    ]) {
      expect(measured).toContainEqual(text);
    }
  });
});

describe("reflow: 320 CSS px wide, nothing scrolls sideways", () => {
  it.each(PAGES)("the %s page", async (_, url) => {
    const page = await open(url, { viewport: { width: 320, height: 640 } });
    expect(sideways(await readOverflow(page))).toEqual(FITS);
  });

  it("an article with a 300-character word and a long unbroken headline still fits", async () => {
    session = await sessions.open({ viewport: { width: 320, height: 640 } });
    const long = "https://example.org/" + "a-very-long-path-segment".repeat(12);
    const url = await serveVariant(session.page, "articles/long-words/", (html) =>
      html
        .replace(/<h1([^>]*)>[^<]*<\/h1>/u, `<h1$1>${"Ratification".repeat(8)}</h1>`)
        .replace(
          '<p dir="auto">',
          `<p dir="auto">${"W".repeat(300)}</p><p dir="auto">${long}</p><p dir="auto">`,
        ),
    );
    await session.page.goto(url);
    expect(sideways(await readOverflow(session.page))).toEqual(FITS);
  });
});

describe("200% zoom", () => {
  // Browser zoom at 200% halves the CSS viewport: a 1280 × 800 window lays out at 640 × 400.
  const zoomed = { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 };

  it.each(PAGES)("the %s page: nothing scrolls sideways", async (_, url) => {
    const page = await open(url, zoomed);
    expect(sideways(await readOverflow(page))).toEqual(FITS);
  });

  it("the article page: the appeal's button can be scrolled to and clicked, and works", async () => {
    const page = await open(siteUrl(ARTICLE_PATH), zoomed);
    const button = page.locator(".appeal-dismiss");
    await button.scrollIntoViewIfNeeded();
    const box = (await button.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(640);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(400);
    // A real click where the button is drawn (no scripted click).
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect(await page.locator("aside.appeal").isVisible()).toBe(false);
  });

  it.each(PAGES)(
    "the %s page with its text alone at double size: nothing scrolls sideways",
    async (_, url) => {
      const page = await open(url);
      const before = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
      await page.evaluate(() => {
        document.documentElement.style.fontSize = "200%";
      });
      const after = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
      expect(after).toBeCloseTo(before * 2, 5);
      expect(sideways(await readOverflow(page))).toEqual(FITS);
    },
  );
});

describe("the checks themselves", () => {
  it("compute WCAG contrast: 21:1 for black on white, 4.54:1 for #767676 on white", () => {
    const white = parseColor("rgb(255, 255, 255)")!;
    expect(contrastRatio(parseColor("rgb(0, 0, 0)")!, white)).toBeCloseTo(21, 5);
    expect(contrastRatio(parseColor("rgb(118, 118, 118)")!, white)).toBeCloseTo(4.54, 2);
    expect(parseColor("rgba(0, 0, 0, 0.5)")).toEqual({ r: 0, g: 0, b: 0, a: 0.5 });
    expect(parseColor("color(srgb 1 0 0 / 0.5)")).toEqual({ r: 255, g: 0, b: 0, a: 0.5 });
    expect(parseColor("oklch(0.5 0.1 100)")).toBeUndefined();
    const overWhite = {
      backgrounds: [{ color: "rgba(0, 0, 0, 0)", image: "none", opacity: "1" }],
      canvas: "rgb(255, 255, 255)",
    };
    // Half-transparent black text on white is mid-grey: about 3.95:1.
    expect(contrastOver("rgba(0, 0, 0, 0.5)", overWhite)).toBeCloseTo(3.95, 1);
  });

  it("catch low-contrast text in light and in dark", async () => {
    for (const [colorScheme, color] of [
      ["light", "#aaaaaa"],
      ["dark", "#555555"],
    ] as const) {
      const page = await open(siteUrl(ARTICLE_PATH), { colorScheme, bypassCSP: true });
      // !important: the component's own rule is scoped, so more specific.
      await breakWithStyle(page, `.dateline { color: ${color} !important }`);
      const problems = await contrastProblems(page);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every((problem) => /^(?:time|p\.dateline) /u.test(problem))).toBe(true);
    }
  });

  it("catch a focus outline that was taken away, or that does not contrast", async () => {
    let page = await open(siteUrl(ARTICLE_PATH), { bypassCSP: true });
    await breakWithStyle(page, ".appeal-dismiss:focus-visible { outline: none }");
    expect((await tabThrough(page)).problems).toEqual([expect.stringMatching(/^button .*no outline/u)]);

    page = await open(siteUrl(), { bypassCSP: true });
    await breakWithStyle(page, ":focus-visible { outline-color: #f0f0f0 }");
    expect((await tabThrough(page)).problems).toContainEqual(expect.stringMatching(/outline contrast/u));

    // An outline that is always there says nothing about focus.
    page = await open(siteUrl(), { bypassCSP: true });
    await breakWithStyle(page, ".site-header a[rel=home] { outline: 3px solid #000 }");
    expect((await tabThrough(page)).problems).toEqual([
      expect.stringMatching(/^a "The Moscow Times": looks the same/u),
    ]);
  });

  it("catch a skip link that is not the first stop", async () => {
    const page = await open(siteUrl(ARTICLE_PATH), { bypassCSP: true });
    await page.evaluate(() => document.querySelector(".skip-link")?.remove());
    expect((await tabThrough(page)).stops[0]).not.toMatch(/Skip to content/u);
  });

  it("catch something wider than the screen at 320 px, and at 200% zoom", async () => {
    for (const width of [320, 640]) {
      const page = await open(siteUrl(ARTICLE_PATH), { viewport: { width, height: 640 } });
      await page.evaluate(() => {
        const wide = document.createElement("p");
        wide.textContent = "A wide element";
        wide.style.width = "700px";
        document.querySelector("article")!.append(wide);
      });
      const overflow = sideways(await readOverflow(page));
      expect(overflow.scrolls).toBe(true);
      expect(overflow.outside).toContainEqual(expect.stringMatching(/^p /u));
    }
  });
});
