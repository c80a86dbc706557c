import { spawn, spawnSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import yazl from "yazl";
import { illustrationPng } from "./illustration.ts";

// The two single-file copies of a built site that `npm run package` writes:
// a zip that opens from disk anywhere, and a ZIM for Kiwix.

/**
 * Every entry's timestamp: the earliest a zip can hold. DOS timestamps are in
 * local time, so the date is made in local time too and reads the same in
 * every time zone; the extra UTC timestamp field is left out.
 */
const ZIP_ENTRY_TIME = new Date(1980, 0, 1, 0, 0, 0);
const ZIP_ENTRY_MODE = 0o100644;

/** The files of a folder, as sorted paths with "/" separators. */
export async function folderFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

/**
 * Zips every file of `dir` into `zipFile`: entries sorted, with one fixed
 * timestamp and mode, so that the same files always make the same bytes.
 * Streams file by file, so memory stays flat whatever the site's size.
 */
export async function writeZip(dir: string, zipFile: string): Promise<number> {
  const files = await folderFiles(dir);
  const zip = new yazl.ZipFile();
  for (const file of files) {
    zip.addFile(join(dir, file), file, {
      mtime: ZIP_ENTRY_TIME,
      mode: ZIP_ENTRY_MODE,
      forceDosTimestamp: true,
      compress: true,
    });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(zipFile));
  return files.length;
}

export interface ZimMetadata {
  readonly title: string;
  readonly description: string;
  /** ISO 639-3, as the ZIM format requires (`eng`). */
  readonly language: string;
  readonly creator: string;
  readonly publisher: string;
  /** A name that stays the same across versions of the file (`the-moscow-times_en_all`). */
  readonly name: string;
  /** The main page, relative to the folder. */
  readonly mainPage: string;
}

const ISO_639_3: Readonly<Record<string, string>> = { en: "eng", ru: "rus", uk: "ukr", ky: "kir", kk: "kaz" };

/** The ISO 639-3 code of a site language (an ISO 639-1 code or a BCP 47 tag). */
export function zimLanguage(lang: string): string {
  const code = ISO_639_3[lang.split("-")[0]!.toLowerCase()];
  if (code === undefined)
    throw new Error(`no ISO 639-3 code known for the language "${lang}": add it to ISO_639_3`);
  return code;
}

export const ZIM_TOOLS_MISSING =
  "zimwriterfs was not found. It comes with Debian's zim-tools package: apt-get install zim-tools " +
  "(kiwix-serve, which the tests need, comes with kiwix-tools).";

/** Whether a program runs, asked for its version. */
export function hasProgram(command: string): boolean {
  return spawnSync(command, ["--version"], { stdio: "ignore" }).error === undefined;
}

/**
 * Packs every file of `dir` into a ZIM file with Debian's `zimwriterfs`,
 * with its metadata and a 48×48 illustration. A ZIM file is not
 * byte-reproducible: libzim gives each file a new UUID and the day's date.
 */
export async function writeZim(dir: string, zimFile: string, metadata: ZimMetadata): Promise<void> {
  if (!hasProgram("zimwriterfs")) throw new Error(ZIM_TOOLS_MISSING);
  // zimwriterfs takes the illustration as a path relative to the folder: it is
  // written beside it, not into it, so that the site's files stay as they are.
  const work = await mkdtemp(join(tmpdir(), "plain-news-zim-"));
  try {
    const illustration = join(work, "illustration.png");
    await writeFile(illustration, illustrationPng());
    await rm(zimFile, { force: true });
    const args = [
      `--welcome=${metadata.mainPage}`,
      `--illustration=${relative(dir, illustration)}`,
      `--language=${metadata.language}`,
      `--title=${metadata.title}`,
      `--description=${metadata.description}`,
      `--creator=${metadata.creator}`,
      `--publisher=${metadata.publisher}`,
      `--name=${metadata.name}`,
      dir,
      zimFile,
    ];
    const output: Buffer[] = [];
    const child = spawn("zimwriterfs", args, { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    const status = await new Promise<number | null>((done, fail) => {
      child.once("error", fail);
      child.once("close", done);
    });
    if (status !== 0) {
      throw new Error(
        `zimwriterfs failed (exit ${status}):\n${Buffer.concat(output).toString("utf8").slice(-4000)}`,
      );
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
