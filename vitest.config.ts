import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The JSON report is what .ci/run counts passes and failures from.
    reporters: ["default", ["json", { outputFile: "tests/.output/results.json" }]],
    projects: [
      // Parsers, loader and components (through Astro's Container API).
      "tests/unit/vitest.config.ts",
      // The built site: one `astro build` of the real content per run, plus fixture builds.
      {
        test: {
          name: "build",
          include: ["tests/build/**/*.test.ts"],
          globalSetup: ["tests/build/globalSetup.ts"],
          // Builds of the site share its .astro/ folder (Astro bundles pages there), so one at a time.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          // The same build as the `build` project (built once), then a static
          // server for it and a Chromium unpacked once before any test starts.
          globalSetup: ["tests/browser/globalSetup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      // `astro dev` on a copy of the content: edits are served, broken files are reported.
      {
        test: {
          name: "dev",
          include: ["tests/dev/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
