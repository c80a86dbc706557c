import { once } from "node:events";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { AstroIntegration } from "astro";
import { listFiles, sha256Hex, writeChecksums } from "../lib/checksums.ts";
import { HEADERS_FILE, headersFile } from "../lib/headers.ts";
import { readMirrorFiles, type MirrorFiles } from "../lib/mirrorFiles.ts";
import { siteRootUrl } from "../lib/urls.ts";

/**
 * After the build, writes what hosts and mirrors need beside the pages:
 * `_headers` (each page's policy as headers) and, last, `SHA256SUMS` of
 * every file. It must come after every integration that writes files
 * (the sitemap): Astro runs `astro:build:done` hooks in the order of
 * `integrations`.
 */
export function mirrorKit(): AstroIntegration {
  let basePath = "/";
  return {
    name: "mirror-kit",
    hooks: {
      "astro:config:done": ({ config }) => {
        basePath = siteRootUrl(config.site ?? "http://localhost", config.base).pathname;
      },
      "astro:build:done": async ({ dir }) => {
        const dist = fileURLToPath(dir);
        const [ours, theirs] = await readDist(dist, basePath);
        const headers = headersFile([...ours.policies, ...theirs.policies], basePath);
        writeFileSync(join(dist, HEADERS_FILE), headers);
        const hashes = new Map([
          ...ours.hashes,
          ...theirs.hashes,
          [HEADERS_FILE, sha256Hex(Buffer.from(headers))],
        ]);
        writeChecksums(dist, hashes);
      },
    },
  };
}

/** Reads every file of dist/ once, on two threads: reading and hashing is most of the work. */
async function readDist(dist: string, basePath: string): Promise<[MirrorFiles, MirrorFiles]> {
  // The worker starts while this thread lists the files, then does every other one.
  const worker = new Worker(new URL("./mirrorKitWorker.ts", import.meta.url), {
    workerData: { dist, basePath },
  });
  try {
    const files = listFiles(dist);
    worker.postMessage(files.filter((_, index) => index % 2 === 1));
    const [[theirs], ours] = await Promise.all([
      once(worker, "message") as Promise<[MirrorFiles]>,
      Promise.resolve().then(() =>
        readMirrorFiles(
          dist,
          files.filter((_, index) => index % 2 === 0),
          basePath,
        ),
      ),
    ]);
    return [ours, theirs];
  } finally {
    // Nothing left running when this thread failed first.
    await worker.terminate();
  }
}
