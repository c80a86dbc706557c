import * as cheerio from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { textContent } from "domutils";

/** Elements whose text reads as one line of its own. */
const BLOCKS = new Set([
  "address",
  "blockquote",
  "button",
  "caption",
  "dd",
  "dt",
  "figcaption",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "legend",
  "li",
  "p",
  "pre",
  "summary",
  "td",
  "th",
]);

export interface RegionText {
  /** The decoded text of each innermost block element, in document order. */
  readonly blocks: string[];
  /** Non-blank text that sits outside any innermost block. */
  readonly stray: string[];
}

export interface ArticlePageText {
  /** Blocks of the article's `<header>`: the headline, then the dateline. */
  readonly header: RegionText;
  /** Blocks of the `<article>` after its header: the body. */
  readonly body: RegionText;
  /** Blocks of the appeal (`aside[aria-labelledby]`), or undefined when the page has none. */
  readonly appeal: RegionText | undefined;
  /** True when the appeal comes after the article in the document and not inside it. */
  readonly appealFollowsArticle: boolean;
}

const isBlock = (node: AnyNode): node is Element => node.type === "tag" && BLOCKS.has(node.name);

/** Reads a region top to bottom as a reader would: one line per innermost block. */
export function readRegion(root: Element, skip: (node: Element) => boolean = () => false): RegionText {
  const blocks: string[] = [];
  const stray: string[] = [];
  const walk = (node: AnyNode, insideLeaf: boolean): void => {
    if (node.type === "text") {
      if (!insideLeaf && node.data.trim() !== "") stray.push(node.data);
      return;
    }
    if (node.type !== "tag" || skip(node)) return;
    const leaf = isBlock(node) && !hasBlockDescendant(node);
    if (leaf) blocks.push(textContent(node));
    for (const child of node.children) walk(child, insideLeaf || leaf);
  };
  for (const child of root.children) walk(child, false);
  return { blocks, stray };
}

function hasBlockDescendant(node: Element): boolean {
  return node.children.some((child) => child.type === "tag" && (isBlock(child) || hasBlockDescendant(child)));
}

/** Reads an article page's regions with a real HTML parser. */
export function readArticlePage(html: string): ArticlePageText {
  const $ = cheerio.load(html);
  const articles = $("article");
  if (articles.length !== 1) throw new Error(`expected one <article>, found ${articles.length}`);
  const article = articles.get(0)!;
  const header = $(article).children("header").get(0);
  if (!header) throw new Error("the <article> has no <header>");
  const aside = $("aside[aria-labelledby]").get(0);
  const all = $("*").toArray();
  return {
    header: readRegion(header),
    body: readRegion(article, (node) => node === header),
    appeal: aside && readRegion(aside),
    appealFollowsArticle:
      aside !== undefined &&
      $(aside).closest("article").length === 0 &&
      all.indexOf(aside) > all.indexOf(article),
  };
}

/** Differences between the expected lines and the lines a page shows; empty when they match. */
export function compareLines(expected: readonly string[], actual: readonly string[]): string[] {
  const problems: string[] = [];
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    if (expected[i] === actual[i]) continue;
    if (actual[i] === undefined) problems.push(`line ${i + 1} missing: ${JSON.stringify(expected[i])}`);
    else if (expected[i] === undefined) problems.push(`line ${i + 1} added: ${JSON.stringify(actual[i])}`);
    else
      problems.push(
        `line ${i + 1}: expected ${JSON.stringify(expected[i])}, got ${JSON.stringify(actual[i])}`,
      );
  }
  return problems;
}

export interface ExpectedArticlePage {
  readonly headline: string;
  /** The article's source lines, in order. */
  readonly body: readonly string[];
  /** The appeal's source lines, in order; undefined for a page without an appeal. */
  readonly appeal: readonly string[] | undefined;
}

/**
 * Everything that keeps a page from saying exactly what its source says:
 * lines dropped, altered, reordered or added, text outside any line, or an
 * appeal in the wrong place. Empty when the page is faithful.
 */
export function fidelityProblems(html: string, expected: ExpectedArticlePage): string[] {
  const page = readArticlePage(html);
  const problems: string[] = [];
  const region = (name: string, actual: RegionText | undefined, lines: readonly string[] | undefined) => {
    if (lines === undefined) {
      if (actual !== undefined) problems.push(`${name}: present but not expected`);
      return;
    }
    if (actual === undefined) {
      problems.push(`${name}: missing`);
      return;
    }
    problems.push(...compareLines(lines, actual.blocks).map((problem) => `${name}: ${problem}`));
    problems.push(...actual.stray.map((text) => `${name}: text outside any line: ${JSON.stringify(text)}`));
  };
  if (page.header.blocks[0] !== expected.headline) {
    problems.push(
      `headline: expected ${JSON.stringify(expected.headline)}, got ${JSON.stringify(page.header.blocks[0])}`,
    );
  }
  problems.push(...page.header.stray.map((text) => `header: text outside any line: ${JSON.stringify(text)}`));
  region("article", page.body, expected.body);
  region("appeal", page.appeal, expected.appeal);
  if (expected.appeal !== undefined && page.appeal !== undefined && !page.appealFollowsArticle) {
    problems.push("appeal: not after the article, outside it");
  }
  return problems;
}
