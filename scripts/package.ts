// `npm run package`: the built site as two files beside dist/, to pass on
// when the site is blocked: `<name>.zip` (unzip it anywhere and open
// index.html) and `<name>.zim` (for Kiwix). Run `npm run build` first.
import { existsSync } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { SITE } from "../src/consts.ts";
import { writeZim, writeZip, zimLanguage } from "../tools/package.ts";

const { values } = parseArgs({
  options: {
    dist: { type: "string", default: "dist" },
    outDir: { type: "string" },
    name: { type: "string" },
  },
});
const dist = resolve(values.dist);
const outDir = resolve(values.outDir ?? dirname(dist));
const name =
  values.name ??
  SITE.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, "-")
    .replace(/^-|-$/gu, "");

if (!existsSync(join(dist, "index.html"))) {
  console.error(`${dist} has no index.html: run \`npm run build\` first (or pass --dist).`);
  process.exit(1);
}

const size = async (file: string) => `${(await stat(file)).size.toLocaleString("en")} bytes`;
try {
  await mkdir(outDir, { recursive: true });
  let started = performance.now();
  const zipFile = join(outDir, `${name}.zip`);
  const files = await writeZip(dist, zipFile);
  const zipSeconds = (performance.now() - started) / 1000;
  console.log(`Wrote ${zipFile}: ${files} files, ${await size(zipFile)}, in ${zipSeconds.toFixed(1)} s.`);

  started = performance.now();
  const zimFile = join(outDir, `${name}.zim`);
  await writeZim(dist, zimFile, {
    title: SITE.name,
    description: SITE.description,
    language: zimLanguage(SITE.lang),
    creator: SITE.name,
    publisher: SITE.name,
    name: `${name}_${SITE.lang}_all`,
    mainPage: "index.html",
  });
  const zimSeconds = (performance.now() - started) / 1000;
  console.log(`Wrote ${zimFile}: ${await size(zimFile)}, in ${zimSeconds.toFixed(1)} s.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
