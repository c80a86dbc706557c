import { fileURLToPath } from "node:url";
import { getViteConfig } from "astro/config";

const root = fileURLToPath(new URL("../..", import.meta.url));

// Astro's Vite config lets these tests import .astro components for the Container API.
export default getViteConfig(
  { root, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 60_000 } },
  { root },
);
