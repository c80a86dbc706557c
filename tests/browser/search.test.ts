import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe.ts";
import { STRINGS, type Lang } from "../../src/lib/strings.ts";
import { generateArticle, toPlainText, writeCorpus } from "../../tools/corpus.ts";
import type { StaticServer } from "../../tools/server.ts";
import { loadFixture } from "../support/fixture.ts";
import { ROOT } from "../support/paths.ts";
import { type Session, useSessions } from "./support/harness.ts";

// Search on a generated 10,000-article archive, built (and indexed) as
// `npm run build` does, served with gzip on a loopback port.
const ARTICLES = Number(process.env["SEARCH_TEST_ARTICLES"] ?? 10_000);
/** Planted in one article's body, in an English and a Russian (Cyrillic) form. */
const PLANTED = { en: "Quokkavale", ru: "Квокковалье" };
const NO_MATCH = "zyxwqvjkh";
/**
 * A Russian edition beside the generated archive: a few articles, one of them
 * with the word "водохранилищах" (reservoirs, prepositional plural), which the
 * test looks for as "водохранилище", another form of it: Pagefind's Russian
 * stemmer makes both "водохранилищ".
 */
const RUSSIAN_ARTICLES = [
  {
    title: "Засуха на юге России оставила без воды несколько районов",
    section: "Новости",
    paragraphs: [
      "Уровень воды в водохранилищах Ставропольского края упал до рекордно низкого значения.",
      "Власти региона ввели режим чрезвычайной ситуации в трёх районах.",
    ],
  },
  {
    title: "Центробанк сохранил ключевую ставку",
    section: "Экономика",
    paragraphs: ["Банк России оставил ставку без изменений, сославшись на замедление инфляции."],
  },
  {
    title: "В Казани открылся фестиваль документального кино",
    section: "Культура",
    paragraphs: ["Фестиваль продлится неделю; показы пройдут в Казани и ещё в десяти городах России."],
  },
];
const RUSSIAN_WORD = { written: "водохранилищах", searched: "водохранилище" };

let work: string;
let dist: string;
let server: StaticServer;
/** The one article holding each planted word, as the sources say. */
let planted: { slug: string; title: string };
/** The one Russian article holding RUSSIAN_WORD. */
let russian: { slug: string; title: string };

const sessions = useSessions();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "plain-news-search-"));
  await writeCorpus(work, ARTICLES);
  const folder = join(work, "content", "articles");
  const names = (await readdir(folder)).sort();
  // Planted in the middle of the archive, after the first paragraph.
  const target = join(folder, names[Math.floor(names.length / 2)]!);
  const lines = (await readFile(target, "utf8")).split("\n");
  const body = lines.indexOf("---", 1) + 1;
  lines[body + 1] = `${lines[body + 1]} Locals call it ${PLANTED.en}, or ${PLANTED.ru}.`;
  await writeFile(target, lines.join("\n"));
  // Which articles hold each word, from the source files alone.
  const holders = (word: string) =>
    Promise.all(
      names.map(async (name) =>
        (await readFile(join(folder, name), "utf8")).toLowerCase().includes(word.toLowerCase())
          ? name
          : undefined,
      ),
    ).then((found) => found.filter(Boolean));
  for (const word of [...Object.values(PLANTED), NO_MATCH]) {
    expect(await holders(word), word).toHaveLength(word === NO_MATCH ? 0 : 1);
  }
  const title = /^title: (.*)$/mu.exec(lines.join("\n"))?.[1];
  planted = { slug: target.slice(folder.length + 1, -".txt".length), title: JSON.parse(title ?? "null") };
  // The Russian edition: the generator's dates and credits, Russian words, and the edition's appeal.
  await copyFile(
    join(ROOT, "src/content/appeals/moscow-times-ru.txt"),
    join(work, "content", "appeals", "moscow-times-ru.txt"),
  );
  const russianSlugs = await Promise.all(
    RUSSIAN_ARTICLES.map(async (article, index) => {
      const generated = generateArticle(ARTICLES + index);
      const slug = `ru-${generated.slug}`;
      const text = toPlainText({ ...generated, ...article, tags: ["Россия"] }).replace(
        /^---$/mu,
        () => "---\nedition: ru",
      );
      await writeFile(join(folder, `${slug}.txt`), text);
      return slug;
    }),
  );
  const holding = RUSSIAN_ARTICLES.flatMap((article, index) =>
    article.paragraphs.some((line) => line.includes(RUSSIAN_WORD.written.slice(0, -2))) ? [index] : [],
  );
  expect(holding).toEqual([0]);
  russian = { slug: russianSlugs[0]!, title: RUSSIAN_ARTICLES[0]!.title };
  const site = loadFixture({ name: "search-site", content: join(work, "content") });
  dist = site.outDir;
  await site.build();
  server = await site.serve();
}, 600_000);

