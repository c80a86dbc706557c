// Prints the JavaScript each built page carries: its inline <script> text,
// in bytes and gzipped (level 9), and any <script src> (there should be none).
// Usage: node scripts/js-size.mjs [dist]   (after `npm run build`)
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

const root = process.argv[2] ?? "dist";
const pages = readdirSync(root, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith(".html"))
  .sort();
for (const file of pages) {
  const html = readFileSync(join(root, file), "utf8");
  const scripts = [...html.matchAll(/<script\b([^>]*)>([^]*?)<\/script>/giu)];
  const external = scripts.filter(([, attributes]) => /\bsrc\s*=/iu.test(attributes ?? "")).length;
  const text = scripts.map(([, , body]) => body ?? "").join("\n");
  const raw = Buffer.byteLength(text);
  const gzipped = raw === 0 ? 0 : gzipSync(text, { level: 9 }).length;
  console.log(
    `${relative(".", join(root, file))}: ${scripts.length} script(s), ${raw} bytes, ${gzipped} bytes gzipped, ${external} external`,
  );
}
