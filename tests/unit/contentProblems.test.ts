import { describe, expect, it } from "vitest";
import { SourceError } from "../../src/lib/errors.ts";
import {
  clearContentProblem,
  reportContentProblem,
  throwIfContentBroken,
} from "../../src/loaders/contentProblems.ts";

describe("content problems in astro dev", () => {
  it("are thrown while recorded, and no longer once cleared", () => {
    expect(() => throwIfContentBroken()).not.toThrow();
    reportContentProblem("/site/articles/a.txt", new SourceError("articles/a.txt", 3, "bad date"));
    expect(() => throwIfContentBroken()).toThrow("articles/a.txt:3: bad date");
    clearContentProblem("/site/articles/a.txt");
    expect(() => throwIfContentBroken()).not.toThrow();
  });

  it("carry the file and line where Astro's overlay looks for them", () => {
    reportContentProblem("/site/articles/b.txt", new SourceError("articles/b.txt", 7, "bad"));
    try {
      throwIfContentBroken();
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SourceError);
      expect((error as SourceError).loc).toMatchObject({ line: 7, column: 1 });
      expect((error as SourceError).loc.file).toMatch(/\/articles\/b\.txt$/u);
    } finally {
      clearContentProblem("/site/articles/b.txt");
    }
  });
});
