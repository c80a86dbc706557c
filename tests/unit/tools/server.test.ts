import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StaticServer, startStaticServer } from "../../../tools/server.ts";

// The static server the browser tests and the Lighthouse audit load pages from.
let folder: string;
let plain: StaticServer;
let gzipped: StaticServer;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request: the path is sent exactly as given, not normalized. */
function get(server: StaticServer, path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<Reply>((done, fail) => {
    const { port, hostname } = new URL(server.url);
    const req = request({ host: hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", fail);
    req.end();
  });
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "static-server-"));
  await mkdir(join(folder, "site", "page"), { recursive: true });
  await mkdir(join(folder, "site", "empty"), { recursive: true });
  await writeFile(join(folder, "secret.txt"), "outside the root");
  await writeFile(
    join(folder, "site", "page", "index.html"),
    "<!doctype html><title>Page</title>".repeat(20),
  );
  await writeFile(join(folder, "site", "404.html"), "<!doctype html><title>Gone</title>");
  plain = await startStaticServer(join(folder, "site"));
  gzipped = await startStaticServer(join(folder, "site"), { gzip: true });
});

afterAll(async () => {
  await plain.close();
  await gzipped.close();
  await rm(folder, { recursive: true, force: true });
});

describe("startStaticServer", () => {
  it("listens on 127.0.0.1 at a free port", () => {
    expect(plain.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/u);
    expect(gzipped.origin).not.toBe(plain.origin);
  });

  it("serves a folder's index.html at its slash, and redirects to the slash", async () => {
    const page = await get(plain, "/page/");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.body.toString()).toContain("<title>Page</title>");
    const redirect = await get(plain, "/page?x=1");
    expect(redirect.status).toBe(301);
    expect(redirect.headers["location"]).toBe("/page/?x=1");
  });

  it("answers 404 with the site's 404.html for anything missing", async () => {
    for (const path of ["/missing", "/empty/", "/page/index.htm"]) {
      const reply = await get(plain, path);
      expect(reply.status, path).toBe(404);
      expect(reply.body.toString()).toContain("Gone");
    }
  });

  it("never serves a file outside its folder", async () => {
    for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/page/..%2f..%2fsecret.txt"]) {
      const reply = await get(plain, path);
      expect([403, 404], path).toContain(reply.status);
      expect(reply.body.toString()).not.toContain("outside the root");
    }
  });

  it("gzips text when asked to and the client accepts it", async () => {
    const reply = await get(gzipped, "/page/", { "accept-encoding": "gzip, br" });
    expect(reply.headers["content-encoding"]).toBe("gzip");
    expect(reply.headers["vary"]).toBe("accept-encoding");
    expect(gunzipSync(reply.body).toString()).toContain("<title>Page</title>");
    expect((await get(gzipped, "/page/")).headers["content-encoding"]).toBeUndefined();
    expect(
      (await get(plain, "/page/", { "accept-encoding": "gzip" })).headers["content-encoding"],
    ).toBeUndefined();
  });

  it("answers HEAD without a body, other methods with 405, and records what was asked", async () => {
    const head = await get(plain, "/page/", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toHaveLength(0);
    expect((await get(plain, "/page/", {}, "POST")).status).toBe(405);
    expect(plain.requests).toContain("/page/");
  });
});
