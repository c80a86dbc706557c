import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cspHash } from "../../src/lib/csp.ts";
import { inlineScript } from "../../src/lib/inlineScript.ts";
import { appealVersion, snoozeAnnouncement, snoozeMetaContent } from "../../src/lib/snooze.ts";

const appeal = {
  heading: "A Message from The Moscow Times:",
  paragraphs: ["Dear readers,", "Please help."],
  dismissLabel: "Remind me later.",
};

describe("appealVersion", () => {
  it("is short, base64url and stable for the same text", () => {
    const version = appealVersion(appeal);
    expect(version).toMatch(/^[A-Za-z0-9_-]{12}$/u);
    expect(appealVersion({ ...appeal, paragraphs: [...appeal.paragraphs] })).toBe(version);
    // Pinned: a change here would show every snoozed appeal again to every reader.
    expect(version).toBe(
      createHash("sha256")
        .update(JSON.stringify([appeal.heading, appeal.paragraphs, null, null, appeal.dismissLabel]))
        .digest("base64url")
        .slice(0, 12),
    );
  });

  it.each([
    ["the heading", { ...appeal, heading: "A message from The Moscow Times:" }],
    ["a paragraph", { ...appeal, paragraphs: ["Dear readers,", "Please help!"] }],
    ["a paragraph added", { ...appeal, paragraphs: [...appeal.paragraphs, "Thank you."] }],
    ["lines moved between paragraphs", { ...appeal, paragraphs: ["Dear readers, Please help."] }],
    ["the dismiss label", { ...appeal, dismissLabel: "Not now." }],
    ["a support link added", { ...appeal, support: { label: "Give", href: "https://example.org/" } }],
  ])("changes when %s changes", (_, changed) => {
    expect(appealVersion(changed)).not.toBe(appealVersion(appeal));
  });
});

describe("snoozeMetaContent", () => {
  it("joins id, version and days with single spaces", () => {
    expect(snoozeMetaContent({ id: "moscow-times", version: "ZB2Sj5_OiWVK", days: 30 })).toBe(
      "moscow-times ZB2Sj5_OiWVK 30",
    );
  });

  it.each([
    ["an id with a space", { id: "a b", version: "v", days: 1 }],
    ["a version with a space", { id: "a", version: "v w", days: 1 }],
    ["zero days", { id: "a", version: "v", days: 0 }],
    ["fractional days", { id: "a", version: "v", days: 1.5 }],
  ])("refuses %s", (_, settings) => {
    expect(() => snoozeMetaContent(settings)).toThrow();
  });
});

describe("snoozeAnnouncement", () => {
  it("says how long, in days", () => {
    expect(snoozeAnnouncement(30)).toBe("Appeal hidden. It will show again in 30 days.");
    expect(snoozeAnnouncement(1)).toBe("Appeal hidden. It will show again in 1 day.");
  });

  it("speaks the edition's language, with its plural forms and digits", () => {
    expect(snoozeAnnouncement(1, "ru")).toBe("Обращение скрыто. Оно появится снова через 1 день.");
    expect(snoozeAnnouncement(3, "ru")).toBe("Обращение скрыто. Оно появится снова через 3 дня.");
    expect(snoozeAnnouncement(30, "ru")).toBe("Обращение скрыто. Оно появится снова через 30 дней.");
    expect(snoozeAnnouncement(30, "fa")).toContain("۳۰");
  });
});

describe("inlineScript", () => {
  const source = "const answer: number = 6 * 7;\ndocument.title = String(answer);\nexport {};\n";

  it("minifies TypeScript into one self-contained statement, the same every time", () => {
    const { code } = inlineScript(source);
    expect(code).toBe(inlineScript(`${source}`).code);
    expect(code).not.toContain(": number");
    expect(code).not.toContain("export");
    expect(code).not.toContain("\n");
  });

  it("hashes exactly the text it returns, as CSP does (SHA-256, base64)", async () => {
    const { code, hash } = inlineScript(source);
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(code)));
    expect(hash).toBe(`sha256-${btoa(String.fromCharCode(...digest))}`);
    expect(cspHash(code)).toBe(hash);
  });

  it("never ends its <script> element early", () => {
    expect(inlineScript('document.title = "</script>";').code).not.toMatch(/<\/script/iu);
    expect(() => inlineScript('document.title = "<!--";')).toThrow(/<!--/u);
  });
});
