import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";

/** A static file server on a loopback port, for the tests and the Lighthouse audit. */
export interface StaticServer {
  /** The site root, e.g. `http://127.0.0.1:43127/` (always ends in a slash). */
  readonly url: string;
  /** The origin, e.g. `http://127.0.0.1:43127`. */
  readonly origin: string;
  /** Every request path served so far, in order (e.g. to prove a page needed one request). */
  readonly requests: readonly string[];
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Compresses text responses with gzip when the client accepts it, as a production host would. */
  readonly gzip?: boolean;
  /** Extra headers on every response. */
  readonly headers?: Readonly<Record<string, string>>;
}

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml)|image\/svg\+xml)/u;

/**
 * Serves a folder (e.g. Astro's `dist/`) on 127.0.0.1 at a free port, the
 * way a static host does: `/x/` serves `x/index.html`, `/x` redirects to
 * `/x/` when `x` is a folder, anything else missing is a 404 (with the
 * folder's `404.html` when it has one). Only GET and HEAD; nothing outside
 * the folder is ever read.
 */
export async function startStaticServer(
  directory: string,
  options: StaticServerOptions = {},
): Promise<StaticServer> {
  const root = resolve(directory);
  const requests: string[] = [];

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? "/", "http://localhost");
    requests.push(url.pathname);
    for (const [name, value] of Object.entries(options.headers ?? {})) response.setHeader(name, value);
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const file = resolve(root, `.${path}`);
    if (path.includes("\0") || (file !== root && !file.startsWith(root + sep))) {
      response.writeHead(403).end();
      return;
    }
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory() && !path.endsWith("/")) {
      response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const found = info?.isDirectory() ? join(file, "index.html") : file;
    if (!(await isFile(found))) {
      const notFound = join(root, "404.html");
      if (await isFile(notFound)) await send(request, response, notFound, 404, options);
      else response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    await send(request, response, found, 200, options);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500).end(String(error));
      else response.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => done());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    requests,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

async function send(
  request: IncomingMessage,
  response: ServerResponse,
  file: string,
  status: number,
  options: StaticServerOptions,
): Promise<void> {
  const type = TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
  const info = await stat(file);
  const gzip =
    options.gzip === true &&
    COMPRESSIBLE.test(type) &&
    /\bgzip\b/u.test(String(request.headers["accept-encoding"] ?? ""));
  response.statusCode = status;
  response.setHeader("content-type", type);
  response.setHeader("cache-control", "no-cache");
  response.setHeader("x-content-type-options", "nosniff");
  if (options.gzip === true) response.setHeader("vary", "accept-encoding");
  if (gzip) response.setHeader("content-encoding", "gzip");
  else response.setHeader("content-length", info.size);
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  await (gzip
    ? pipeline(createReadStream(file), createGzip(), response)
    : pipeline(createReadStream(file), response));
}
