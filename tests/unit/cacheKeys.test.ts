import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeFingerprint, digest, SETTINGS_ENV } from "../../src/lib/cacheKeys.ts";
import { ROOT } from "../support/paths.ts";

/**
 * Environment variables a build may read without their being in every page's
 * key: CI only decides whether a missing SITE_URL stops the build, and
 * SEARCH_INDEX whether `pagefind/` is written, which no page shows.
 */
const NOT_SETTINGS = new Set(["CI", "SEARCH_INDEX"]);

/** The names of the environment variables a source file reads. */
function envNames(source: string): string[] {
  const names = [...source.matchAll(/process\.env(?:\.(\w+)|\[["'](\w+)["']\])/g)].map(
    (match) => match[1] ?? match[2],
  );
  for (const [, list] of source.matchAll(/const \{([^}]*)\} = process\.env/g)) {
    names.push(...(list ?? "").split(",").map((item) => item.split("=")[0]?.trim()));
  }
  const viteNames = [...source.matchAll(/import\.meta\.env\.(\w+)/g)].map((match) => match[1]);
  // Astro's own: DEV, PROD, MODE, SSR, BASE_URL and SITE follow the mode and the config.
  return [
    ...names,
    ...viteNames.filter((name) => !["DEV", "PROD", "MODE", "SSR", "BASE_URL", "SITE"].includes(name ?? "")),
  ].filter((name): name is string => name !== undefined && name !== "");
}

describe("the settings in every page's key", () => {
  it("name every environment variable the site's code reads", async () => {
    const files = (await readdir(join(ROOT, "src"), { recursive: true }))
      .filter((name) => /\.(ts|astro|mjs|js)$/.test(name))
      .map((name) => join(ROOT, "src", name));
    const read = new Set<string>();
    for (const file of [...files, join(ROOT, "astro.config.mjs")]) {
      for (const name of envNames(await readFile(file, "utf8"))) read.add(name);
    }
    expect(read.has("SITE_URL")).toBe(true);
    const missing = [...read].filter(
      (name) => !NOT_SETTINGS.has(name) && !(SETTINGS_ENV as readonly string[]).includes(name),
    );
    expect(missing).toEqual([]);
  });
});

describe("digest", () => {
  it("tells apart lists whose joined parts are the same", () => {
    expect(digest(["ab", "c"])).not.toBe(digest(["a", "bc"]));
    expect(digest(["ab", "c"])).toBe(digest(["ab", "c"]));
  });
});

describe("the code fingerprint", () => {
  let project: string;
  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), "plain-news-fingerprint-"));
    for (const name of ["src", "astro.config.mjs", "package-lock.json"]) {
      await cp(join(ROOT, name), join(project, name), { recursive: true });
    }
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it("changes with a stylesheet, the config or the lockfile, and not with the site's own content", async () => {
    const fingerprints = [codeFingerprint(project)];
    const edit = async (name: string, text: string) => {
      await writeFile(join(project, name), (await readFile(join(project, name), "utf8")) + text);
      fingerprints.push(codeFingerprint(project));
    };
    await edit("src/content/appeals/moscow-times.txt", "More.\n");
    expect(fingerprints[1]).toBe(fingerprints[0]);
    await edit("src/styles/global.css", "p {}\n");
    await edit("astro.config.mjs", "\n");
    await edit("package-lock.json", "\n");
    expect(new Set(fingerprints.slice(1)).size).toBe(4);
  });
});
