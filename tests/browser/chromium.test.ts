import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ChromiumNotFoundError, findChromium, resolveChromium } from "../../tools/chromium.ts";

describe("the browser for these tests", () => {
  // When this fails, its message says how to get a browser; the other browser tests fail with it.
  it("is found on this machine", async () => {
    const found = await findChromium();
    expect(found.path).not.toBe("");
  });

  it("is CHROME_PATH first, when set", async () => {
    const found = await resolveChromium({ env: { CHROME_PATH: process.execPath, PATH: "" } });
    expect(found).toEqual({ path: process.execPath, source: "CHROME_PATH" });
  });

  it("is an error, not another browser, when CHROME_PATH names nothing", async () => {
    await expect(resolveChromium({ env: { CHROME_PATH: "/nonexistent/chrome" } })).rejects.toThrow(
      /CHROME_PATH=\/nonexistent\/chrome: not an executable file/u,
    );
  });

  it("is a system Chromium on PATH when the packaged one does not apply", async () => {
    const folder = await mkdtemp(join(tmpdir(), "fake-chromium-"));
    const fake = join(folder, "chromium");
    await writeFile(fake, "#!/bin/sh\n");
    await chmod(fake, 0o755);
    try {
      const found = await resolveChromium({ env: { PATH: folder }, platform: "darwin", arch: "arm64" });
      expect(found).toEqual({ path: fake, source: "system" });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("fails with a message that says how to get one when there is none", async () => {
    const lookUp = resolveChromium({ env: { PATH: "" }, platform: "darwin", arch: "arm64" });
    await expect(lookUp).rejects.toBeInstanceOf(ChromiumNotFoundError);
    await expect(lookUp).rejects.toThrow(/set CHROME_PATH/u);
    await expect(lookUp).rejects.toThrow(/apt-get install chromium/u);
  });
});