afterAll(async () => {
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

const url = (path = "") => new URL(path, server.url).href;

/** The search page, ready: its form shown once the index has loaded. */
async function openSearch(options: Parameters<typeof sessions.open>[0] = {}): Promise<Session> {
  const session = await sessions.open(options);
  await session.page.goto(url("search/"));
  await session.page.locator("#search-form").waitFor({ state: "visible" });
  return session;
}

async function search(page: Page, query: string, lang: Lang = "en"): Promise<string> {
  await page.getByLabel(STRINGS[lang].searchQueryLabel).fill(query);
  const status = page.getByRole("status");
  const before = await status.textContent();
  await page.getByRole("button", { name: STRINGS[lang].search }).click();
  // A new message: the query's (no two queries of a test say the same).
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).not.toBe(before);
  return (await status.textContent()) ?? "";
}

/** CSP violations the page saw, or that Chromium reported on its console. */
async function violations(session: Session): Promise<string[]> {
  const { csp } = await session.recorded();
  return [...csp, ...session.console.filter((line) => /Content Security Policy/iu.test(line))];
}

describe(`search over ${ARTICLES} articles`, () => {
  it("finds the one article that has a word first, linked, with its date and an excerpt", async () => {
    const session = await openSearch();
    const { page } = session;
    expect(await search(page, PLANTED.en)).toBe(`1 article matches “${PLANTED.en}”.`);
    const first = page.locator("#search-results > li").first();
    const link = first.locator("h2 a");
    expect(await link.textContent()).toBe(planted.title);
    expect(new URL((await link.getAttribute("href"))!, page.url()).href).toBe(
      url(`articles/${planted.slug}/`),
    );
    expect(await first.locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}T/u);
    // Pagefind marks the word as written, with the punctuation that follows it.
    expect(await first.locator("mark").first().textContent()).toMatch(new RegExp(`^${PLANTED.en}\\b`, "u"));
    expect(await violations(session)).toEqual([]);
  });

  it("finds it by its Russian word too", async () => {
    const { page } = await openSearch();
    expect(await search(page, PLANTED.ru)).toBe(`1 article matches “${PLANTED.ru}”.`);
    expect(await page.locator("#search-results h2 a").first().textContent()).toBe(planted.title);
  });

  it("finds, on ru/search/, the Russian article with another form of a Russian word, and says so in Russian", async () => {
    const session = await sessions.open();
    const { page } = session;
    await page.goto(url("ru/search/"));
    await page.locator("#search-form").waitFor({ state: "visible" });
    expect(await page.locator("html").getAttribute("lang")).toBe("ru");
    const { one } = STRINGS.ru.searchMatches;
    expect(await search(page, RUSSIAN_WORD.searched, "ru")).toBe(
      one!.replace("{query}", RUSSIAN_WORD.searched).replace("{count}", "1"),
    );
    const links = page.locator("#search-results h2 a");
    expect(await links.count()).toBe(1);
    expect(await links.first().textContent()).toBe(russian.title);
    expect(new URL((await links.first().getAttribute("href"))!, page.url()).href).toBe(
      url(`ru/articles/${russian.slug}/`),
    );
    // A word in each of the three, stemmed as well ("России" in them): Russian's "few" form.
    expect(RUSSIAN_ARTICLES.every((article) => JSON.stringify(article).includes("России"))).toBe(true);
    expect(await search(page, "Россия", "ru")).toBe(
      STRINGS.ru.searchMatches.few!.replace("{query}", "Россия").replace("{count}", "3"),
    );
    // The Russian index only: the English planted word is not in it.
    expect(await search(page, PLANTED.en, "ru")).toBe(
      STRINGS.ru.searchNoMatch.replace("{query}", PLANTED.en),
    );
    expect(await violations(session)).toEqual([]);
  });

  it.each([
    ["the planted word", PLANTED.en],
    ["a word in most articles", "sanctions"],
  ])("fetches at most 300 KB for a query for %s: bundle, index and fragments together", async (_, query) => {
    const start = server.requests.length;
    const { page } = await openSearch();
    await search(page, query);
    // Everything from pagefind/ since the page opened, as the server sent it: Pagefind's
    // index files are gzip already, and the server gzips its scripts.
    const fetched = server.requests.slice(start).filter((path) => path.startsWith("/pagefind/"));
    expect(fetched).toContain("/pagefind/pagefind.js");
    let bytes = 0;
    for (const path of fetched) {
      const content = await readFile(join(dist, decodeURIComponent(path)));
      bytes += path.endsWith(".js") || path.endsWith(".json") ? gzipSync(content).length : content.length;
    }
    console.log(`query "${query}": ${fetched.length} files from pagefind/, ${bytes} bytes sent`);
    expect(bytes).toBeLessThanOrEqual(300_000);
  });

  it("works without Web Workers, on Pagefind's main thread, which is what 'wasm-unsafe-eval' is for", async () => {
    const start = server.requests.length;
    const session = await sessions.open();
    // Chromium runs Pagefind's WebAssembly in its worker, outside the page's policy; without
    // workers (or when the worker fails) Pagefind compiles it on the page itself.
    await session.context.addInitScript(() => {
      Reflect.deleteProperty(window, "Worker");
    });
    await session.page.goto(url("search/"));
    await session.page.locator("#search-form").waitFor({ state: "visible" });
    expect(await search(session.page, PLANTED.en)).toBe(`1 article matches “${PLANTED.en}”.`);
    expect(server.requests.slice(start)).toContain("/pagefind/wasm.en.pagefind");
    expect(server.requests.slice(start)).not.toContain("/pagefind/pagefind-worker.js");
    expect(await violations(session)).toEqual([]);
  });

  it("says in the live region when nothing matches", async () => {
    const { page } = await openSearch();
    expect(await search(page, NO_MATCH)).toBe(`No articles match “${NO_MATCH}”.`);
    expect(await page.locator("#search-results > li").count()).toBe(0);
  });

  it("narrows results to a section", async () => {
    const { page } = await openSearch();
    await page.getByLabel("Section").selectOption("Climate");
    await search(page, "sanctions");
    const links = await page
      .locator("#search-results h2 a")
      .evaluateAll((found) => found.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) {
      const html = await (await fetch(href)).text();
      expect(html, href).toContain('property="article:section" content="Climate"');
    }
  });

  it("opens the article when a result is clicked, and no page along the way breaks the policy", async () => {
    const session = await openSearch();
    const { page } = session;
    await search(page, PLANTED.en);
    await page.locator("#search-results h2 a").first().click();
    await page.waitForURL(url(`articles/${planted.slug}/`));
    expect(await page.locator("article h1").textContent()).toBe(planted.title);
    expect(await violations(session)).toEqual([]);
    await page.goto(url());
    expect(await violations(session)).toEqual([]);
  });

  it("works from the keyboard alone: header link, query, Enter, Tab to a result, Enter", async () => {
    const { page } = await sessions.open();
    await page.goto(url());
    const focused = () =>
      page.evaluate(() => document.activeElement?.textContent?.trim() || document.activeElement?.id);
    for (const expected of ["Skip to content", "The Moscow Times", "Search"]) {
      await page.keyboard.press("Tab");
      expect(await focused()).toBe(expected);
    }
    await page.keyboard.press("Enter");
    await page.waitForURL(url("search/index.html"));
    await page.locator("#search-form").waitFor({ state: "visible" });
    const stops: (string | undefined)[] = [];
    while (stops.length < 5 && stops.at(-1) !== "search-query") {
      await page.keyboard.press("Tab");
      stops.push(await focused());
    }
    expect(stops).toEqual(["Skip to content", "The Moscow Times", "Search", "search-query"]);
    await page.keyboard.type(PLANTED.en);
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.getByRole("status").textContent(), { timeout: 30_000 })
      .toMatch(/1 article matches/u);
    for (let i = 0; i < 3; i += 1) await page.keyboard.press("Tab");
    expect(await focused()).toBe(planted.title);
    await page.keyboard.press("Enter");
    await page.waitForURL(url(`articles/${planted.slug}/`));
  });

  it.each(["light", "dark"] as const)(
    "is axe-clean in %s mode, before and after a search",
    async (colorScheme) => {
      const { page } = await openSearch({ colorScheme });
      expect(await axeViolations(page)).toEqual([]);
      await search(page, "sanctions");
      expect(await axeViolations(page)).toEqual([]);
    },
  );
});

describe("the search page where search cannot work", () => {
  const unavailable = async (page: Page) => ({
    note: await page.locator("#search-unavailable").isVisible(),
    form: await page.locator("#search-form").isVisible(),
    links: await page
      .locator("#search-unavailable a")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href"))),
  });
  const expected = {
    note: true,
    form: false,
    links: [
      "../index.html",
      "../sections/index.html",
      "../tags/index.html",
      "../archive/index.html",
      "../rss.xml",
    ],
  };

  it("says so without JavaScript, and shows no form", async () => {
    const { page } = await sessions.open({ javaScriptEnabled: false });
    await page.goto(url("search/"));
    expect(await unavailable(page)).toEqual(expected);
  });

  it("says so opened from disk, where the index cannot be fetched, and shows no form", async () => {
    const { page } = await sessions.open();
    await page.goto(pathToFileURL(join(dist, "search/index.html")).href);
    // Give the script its chance to fail.
    await page.waitForLoadState("load");
    await page.waitForTimeout(500);
    expect(await unavailable(page)).toEqual(expected);
  });
});
