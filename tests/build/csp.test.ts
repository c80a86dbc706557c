import { createHash } from "node:crypto";
import * as cheerio from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { inlineScript } from "../../src/lib/inlineScript.ts";
import snoozeSource from "../../src/scripts/appeal-snooze.ts?raw";
import { SOURCE } from "../support/sources.ts";
import { ownSite } from "../support/fixture.ts";
import { EXECUTABLE_SCRIPT } from "../support/scripts.ts";

let $: cheerio.CheerioAPI;
let policy: Map<string, string[]>;

/** Splits a policy into directive name → source list. */
function parsePolicy(text: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of text.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/u);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

// Computed here with node:crypto, independently of the site's own helper.
const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

beforeAll(async () => {
  $ = cheerio.load(await ownSite.readFile(`articles/${SOURCE.slug}/`));
  policy = parsePolicy($('meta[http-equiv="content-security-policy"]').attr("content") ?? "");
});

describe("the article page's Content-Security-Policy", () => {
  it("is one <meta> in <head>, before every script and style it governs", () => {
    const metas = $('meta[http-equiv="content-security-policy"]');
    expect(metas).toHaveLength(1);
    expect(metas.parent().is("head")).toBe(true);
    const all = $("*").toArray();
    const at = all.indexOf(metas.get(0)!);
    const governed = $(`${EXECUTABLE_SCRIPT}, style, link[rel~="stylesheet"]`).toArray();
    expect(governed.length).toBeGreaterThan(1);
    for (const node of governed) expect(all.indexOf(node)).toBeGreaterThan(at);
  });

  it("denies by default and locks base, forms and plugins", () => {
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    // Same origin only, for tools such as Lighthouse that fetch robots.txt under the page's policy.
    expect(policy.get("connect-src")).toEqual(["'self'"]);
  });

  it("allows inline code by hash only: no 'unsafe-inline', 'unsafe-eval', wildcard, scheme or other host", () => {
    for (const [name, sources] of policy) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).toMatch(/^'(?:none|self|sha256-[A-Za-z0-9+/]+=*)'$/u);
      }
    }
  });

  it("has the hash of every inline script and style on the page", () => {
    const scripts = $(EXECUTABLE_SCRIPT).toArray();
    const styles = $("style").toArray();
    expect(scripts).toHaveLength(1);
    expect(styles.length).toBeGreaterThan(0);
    for (const script of scripts) expect(policy.get("script-src")).toContain(sha256($(script).text()));
    for (const style of styles) expect(policy.get("style-src")).toContain(sha256($(style).text()));
  });

  it("needs no hash for anything else: no style attributes, no event-handler attributes, no javascript: URLs", () => {
    const attributes = $("*")
      .toArray()
      .flatMap((node) => Object.entries((node as { attribs?: Record<string, string> }).attribs ?? {}));
    expect(attributes.filter(([name]) => name === "style" || name.startsWith("on"))).toEqual([]);
    expect(attributes.filter(([, value]) => /^\s*javascript:/iu.test(value))).toEqual([]);
  });

  it("inlines exactly the snooze script built from src/scripts/appeal-snooze.ts, first in <body>", () => {
    const script = $(EXECUTABLE_SCRIPT);
    expect(script.text()).toBe(inlineScript(snoozeSource).code);
    expect(script.parent().is("body")).toBe(true);
    expect(script.prevAll()).toHaveLength(0);
    expect($('meta[name="appeal-snooze"]').parent().is("head")).toBe(true);
  });
});
