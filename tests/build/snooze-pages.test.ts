import * as cheerio from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { appealVersion } from "../../src/lib/snooze.ts";
import { loadFixture } from "../support/fixture.ts";
import { EXECUTABLE_SCRIPT } from "../support/scripts.ts";

// A site of four articles: two with the default appeal, one with another
// appeal, one with none. Built once for this file.
const article = (title: string, appeal?: string) =>
  `---\ntitle: ${title}\npublished: 2024-01-02T10:00:00Z\n${appeal ? `appeal: ${appeal}\n` : ""}---\nThe body of ${title}.\n`;

const site = loadFixture({
  name: "snooze-site",
  content: {
    articles: {
      "first.txt": article("First"),
      "second.txt": article("Second"),
      "spring.txt": article("Spring", "spring-drive"),
      "quiet.txt": article("Quiet", "none"),
    },
    appeals: {
      "moscow-times.txt": "Support us:\nPlease give.\nRemind me later.\n",
      "spring-drive.txt": "---\nsnoozeDays: 1\n---\nSpring drive:\nGive this spring.\nNot now.\n",
    },
  },
});

const pages: Record<string, cheerio.CheerioAPI> = {};

beforeAll(async () => {
  await site.build();
  for (const slug of ["first", "second", "spring", "quiet"]) {
    pages[slug] = cheerio.load(await site.readFile(`articles/${slug}/`));
  }
});

const page = (slug: string) => pages[slug]!;
const scriptOf = (slug: string) => page(slug)(EXECUTABLE_SCRIPT).text();
const metaOf = (slug: string) => page(slug)('meta[name="appeal-snooze"]').attr("content");

describe("the snooze script and its settings across pages", () => {
  it("is byte-identical on every page that has an appeal, so the policy needs one hash", () => {
    expect(scriptOf("first")).not.toBe("");
    expect(scriptOf("second")).toBe(scriptOf("first"));
    expect(scriptOf("spring")).toBe(scriptOf("first"));
  });

  it("takes each appeal's id, version and snoozeDays from the <meta> before it", () => {
    const own = appealVersion({
      heading: "Support us:",
      paragraphs: ["Please give."],
      dismissLabel: "Remind me later.",
    });
    expect(metaOf("first")).toBe(`moscow-times ${own} 30`);
    expect(metaOf("second")).toBe(metaOf("first"));
    const spring = appealVersion({
      heading: "Spring drive:",
      paragraphs: ["Give this spring."],
      dismissLabel: "Not now.",
    });
    expect(metaOf("spring")).toBe(`spring-drive ${spring} 1`);
  });

  it("announces each appeal's own snooze length", () => {
    expect(page("first")("#appeal-status").attr("data-message")).toBe(
      "Appeal hidden. It will show again in 30 days.",
    );
    expect(page("spring")("#appeal-status").attr("data-message")).toBe(
      "Appeal hidden. It will show again in 1 day.",
    );
  });

  it("is absent, with its settings and status region, from a page without an appeal; the policy stays", () => {
    const quiet = page("quiet");
    expect(quiet(EXECUTABLE_SCRIPT)).toHaveLength(0);
    expect(quiet('meta[name="appeal-snooze"]')).toHaveLength(0);
    expect(quiet("#appeal-status, aside")).toHaveLength(0);
    expect(quiet('meta[http-equiv="content-security-policy"]').attr("content")).toContain(
      "default-src 'none'",
    );
  });
});
