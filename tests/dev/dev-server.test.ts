import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { dev } from "astro";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GUIDE, SOURCE } from "../support/sources.ts";
import { OUTPUT, ROOT } from "../support/paths.ts";

// `astro dev` on a copy of the site's content: editing a file changes what is
// served without a restart, and a broken file shows Astro's error overlay
// with the file and line until it is fixed. The copy lives below the project
// root, where Astro's overlay reads the lines around an error.

type DevServer = Awaited<ReturnType<typeof dev>>;

let server: DevServer;
let contentDir: string;
let viteCacheDir: string;
let origin: string;
const savedEnv = { ...process.env };

const articleFile = () => join(contentDir, "articles", `${SOURCE.slug}.txt`);
const appealFile = () => join(contentDir, "appeals", "moscow-times.txt");

beforeAll(async () => {
  contentDir = await mkdtemp(join(OUTPUT, "dev-content-"));
  viteCacheDir = await mkdtemp(join(OUTPUT, "dev-vite-"));
  await cp(join(ROOT, "src/content"), contentDir, { recursive: true });
  Object.assign(process.env, {
    CONTENT_DIR: contentDir,
    ASTRO_TELEMETRY_DISABLED: "1",
    ASTRO_DISABLE_UPDATE_CHECK: "true",
  });
  // Astro leaves out its page server when it sees VITEST (it assumes a unit
  // test of components); this test wants the real thing.
  delete process.env["VITEST"];
  server = await dev({
    root: ROOT,
    logLevel: "silent",
    server: { host: "127.0.0.1", port: 0 },
    // Its own dependency cache, so that it never disturbs a developer's `npm run dev`.
    vite: { logLevel: "silent", cacheDir: viteCacheDir },
  });
  process.env["VITEST"] = savedEnv["VITEST"];
  origin = `http://127.0.0.1:${server.address.port}`;
});

afterAll(async () => {
  await server?.stop();
  process.env = savedEnv;
  await rm(contentDir, { recursive: true, force: true });
  await rm(viteCacheDir, { recursive: true, force: true });
});

async function get(path: string): Promise<{ status: number; $: cheerio.CheerioAPI }> {
  const response = await fetch(new URL(path, origin));
  return { status: response.status, $: cheerio.load(await response.text()) };
}

/** Polls until `check` passes: the watcher reacts to a save within moments, not at once. */
async function eventually<T>(check: () => Promise<T>, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}

async function edit(path: string, change: (text: string) => string): Promise<void> {
  const before = await readFile(path, "utf8");
  const after = change(before);
  expect(after).not.toBe(before);
  await writeFile(path, after);
}

const articlePage = `/articles/${SOURCE.slug}/`;
const paragraphs = ($: cheerio.CheerioAPI) =>
  $("article > p")
    .map((_, p) => $(p).text())
    .get();

/** The next error Vite's client would show in its overlay, as a browser tab receives it. */
function nextOverlayError(): Promise<{
  message: string;
  loc: { file: string; line: number };
  frame: string;
}> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.address.port}/`, "vite-hmr");
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error("no error reached the overlay"));
    }, 20_000);
    socket.addEventListener("open", () => void fetch(new URL(articlePage, origin)));
    socket.addEventListener("message", (event) => {
      const payload = JSON.parse(String(event.data));
      if (payload.type !== "error") return;
      clearTimeout(timer);
      socket.close();
      resolve(payload.err);
    });
    socket.addEventListener("error", () => reject(new Error("could not connect to the dev server's socket")));
  });
}

describe("astro dev", () => {
  it("serves the article and the home page from the content folder", async () => {
    const article = await get(articlePage);
    expect(article.status).toBe(200);
    expect(paragraphs(article.$)).toEqual(SOURCE.articleLines);
    const home = await get("/");
    expect(
      home
        .$("main ol h2")
        .map((_, h2) => home.$(h2).text())
        .get(),
    ).toEqual([GUIDE.headline, SOURCE.headline]);
  });

  it("serves a changed paragraph after the file is saved", async () => {
    const changed = "A paragraph rewritten while the dev server runs.";
    await edit(articleFile(), (text) => text.replace(SOURCE.articleLines[1]!, changed));
    await eventually(async () => {
      expect(paragraphs((await get(articlePage)).$)[1]).toBe(changed);
    });
  });

  it("updates the store: a changed headline reaches the home page, which reads nothing else", async () => {
    const headline = "A Headline Changed in the Source File";
    await edit(articleFile(), (text) => text.replace(`title: ${SOURCE.headline}`, `title: ${headline}`));
    await eventually(async () => {
      const { $ } = await get("/");
      expect($("main ol h2").last().text()).toBe(headline);
    });
  });

  it("serves a changed appeal after its file is saved", async () => {
    const changed = "Dear readers and friends,";
    await edit(appealFile(), (text) => text.replace("Dear readers,", changed));
    await eventually(async () => {
      const { $ } = await get(articlePage);
      expect($("aside p").first().text()).toBe(changed);
    });
  });

  it("shows Astro's error, naming the file and line, on every page while a file is broken", async () => {
    await edit(articleFile(), (text) => text.replace("published: 2023-10-11T", "published: 2023-13-11T"));
    await eventually(async () => {
      expect((await get(articlePage)).status).toBe(500);
      expect((await get("/")).status).toBe(500);
    });
    const error = await nextOverlayError();
    const shownFile = relative(process.cwd(), articleFile());
    expect(error.message).toContain(`${shownFile}:3:`);
    expect(error.message).toContain("published");
    expect(error.loc).toMatchObject({ file: articleFile(), line: 3 });
    // The overlay quotes the broken line of the source file.
    expect(error.frame).toContain("published: 2023-13-11T12:00:00+03:00");
  });

  it("recovers when the file is fixed", async () => {
    await edit(articleFile(), (text) => text.replace("published: 2023-13-11T", "published: 2023-10-11T"));
    await eventually(async () => {
      const article = await get(articlePage);
      expect(article.status).toBe(200);
      expect(article.$("article time").first().attr("datetime")).toBe(SOURCE.published);
      expect((await get("/")).status).toBe(200);
    });
  });

  // What a build refuses, `astro dev` reports the same way when it appears while the server runs.
  it.each([
    ["a stray file", "notes.md", (path: string) => writeFile(path, "Notes."), "not a .txt file"],
    [
      "a folder named like an article",
      "folder.txt",
      (path: string) => mkdir(path),
      "is a folder, not a file",
    ],
  ])("shows %s added while it runs, then recovers when it goes", async (_, name, add, problem) => {
    const path = join(contentDir, "articles", name);
    await add(path);
    await eventually(async () => {
      expect((await get(articlePage)).status).toBe(500);
    });
    // Vite may first hand a new socket the last error it buffered: wait for this one.
    await eventually(async () => {
      const error = await nextOverlayError();
      expect(error.message).toContain(`${relative(process.cwd(), path)}:1: ${problem}`);
    });
    await rm(path, { recursive: true });
    await eventually(async () => {
      expect((await get(articlePage)).status).toBe(200);
      expect((await get("/")).status).toBe(200);
    });
  });
});
