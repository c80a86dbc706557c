import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { buildError, loadFixture } from "../support/fixture.ts";
import { listSiteFiles } from "../support/links.ts";

// Sections and tags from names in any script, and the error when two
// spellings would share one page: found only once every article is loaded.
const article = (published: string, frontMatter: string, body = "Body.") =>
  `---\ntitle: An article\npublished: ${published}\n${frontMatter}\n---\n${body}`;

describe("a build stops", () => {
  it("at two spellings of one tag, naming both files and the lines of their tags", async () => {
    const message = await buildError({
      name: "browse-two-tag-spellings",
      content: {
        articles: {
          "a.txt": article("2023-10-11T12:00:00Z", "section: News\ntags: [Russia, Kyrgyzstan]"),
          "b.txt": article("2023-10-12T12:00:00Z", "section: News\ndescription: Fine.\ntags:\n  - russia"),
        },
      },
    });
    // Newest first: b.txt is met first, so a.txt is the second spelling.
    expect(message).toMatch(
      /articles\/a\.txt:5: tag "Russia" and "russia" \(.*articles\/b\.txt:6\) would share/u,
    );
  });

  it("at two Unicode forms of one section name, naming both files and lines", async () => {
    const message = await buildError({
      name: "browse-two-section-forms",
      content: {
        articles: {
          "a.txt": article("2023-10-11T12:00:00Z", "section: Caf\u00e9"),
          "b.txt": article("2023-10-12T12:00:00Z", "section: Cafe\u0301"),
        },
      },
    });
    expect(message).toContain('a.txt:4: section "Caf\u00e9" and "Cafe\u0301" (');
    expect(message).toMatch(/articles\/a\.txt:4: .*\(.*articles\/b\.txt:4\) would share one page/u);
  });
});

describe("names in any script", () => {
  it("keep their letters in page folders and percent-encode them in links", async () => {
    const site = loadFixture({
      name: "browse-scripts",
      content: {
        articles: {
          "ru.txt": article("2023-10-11T12:00:00Z", "section: Новости\ntags: [Россия, ایران, Arts and Life]"),
        },
      },
    });
    await site.build();
    const files = await listSiteFiles(site.outDir);
    for (const file of [
      "sections/новости/index.html",
      "tags/россия/index.html",
      "tags/ایران/index.html",
      "tags/arts-and-life/index.html",
      "archive/2023/10/index.html",
    ]) {
      expect(files.has(file), file).toBe(true);
    }
    const $ = cheerio.load(await site.readFile("articles/ru/"));
    expect(
      $('nav[aria-label="Section and tags"] a')
        .map((_, a) => ({ text: $(a).text(), href: $(a).attr("href") }))
        .get(),
    ).toEqual([
      { text: "Новости", href: `../../sections/${encodeURIComponent("новости")}/index.html` },
      { text: "Россия", href: `../../tags/${encodeURIComponent("россия")}/index.html` },
      { text: "ایران", href: `../../tags/${encodeURIComponent("ایران")}/index.html` },
      { text: "Arts and Life", href: "../../tags/arts-and-life/index.html" },
    ]);
  });
});
