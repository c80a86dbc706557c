import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOURCE } from "../support/fixtures.ts";
import { OUTPUT, ROOT, buildSite } from "../support/site.ts";

// `astro dev` keeps running past a broken file; a build must not.
let contentDir: string;

beforeAll(async () => {
  contentDir = await mkdtemp(join(OUTPUT, "bad-content-"));
  await cp(join(ROOT, "src/content"), contentDir, { recursive: true });
});

afterAll(async () => {
  await rm(contentDir, { recursive: true, force: true });
});

describe("a build", () => {
  it("stops at a broken article, naming the file and line", async () => {
    const file = join(contentDir, "articles", `${SOURCE.slug}.txt`);
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("published: 2023-10-11T", "published: 2023-13-11T"));
    const build = buildSite({
      outDir: join(contentDir, "dist"),
      contentDir,
      site: "https://news.example.org",
    });
    await expect(build).rejects.toThrow(`${relative(process.cwd(), file)}:3: "published" must be`);
  });

  it("for a deploy (CI set) stops without SITE_URL, saying what to set", async () => {
    const saved = { SITE_URL: process.env["SITE_URL"], CI: process.env["CI"] };
    delete process.env["SITE_URL"];
    process.env["CI"] = "true";
    try {
      await expect(buildSite({ outDir: join(contentDir, "dist") })).rejects.toThrow(/SITE_URL is not set/u);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
