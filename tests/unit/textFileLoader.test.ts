import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listEntryIds } from "../../src/loaders/textFileLoader.ts";

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "entry-ids-"));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

// Older kernels stamp file times with a clock that ticks every few milliseconds.
const changeFolder = async (change: () => Promise<void>) => {
  await sleep(20);
  await change();
};

describe("listEntryIds", () => {
  it("lists the .txt files of a folder by id, and sees files added and removed", async () => {
    await writeFile(join(folder, "spring-drive.txt"), "x");
    await writeFile(join(folder, "notes.md"), "x");
    expect([...(await listEntryIds(folder))]).toEqual(["spring-drive"]);
    expect(await listEntryIds(folder)).toBe(await listEntryIds(folder));

    await changeFolder(() => writeFile(join(folder, "autumn-drive.txt"), "x"));
    expect([...(await listEntryIds(folder))].sort()).toEqual(["autumn-drive", "spring-drive"]);

    await changeFolder(() => rm(join(folder, "spring-drive.txt")));
    expect([...(await listEntryIds(folder))]).toEqual(["autumn-drive"]);
  });

  it("gives no ids for a folder that does not exist", async () => {
    expect((await listEntryIds(join(folder, "missing"))).size).toBe(0);
  });
});
