import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { splitIntoPages, type ListPage } from "../../src/lib/pager.ts";

/** Items newest first, as the site lists them: count - 1 (the newest) down to 0 (the oldest). */
const newestFirst = (count: number) => Array.from({ length: count }, (_, index) => count - 1 - index);

const byNumber = <Item>(pages: readonly ListPage<Item>[]) =>
  new Map(pages.map((page) => [page.number, page] as const));

describe("splitIntoPages", () => {
  it("shows the newest on page 0, and numbers full pages from the oldest, the newest short", () => {
    expect(splitIntoPages(newestFirst(7), 3)).toEqual([
      { number: 0, items: [6, 5, 4], links: { older: 2, oldest: 1 } },
      { number: 1, items: [2, 1, 0], links: { newest: 0, newer: 2 } },
      { number: 2, items: [5, 4, 3], links: { newest: 0, newer: 3, older: 1 } },
      { number: 3, items: [6], links: { newest: 0, older: 2, oldest: 1 } },
    ]);
  });

  it("links page 0's older to the page after what page 0 shows, and no oldest link where older is page 1", () => {
    expect(splitIntoPages(newestFirst(6), 3)).toEqual([
      { number: 0, items: [5, 4, 3], links: { older: 1 } },
      { number: 1, items: [2, 1, 0], links: { newest: 0, newer: 2 } },
      { number: 2, items: [5, 4, 3], links: { newest: 0, older: 1 } },
    ]);
  });

  it("gives page 0 alone, with no links, for up to a page of items, and for none", () => {
    expect(splitIntoPages(newestFirst(3), 3)).toEqual([{ number: 0, items: [2, 1, 0], links: {} }]);
    expect(splitIntoPages([], 3)).toEqual([{ number: 0, items: [], links: {} }]);
  });

  it.each([0, -1, 2.5, Number.NaN])("refuses a page size of %d", (size) => {
    expect(() => splitIntoPages(newestFirst(3), size)).toThrow(RangeError);
  });

  const counts = fc.integer({ min: 0, max: 200 });
  const sizes = fc.integer({ min: 1, max: 30 });

  test.prop([counts, sizes])(
    "page 0 is the newest; the numbered pages hold each item once, oldest first, full but the newest",
    (count, size) => {
      const items = newestFirst(count);
      const [first, ...numbered] = splitIntoPages(items, size);
      expect(first?.items).toEqual(items.slice(0, size));
      if (count <= size) {
        expect(numbered).toEqual([]);
        return;
      }
      expect(numbered.map((page) => page.number)).toEqual(numbered.map((_, index) => index + 1));
      // Read from page 1 up, each page read newest first: the items, oldest to newest, reversed per page.
      expect(numbered.flatMap((page) => page.items.toReversed())).toEqual(items.toReversed());
      numbered.slice(0, -1).forEach((page) => expect(page.items).toHaveLength(size));
      expect(numbered.at(-1)?.items.length).toBeGreaterThan(0);
    },
  );

  test.prop([counts, sizes])(
    "every link leads to a page that exists, never to itself; following older from page 0 reads everything",
    (count, size) => {
      const items = newestFirst(count);
      const pages = byNumber(splitIntoPages(items, size));
      for (const page of pages.values()) {
        for (const target of Object.values(page.links)) {
          expect(pages.has(target)).toBe(true);
          expect(target).not.toBe(page.number);
        }
      }
      const seen = new Set<number>();
      for (let page = pages.get(0); page !== undefined; page = pages.get(page.links.older ?? -1)) {
        page.items.forEach((item) => seen.add(item));
      }
      expect(seen.size).toBe(count);
    },
  );

  test.prop([counts, sizes])(
    "one newer item changes only page 0 and the newest one or two numbered pages; the rest stay as they were",
    (count, size) => {
      const before = byNumber(splitIntoPages(newestFirst(count), size));
      const after = byNumber(splitIntoPages(newestFirst(count + 1), size));
      const changed = [...after.keys()].filter(
        (number) => JSON.stringify(after.get(number)) !== JSON.stringify(before.get(number)),
      );
      const newest = Math.max(...after.keys());
      for (const number of changed) expect([0, newest, newest - 1]).toContain(number);
      // Nothing disappears.
      for (const number of before.keys()) expect(after.has(number)).toBe(true);
    },
  );
});
