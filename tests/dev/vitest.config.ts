import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// `astro dev` on a copy of the content: edits are served, broken files are reported.
export default defineProject({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    name: "dev",
    include: ["tests/dev/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
