import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { HtmlValidate } from "html-validate";
import htmlValidateConfig from "../../.htmlvalidate.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { PAGE_BUDGET, SCRIPT_BUDGET, htmlFiles, measurePage } from "../../tools/pageWeight.ts";
import { loadFixture, ownSite } from "../support/fixture.ts";

let dist: string;
let pages: string[];

beforeAll(async () => {
  dist = ownSite.outDir;
  pages = await htmlFiles(dist);
});

describe("every page in dist/", () => {
  it("exists", () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  it("passes html-validate's recommended rules (relaxations in .htmlvalidate.mjs, each with its reason)", async () => {
    const validator = new HtmlValidate(htmlValidateConfig);
    for (const page of pages) {
      const report = await validator.validateFile(page);
      const messages = report.results.flatMap((result) =>
        result.messages.map((m) => `${relative(dist, page)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
      );
      expect(messages).toEqual([]);
    }
  });

  it(`weighs at most ${PAGE_BUDGET} bytes gzipped, with at most ${SCRIPT_BUDGET} bytes of JavaScript`, async () => {
    for (const page of pages) {
      const size = measurePage(await readFile(page, "utf8"));
      expect({ page: relative(dist, page), gzip: size.gzip }).toEqual({
        page: relative(dist, page),
        gzip: expect.toSatisfy((gzip: number) => gzip <= PAGE_BUDGET),
      });
      expect(size.scriptGzip).toBeLessThanOrEqual(SCRIPT_BUDGET);
    }
  });
});

describe("the checks themselves", () => {
  it("html-validate rejects a broken page", async () => {
    const html = await readFile(pages[0]!, "utf8");
    const broken = html.replace("</main>", "<p><div>block in a paragraph</div></p><img src=x></main>");
    expect(broken).not.toBe(html);
    const report = await new HtmlValidate(htmlValidateConfig).validateString(broken, pages[0]!);
    expect(report.valid).toBe(false);
  });

  it("the weight check counts inlined scripts", () => {
    const script = "x".repeat(50) + Math.random().toString(36).repeat(200);
    expect(measurePage(`<p>hi</p><script>${script}</script>`).scriptGzip).toBeGreaterThan(0);
    expect(measurePage(`<script type="application/ld+json">{}</script>`).scriptGzip).toBe(0);
  });
});

describe("the build is reproducible", () => {
  it("two clean builds of the same commit are byte for byte the same", async () => {
    const again = loadFixture({ name: "site-again" });
    await again.build();
    const hashes = async (dir: string) => {
      const files = await import("node:fs/promises").then((fs) => fs.readdir(dir, { recursive: true }));
      const entries = await Promise.all(
        files.sort().map(async (file) => {
          const content = await readFile(join(dir, file)).catch(() => undefined);
          return [file, content && createHash("sha256").update(content).digest("hex")] as const;
        }),
      );
      return Object.fromEntries(entries.filter(([, hash]) => hash !== undefined));
    };
    const [first, second] = await Promise.all([hashes(dist), hashes(again.outDir)]);
    expect(Object.keys(first).length).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });
});
