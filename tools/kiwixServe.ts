import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { hasProgram } from "./package.ts";

export const KIWIX_TOOLS_MISSING =
  "kiwix-serve was not found. It comes with Debian's kiwix-tools package: " +
  "apt-get update && apt-get install -y kiwix-tools (.ci/run installs it when missing).";

export interface KiwixServer {
  /** e.g. `http://127.0.0.1:43127/` */
  readonly url: string;
  close(): Promise<void>;
}

/** A port no one listens on now, from the system's ephemeral range. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => done());
  });
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** Serves ZIM files with `kiwix-serve` on 127.0.0.1, once it answers. */
export async function startKiwixServe(zimFiles: readonly string[]): Promise<KiwixServer> {
  if (!hasProgram("kiwix-serve")) throw new Error(KIWIX_TOOLS_MISSING);
  const port = await freePort();
  const child = spawn("kiwix-serve", ["--address=127.0.0.1", `--port=${port}`, ...zimFiles], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString("utf8")));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const url = `http://127.0.0.1:${port}/`;
  const close = async () => {
    if (child.exitCode === null) child.kill();
    await exited;
  };
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await sleep(100)) {
    if (child.exitCode !== null) break;
    const answered = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return { url, close };
  }
  await close();
  throw new Error(`kiwix-serve did not answer at ${url} within 20 s:\n${errors}`);
}
