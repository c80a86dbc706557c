import { describe, expect, it } from "vitest";
import { SourceError } from "../../src/lib/errors.ts";
import { decodeSource, normalizeText } from "../../src/lib/text.ts";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === "string" ? [...new TextEncoder().encode(part)] : part)),
  );

describe("decodeSource normalizes only what it documents", () => {
  it("drops a UTF-8 byte-order mark", () => {
    expect(decodeSource(bytes([0xef, 0xbb, 0xbf], "Title"), "a.txt")).toBe("Title");
  });

  it("turns CRLF and lone CR into line feeds", () => {
    expect(normalizeText("one\r\ntwo\rthree\nfour", "a.txt")).toBe("one\ntwo\nthree\nfour");
  });

  it("trims spaces and tabs at line ends, and nothing else", () => {
    expect(normalizeText("end  \t\n\tlead\n", "a.txt")).toBe("end\n\tlead\n");
    expect(normalizeText("nbsp\u00a0\nzwsp\u200b", "a.txt")).toBe("nbsp\u00a0\nzwsp\u200b");
  });

  it("keeps HTML, Markdown and quotes as written", () => {
    const text = `<script>alert(1)</script> & *bold* _x_ # "quoted" 'single' $2 {x} \`code\``;
    expect(normalizeText(text, "a.txt")).toBe(text);
  });

  it("trims at the end of the text and before any kind of line break", () => {
    expect(normalizeText("a \r\nb\t\rc \t", "a.txt")).toBe("a\nb\nc");
    expect(normalizeText("  \n \n", "a.txt")).toBe("\n\n");
  });

  it("keeps U+2028 and U+2029 inside a line", () => {
    expect(normalizeText("a\u2028b\u2029c", "a.txt")).toBe("a\u2028b\u2029c");
  });
});

describe("decodeSource refuses what it cannot render exactly", () => {
  it("names the line of an invalid UTF-8 byte", () => {
    expect(() => decodeSource(bytes("one\ntwo\r\nthr", [0xff], "ee"), "bad.txt")).toThrow(
      new SourceError("bad.txt", 3, "invalid UTF-8 byte 0xFF"),
    );
  });

  it("names the line and column of a control character", () => {
    expect(() => normalizeText("fine\nnul\u0000here", "bad.txt")).toThrow(
      "bad.txt:2: control character U+0000 at column 4",
    );
    expect(() => normalizeText("\u0007", "bad.txt")).toThrow(
      "bad.txt:1: control character U+0007 at column 1",
    );
    expect(() => normalizeText("x\u0085", "bad.txt")).toThrow(
      "bad.txt:1: control character U+0085 at column 2",
    );
    expect(() => normalizeText("one  \r\ntwo\r\n\tthr\u001Bee", "bad.txt")).toThrow(
      "bad.txt:3: control character U+001B at column 5",
    );
  });
});

describe("decodeSource checks every code point", () => {
  // The oracle is the Unicode properties as JavaScript knows them, not the
  // hand-written character class the code uses for speed.
  const NONCHARACTER = /^\p{Noncharacter_Code_Point}$/u;
  const CONTROL = /^[\p{Cc}]$/u;
  const ALLOWED_CONTROLS = new Set(["\t", "\n", "\r"]);

  it("refuses exactly the controls and the 66 noncharacters, naming each", () => {
    const refused: string[] = [];
    const expected: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue; // surrogates are not characters
      const char = String.fromCodePoint(code);
      const name = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
      if (NONCHARACTER.test(char)) expected.push(`noncharacter ${name}`);
      else if (CONTROL.test(char) && !ALLOWED_CONTROLS.has(char)) expected.push(`control character ${name}`);
      try {
        normalizeText(`ab${char}`, "all.txt");
      } catch (error) {
        refused.push(String((error as Error).message).replace(/^all\.txt:1: (.*) at column 3$/u, "$1"));
      }
    }
    expect(expected.filter((kind) => kind.startsWith("noncharacter"))).toHaveLength(66);
    expect(refused).toEqual(expected);
  });
});
