// The mirror kit's second thread: reads the share of dist/ it is sent (see mirrorKit.ts).
import { parentPort, workerData } from "node:worker_threads";
import { readMirrorFiles } from "../lib/mirrorFiles.ts";

const { dist, basePath } = workerData as { dist: string; basePath: string };
parentPort?.once("message", (files: string[]) => {
  parentPort?.postMessage(readMirrorFiles(dist, files, basePath));
});
