import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startKiwixServe, type KiwixServer } from "../../tools/kiwixServe.ts";
import { SOURCE } from "../support/fixtures.ts";
import { ROOT } from "../support/site.ts";
import { appealShown, useSessions } from "./harness.ts";

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
    [join(ROOT, "scripts/package.ts"), "--dist", inject("siteDist"), "--outDir", work],
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
  it("runs the snooze script under the page's CSP, which blocks nothing of the page", async () => {
    const session = await sessions.open();
    await session.page.goto(articleUrl());
    expect(await session.page.evaluate(() => document.documentElement.classList.contains("js"))).toBe(true);
    expect(await appealShown(session.page)).toBe(true);
    // The policy blocks only images of kiwix-serve's own toolbar (its /skin/ files; the
    // policy has no img-src): nothing of the page itself.
    const violations = session.console.filter((message) => /Content Security Policy/iu.test(message));
    expect(violations.filter((message) => !message.includes(`'${server().url}skin/`))).toEqual([]);
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
