import type { Page } from "playwright-core";
import type { Layers } from "./contrast.ts";

// What a browser measures on a page, read with getComputedStyle and layout
// boxes. Each function given to page.evaluate runs in the page, so it is
// self-contained.

/** A rendered element that holds text of its own, with the colours it is painted in. */
export interface TextSample {
  /** e.g. `p.dateline "11 October 2023"`. */
  readonly where: string;
  readonly color: string;
  readonly layers: Layers;
}

/** The colour the page is painted on where nothing else is (the Canvas system colour, light or dark). */
function readCanvas(page: Page): Promise<string> {
  return page.evaluate(() => {
    const probe = document.createElement("div");
    probe.style.backgroundColor = "Canvas";
    document.body.append(probe);
    const canvas = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return canvas;
  });
}

/** Every rendered element with text of its own (not only its children's), and its colours. */
export async function readTextColours(page: Page): Promise<TextSample[]> {
  const canvas = await readCanvas(page);
  return page.evaluate((canvas) => {
    const samples = [];
    for (const element of document.body.querySelectorAll("*")) {
      const text = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? "")
        .join("")
        .trim();
      // Not rendered (display: none, e.g. a script, or the appeal once snoozed): not read by anyone.
      if (text === "" || !element.checkVisibility({ visibilityProperty: true })) continue;
      const backgrounds = [];
      for (let node: Element | null = element; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        backgrounds.push({
          color: style.backgroundColor,
          image: style.backgroundImage,
          opacity: style.opacity,
        });
      }
      const name = element.tagName.toLowerCase() + [...element.classList].map((c) => `.${c}`).join("");
      samples.push({
        where: `${name} ${JSON.stringify(text.slice(0, 40))}`,
        color: getComputedStyle(element).color,
        layers: { backgrounds, canvas },
      });
    }
    return samples;
  }, canvas);
}

/** The focused element's outline and shadow, and the layers behind it (its parent's). */
export interface FocusSample {
  readonly where: string;
  readonly outlineStyle: string;
  readonly outlineWidth: number;
  readonly outlineColor: string;
  readonly boxShadow: string;
  readonly behind: Layers;
}

/** The element that has focus now, or null when focus is on `<body>` or nowhere. */
export async function readFocus(page: Page): Promise<FocusSample | null> {
  const canvas = await readCanvas(page);
  return page.evaluate((canvas) => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const backgrounds = [];
    for (let node = element.parentElement; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      backgrounds.push({
        color: style.backgroundColor,
        image: style.backgroundImage,
        opacity: style.opacity,
      });
    }
    const style = getComputedStyle(element);
    return {
      where: `${element.tagName.toLowerCase()} ${JSON.stringify((element.textContent ?? "").trim().slice(0, 40))}`,
      outlineStyle: style.outlineStyle,
      outlineWidth: Number.parseFloat(style.outlineWidth),
      outlineColor: style.outlineColor,
      boxShadow: style.boxShadow,
      behind: { backgrounds, canvas },
    };
  }, canvas);
}

/** Elements a reader can Tab to, in document order, as a selector would find them (rendered ones). */
export function countFocusable(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [
        ...document.querySelectorAll(
          'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])',
        ),
      ].filter((element) => element.checkVisibility({ visibilityProperty: true })).length,
  );
}

/** Horizontal overflow: the page's scroll width against its viewport, and text boxes that stick out. */
export interface Overflow {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  /** Rendered elements with text whose box reaches past the left or right edge of the viewport. */
  readonly outside: string[];
}

export function readOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const outside = [];
    for (const element of document.body.querySelectorAll("*")) {
      if (!element.checkVisibility() || (element.textContent ?? "").trim() === "") continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0) continue;
      if (box.left < -0.5 || box.right > root.clientWidth + 0.5) {
        outside.push(`${element.tagName.toLowerCase()} ${Math.round(box.left)}–${Math.round(box.right)}`);
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, outside };
  });
}
