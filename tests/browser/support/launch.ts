import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type LaunchOptions } from "playwright-core";
import { findChromium } from "../../../tools/chromium.ts";

/**
 * Launches headless Chromium ({@link findChromium}) through playwright-core.
 * Options are passed on; `args` are added to the defaults, which keep the
 * browser from reaching out to the network on its own.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const executable = await findChromium();
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  // The packaged browser brings its own fonts; a machine without fontconfig gets those.
  if (executable.source === "@sparticuz/chromium" && !existsSync("/etc/fonts/fonts.conf")) {
    env["FONTCONFIG_PATH"] ??= join(tmpdir(), "fonts");
  }
  return chromium.launch({
    headless: true,
    ...options,
    executablePath: executable.path,
    env: { ...env, ...options.env },
    args: [
      // The test machines have no network: nothing but the page under test may be fetched.
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-domain-reliability",
      "--disable-sync",
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-gpu",
      ...(options.args ?? []),
    ],
  });
}
