import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The JSON report is what .ci/run counts passes and failures from.
    reporters: ["default", ["json", { outputFile: "tests/.output/results.json" }]],
    projects: [
      // Parsers, loader and components (through Astro's Container API).
      "tests/unit/vitest.config.ts",
      // The built site, fixtures included.
      "tests/build/vitest.config.ts",
      // Pages in a real browser.
      "tests/browser/vitest.config.ts",
      // The dev server.
      "tests/dev/vitest.config.ts",
    ],
  },
});
