import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKiwixServe, type KiwixServer } from "../../tools/kiwixServe.ts";
import { ownSite } from "../support/fixture.ts";
import { ROOT } from "../support/paths.ts";
import { SOURCE } from "../support/sources.ts";
import { appealShown, useSessions } from "./support/harness.ts";

// The site's ZIM file read in Chromium through kiwix-serve, which wraps each
// page in its own toolbar: the snooze script must still run under the page's
// CSP, and "Remind me later." must still hide the appeal across reloads.

const sessions = useSessions();
let work: string;
let started: KiwixServer | Error;
const server = () => {
  if (started instanceof Error) throw started;
  return started;
};
const articleUrl = () => new URL(`the-moscow-times/articles/${SOURCE.slug}/index.html`, server().url).href;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "plain-news-kiwix-"));
  const result = spawnSync(
    process.execPath,
    [join(ROOT, "scripts/package.ts"), "--dist", ownSite.outDir, "--outDir", work],
    { cwd: ROOT, encoding: "utf8" },
  );
  started =
    result.status === 0
      ? await startKiwixServe([join(work, "the-moscow-times.zim")]).catch((error: Error) => error)
      : new Error(`npm run package failed:\n${result.stdout}${result.stderr}`);
});

afterAll(async () => {
  if (!(started instanceof Error)) await started.close();
  await rm(work, { recursive: true, force: true });
});

describe("an article read through kiwix-serve", () => {
  it("runs the snooze script under the page's CSP, which blocks nothing, kiwix-serve's toolbar included", async () => {
    const session = await sessions.open();
    await session.page.goto(articleUrl());
    expect(await session.page.evaluate(() => document.documentElement.classList.contains("js"))).toBe(true);
    expect(await appealShown(session.page)).toBe(true);
    // Nothing is blocked: not the page, nor kiwix-serve's toolbar, whose images
    // (its /skin/ files) come from the page's own origin, as img-src 'self' allows.
    expect(session.console.filter((message) => /Content Security Policy/iu.test(message))).toEqual([]);
    const toolbarImages = session.requests.filter((url) => /^[^?]*\/skin\/[^?]*\.png(\?|$)/u.test(url));
    expect(toolbarImages.length).toBeGreaterThan(0);
  });

  it('hides the appeal on "Remind me later.", and still after a reload', async () => {
    const session = await sessions.open();
    await session.page.goto(articleUrl());
    await session.page.getByRole("button", { name: "Remind me later." }).click();
    expect(await appealShown(session.page)).toBe(false);
    await session.page.reload();
    expect(await appealShown(session.page)).toBe(false);
  });
});
