import { constants } from "node:fs";
import { access } from "node:fs/promises";
import { delimiter, join } from "node:path";

/** Where the Chromium for the browser tests and the audit came from. */
export type ChromiumSource = "CHROME_PATH" | "@sparticuz/chromium" | "system";

export interface ChromiumExecutable {
  readonly path: string;
  readonly source: ChromiumSource;
}

/** How to get a browser, for the message of a test that found none. */
export const NO_CHROMIUM_HELP = [
  "No Chromium was found to run the browser tests.",
  "- Run `npm install` (or `npm ci`) on Linux x64: the devDependency @sparticuz/chromium carries one; or",
  "- set CHROME_PATH to a Chrome or Chromium executable, e.g. CHROME_PATH=/usr/bin/chromium npm test; or",
  "- install one from your system's packages, e.g. `apt-get install chromium`.",
].join("\n");

export class ChromiumNotFoundError extends Error {
  constructor(tried: readonly string[]) {
    super(`${NO_CHROMIUM_HELP}\nTried:\n${tried.map((line) => `  ${line}`).join("\n")}`);
    this.name = "ChromiumNotFoundError";
  }
}

/** System browsers, looked up on PATH, in this order. */
const SYSTEM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];

let found: Promise<ChromiumExecutable> | undefined;

/**
 * Finds a Chromium, in this order: `CHROME_PATH` when set (it must exist),
 * then the browser inside the npm package `@sparticuz/chromium` (Linux x64
 * only; unpacked once into the temp folder), then a system Chrome or Chromium
 * on PATH. Rejects with {@link ChromiumNotFoundError}, which says how to get
 * one, when there is none. Never downloads anything. Looks once per process.
 */
export function findChromium(): Promise<ChromiumExecutable> {
  found ??= resolveChromium();
  return found;
}

export interface ChromiumLookup {
  readonly env?: NodeJS.ProcessEnv;
  readonly platform?: NodeJS.Platform;
  readonly arch?: string;
}

/** {@link findChromium} without the memory, for a given environment and platform. */
export async function resolveChromium(lookup: ChromiumLookup = {}): Promise<ChromiumExecutable> {
  const { env = process.env, platform = process.platform, arch = process.arch } = lookup;
  const tried: string[] = [];
  const fromEnv = env["CHROME_PATH"];
  if (fromEnv) {
    if (await isExecutable(fromEnv)) return { path: fromEnv, source: "CHROME_PATH" };
    // A path set on purpose that does not work is an error, not a reason to use another browser.
    throw new ChromiumNotFoundError([`CHROME_PATH=${fromEnv}: not an executable file`]);
  }
  tried.push("CHROME_PATH: not set");

  if (platform === "linux" && arch === "x64") {
    try {
      const { default: packaged } = await import("@sparticuz/chromium");
      const path = await packaged.executablePath();
      if (await isExecutable(path)) return { path, source: "@sparticuz/chromium" };
      tried.push(`@sparticuz/chromium: ${path} is not executable`);
    } catch (error) {
      tried.push(`@sparticuz/chromium: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    tried.push(`@sparticuz/chromium: only for Linux x64, not ${platform} ${arch}`);
  }

  const folders = (env["PATH"] ?? "").split(delimiter).filter(Boolean);
  for (const name of SYSTEM_NAMES) {
    for (const folder of folders) {
      const path = join(folder, name);
      if (await isExecutable(path)) return { path, source: "system" };
    }
  }
  tried.push(`system: none of ${SYSTEM_NAMES.join(", ")} on PATH`);
  throw new ChromiumNotFoundError(tried);
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
