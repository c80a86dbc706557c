// The mirror kit's second thread: reads its share of dist/ (see mirrorKit.ts).
import { parentPort, workerData } from "node:worker_threads";
import { readMirrorFiles } from "../lib/mirrorFiles.ts";

const { dist, files, basePath } = workerData as { dist: string; files: string[]; basePath: string };
parentPort?.postMessage(readMirrorFiles(dist, files, basePath));
