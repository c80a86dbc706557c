import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// Pages in headless Chromium: the global setup builds and serves the fixtures and finds the browser once.
export default defineProject({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    name: "browser",
    include: ["tests/browser/**/*.test.ts"],
    globalSetup: ["tests/browser/globalSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
