import { describe, expect, it } from "vitest";
import { SourceError } from "../../src/lib/errors.ts";
import { fileSystemError } from "../../src/lib/sourceFile.ts";

// Running as root, a test cannot make a file unreadable by its mode: the
// mapping from the codes Node gives to the words the build prints is tested
// here, and the real folder, symbolic link, FIFO and socket in the corpus.
describe("fileSystemError", () => {
  const errno = (code: string) => Object.assign(new Error(`${code}: raw message`), { code });

  it.each([
    ["EACCES", "cannot be read: permission denied"],
    ["EPERM", "cannot be read: operation not permitted"],
    ["EISDIR", "is a folder, not a file: only regular files are read"],
    ["ELOOP", "is a symbolic link in a loop"],
    ["ENOENT", "does not exist"],
  ])("words %s as a problem of the named file", (code, problem) => {
    const error = fileSystemError("/nowhere/articles/a.txt", errno(code));
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toBe(`/nowhere/articles/a.txt:1: ${problem}`);
    expect(error.message).not.toContain(code);
  });

  it("names the file for a code it has no words for", () => {
    expect(fileSystemError("/nowhere/a.txt", errno("EIO")).message).toBe(
      "/nowhere/a.txt:1: cannot be read: EIO: raw message",
    );
  });
});
