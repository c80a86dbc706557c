import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../src/lib/frontMatter.ts";

describe("splitFrontMatter", () => {
  it("reads the YAML mapping and numbers body lines as in the file", () => {
    const result = splitFrontMatter("---\ntitle: Hello\ntags: [a, b]\n---\nFirst\n\nSecond", "a.txt", {
      required: true,
    });
    expect(result.data).toEqual({ title: "Hello", tags: ["a", "b"] });
    expect(result.keyLines.get("title")).toBe(2);
    expect(result.keyLines.get("tags")).toBe(3);
    expect(result.endLine).toBe(4);
    expect(result.body).toEqual([
      { number: 5, text: "First" },
      { number: 6, text: "" },
      { number: 7, text: "Second" },
    ]);
  });

  it("keeps dates as the strings written (core schema, no timestamps)", () => {
    const { data } = splitFrontMatter("---\npublished: 2023-10-11T12:00:00+03:00\n---\nx", "a.txt", {
      required: true,
    });
    expect(data["published"]).toBe("2023-10-11T12:00:00+03:00");
  });

  it("returns the whole text as body when front matter is optional and absent", () => {
    const result = splitFrontMatter("Heading\nText", "a.txt", { required: false });
    expect(result.data).toEqual({});
    expect(result.body.map((line) => line.number)).toEqual([1, 2]);
  });

  it.each([
    ["Body only", 'a.txt:1: front matter missing: the file must start with a "---" line'],
    ["---\ntitle: x\nbody", 'a.txt:1: front matter is never closed: add a "---" line after it'],
    ["---\ntitle: x\ntitle: y\n---\nbody", "a.txt:3: invalid YAML in front matter: Map keys must be unique"],
    ["---\ntitle: [unclosed\n---\nbody", "a.txt:2: invalid YAML in front matter"],
    ["---\n- a\n- b\n---\nbody", "a.txt:2: front matter must be a YAML mapping of keys to values"],
  ])("fails on %j with file and line", (text, message) => {
    expect(() => splitFrontMatter(text, "a.txt", { required: true })).toThrow(message);
  });
});
