import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaticServer } from "../../tools/server.ts";
import { renderCaseSlug, renderCases } from "../fixtures/corpus.ts";
import { hostileSite } from "../support/fixture.ts";
import { useSessions } from "./support/harness.ts";
import { EXECUTABLE_SCRIPT } from "../support/scripts.ts";

// The hostile corpus built into a site and opened in Chromium: no source text
// may run as script, and every hostile string must read back as text.
const sessions = useSessions();
let server: StaticServer;

beforeAll(async () => {
  server = await hostileSite.serve();
});

afterAll(async () => {
  await server?.close();
});

describe("hostile sources in a real browser", () => {
  it.each(renderCases.map((c, index) => [c.name, index] as const))(
    "%s: runs nothing, shows the text",
    async (_, index) => {
      const { headline, paragraphs } = renderCases[index]!;
      const session = await sessions.open();
      const dialogs: string[] = [];
      session.page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await session.page.goto(new URL(`articles/${renderCaseSlug(index)}/`, server.url).href);
      const recorded = await session.recorded();

      const shown = await session.page.evaluate(
        (selector) => ({
          title: document.title,
          headline: document.querySelector("h1")?.textContent,
          paragraphs: [...document.querySelectorAll("article > p")].map((p) => p.textContent),
          injected: [...document.querySelectorAll(`${selector}, img, iframe, object, embed`)].filter(
            (node) => node.textContent?.includes("alert(") || node.hasAttribute("onerror"),
          ).length,
        }),
        EXECUTABLE_SCRIPT,
      );
      expect(dialogs).toEqual([]);
      expect(recorded.csp).toEqual([]);
      expect(session.console).toEqual([]);
      expect(shown.injected).toBe(0);
      expect(shown.title.startsWith(`\u2068${headline}\u2069`)).toBe(true);
      expect(shown.headline).toBe(headline);
      expect(shown.paragraphs).toEqual(paragraphs);
    },
  );
});

describe("the feed of hostile sources", () => {
  /** The browser's own strict XML parser: the error it reports, or null for well-formed XML. */
  const xmlError = async (xml: string) => {
    const session = await sessions.open();
    return session.page.evaluate(
      (text) =>
        new DOMParser().parseFromString(text, "application/xml").querySelector("parsererror")?.textContent ??
        null,
      xml,
    );
  };

  it("is well-formed XML", async () => {
    expect(await xmlError(await hostileSite.readFile("rss.xml"))).toBeNull();
  });

  it("would be caught if it were not (a noncharacter, an unescaped <)", async () => {
    const xml = await hostileSite.readFile("rss.xml");
    expect(await xmlError(xml.replace("<title>", "<title>\uFFFF"))).not.toBeNull();
    expect(await xmlError(xml.replace("<title>", "<title><"))).not.toBeNull();
  });
});
