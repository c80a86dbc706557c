import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaticServer } from "../../tools/server.ts";
import { loadFixture } from "../support/fixture.ts";
import { useSessions } from "./support/harness.ts";

// A headline may leave bidi controls open (a right-to-left override, an
// embedding) or be right-to-left itself. In the tab title it is joined with
// the site's name, which must still read left to right after it: the
// headline is isolated there, and its own text stays exactly as written.
const SITE_NAME = "The Moscow Times";
const headlines = {
  override: "\u202EThe headline",
  embedding: "\u202Bأخبار اليوم",
  "right-to-left": "مرحبا بالعالم",
};
const sessions = useSessions();
let server: StaticServer;

beforeAll(async () => {
  const articles = Object.fromEntries(
    Object.entries(headlines).map(([slug, title]) => [
      `${slug}.txt`,
      `---\ntitle: ${JSON.stringify(title)}\npublished: 2023-10-11T12:00:00+03:00\n---\nBody.`,
    ]),
  );
  const site = loadFixture({ name: "bidi-title", content: { articles } });
  await site.build();
  server = await site.serve({ gzip: false });
});

afterAll(async () => {
  await server?.close();
});

/**
 * Lays a title out in the page, left to right as a tab shows it, and returns
 * the left edge of each character of the site's name in it.
 */
function siteNameEdges([title, name]: readonly [string, string]): number[] {
  const line = document.createElement("div");
  line.dir = "ltr";
  line.style.whiteSpace = "pre";
  line.style.position = "absolute";
  line.textContent = title;
  document.body.append(line);
  const text = line.firstChild as Text;
  const start = title.lastIndexOf(name);
  const edges = [...name].map((_, index) => {
    const range = document.createRange();
    range.setStart(text, start + index);
    range.setEnd(text, start + index + 1);
    return range.getBoundingClientRect().left;
  });
  line.remove();
  return edges;
}

const isIncreasing = (values: readonly number[]) =>
  values.every((value, i) => i === 0 || value > values[i - 1]!);

describe("a headline with open bidi controls in the tab title", () => {
  it.each(Object.entries(headlines))(
    "%s: the site's name after it still reads left to right",
    async (slug, headline) => {
      const session = await sessions.open();
      await session.page.goto(new URL(`articles/${slug}/`, server.url).href);
      const title = await session.page.title();
      // The headline exactly, in an isolate (U+2068 … U+2069), then the site's name.
      expect(title).toBe(`\u2068${headline}\u2069 - ${SITE_NAME}`);
      expect(await session.page.locator("h1").textContent()).toBe(headline);

      const edges = await session.page.evaluate(siteNameEdges, [title, SITE_NAME] as const);
      expect(isIncreasing(edges), `left edges: ${edges.join(", ")}`).toBe(true);
      if (slug === "override") {
        // The same join without the isolate: the override reverses the name (what the test would catch).
        const bare = await session.page.evaluate(siteNameEdges, [
          `${headline} - ${SITE_NAME}`,
          SITE_NAME,
        ] as const);
        expect(isIncreasing(bare.toReversed()), `left edges: ${bare.join(", ")}`).toBe(true);
      }
    },
  );
});
