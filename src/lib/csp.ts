import { createHash } from "node:crypto";

/** A CSP hash source (without quotes) for the exact text of an inline `<script>` or `<style>`. */
export function cspHash(text: string): `sha256-${string}` {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}
