import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeContent } from "../support/content.ts";
import { TEST_SITE } from "../support/fixture.ts";
import { ROOT } from "../support/paths.ts";

// `npm run build` is `node scripts/build.ts`: Astro's build, quieter, with
// rolldown's allocator set to give memory back. Run here as a deploy runs it.
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "plain-news-build-script-"));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function runBuild(contentDir: string, outDir: string) {
  return spawnSync(process.execPath, [join(ROOT, "scripts/build.ts"), "--outDir", outDir], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CONTENT_DIR: contentDir, SITE_URL: TEST_SITE, ASTRO_TELEMETRY_DISABLED: "1" },
  });
}

describe("npm run build", () => {
  it("builds the site, says where in one line, and lists no pages", async () => {
    const outDir = join(work, "dist");
    const contentDir = await writeContent({
      articles: {
        "the-article.txt": "---\ntitle: A headline\npublished: 2023-10-11T12:00:00+03:00\n---\nBody.\n",
      },
    });
    const result = runBuild(contentDir, outDir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(
      new RegExp(`^Built the site and its search index into ${outDir} in \\d+\\.\\d s\\.$`, "u"),
    );
    expect(existsSync(join(outDir, "articles/the-article/index.html"))).toBe(true);
    expect(existsSync(join(outDir, "index.html"))).toBe(true);
    expect(existsSync(join(outDir, "pagefind/pagefind.js"))).toBe(true);
  });

  it("fails on bad input with the file, the line and the problem, and nothing else", async () => {
    const contentDir = await writeContent({
      articles: {
        "bad-date.txt": "---\ntitle: A headline\npublished: 2023-02-30T12:00:00+03:00\n---\nBody.\n",
      },
    });
    const result = runBuild(contentDir, join(work, "dist-bad"));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim()).toBe(
      `${join(contentDir, "articles/bad-date.txt")}:3: "published" must be an ISO 8601 date-time with offset, e.g. "2023-10-11T12:00:00+03:00"`,
    );
  });
});
