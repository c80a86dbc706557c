import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// The built site: the shared fixtures are built once by the global setup, others by their test file.
export default defineProject({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    name: "build",
    include: ["tests/build/**/*.test.ts"],
    globalSetup: ["tests/build/globalSetup.ts"],
    // Builds of the site share its .astro/ folder (Astro bundles pages there), so one at a time.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
