import { transformSync } from "esbuild";
import { cspHash } from "./csp.ts";

export interface InlineScript {
  /** The exact text that goes between `<script>` and `</script>`. */
  readonly code: string;
  /** Its CSP hash source, e.g. `sha256-…`. */
  readonly hash: `sha256-${string}`;
}

const cache = new Map<string, InlineScript>();

/**
 * Turns a browser script written in TypeScript into the minified text that a
 * page inlines, and the CSP hash of exactly that text. The result depends on
 * the source alone, so every page that inlines a script carries the same bytes.
 */
export function inlineScript(source: string): InlineScript {
  const cached = cache.get(source);
  if (cached) return cached;
  const code = transformSync(source, {
    loader: "ts",
    format: "iife",
    minify: true,
    target: "es2020",
    legalComments: "none",
  }).code.trimEnd();
  if (/<\/script|<!--/iu.test(code)) throw new Error("an inline script must not contain </script or <!--");
  const script = { code, hash: cspHash(code) };
  cache.set(source, script);
  return script;
}
