import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { splitIntoPages } from "../../src/lib/pager.ts";

const numbers = (count: number) => Array.from({ length: count }, (_, index) => index);

describe("splitIntoPages", () => {
  it("fills every page but the last, in order", () => {
    expect(splitIntoPages(numbers(7), 3)).toEqual([
      { number: 1, count: 3, items: [0, 1, 2] },
      { number: 2, count: 3, items: [3, 4, 5] },
      { number: 3, count: 3, items: [6] },
    ]);
  });

  it("makes no empty last page when the items fill the pages exactly", () => {
    expect(splitIntoPages(numbers(6), 3).map((page) => page.items)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
  });

  it("gives one page for up to a page of items, and one empty page for none", () => {
    expect(splitIntoPages(numbers(3), 3)).toEqual([{ number: 1, count: 1, items: [0, 1, 2] }]);
    expect(splitIntoPages(numbers(1), 3)).toEqual([{ number: 1, count: 1, items: [0] }]);
    expect(splitIntoPages([], 3)).toEqual([{ number: 1, count: 1, items: [] }]);
  });

  it.each([0, -1, 2.5, Number.NaN])("refuses a page size of %d", (size) => {
    expect(() => splitIntoPages(numbers(3), size)).toThrow(RangeError);
  });

  test.prop([fc.array(fc.integer(), { maxLength: 200 }), fc.integer({ min: 1, max: 30 })])(
    "any items: each exactly once, in order, full pages but the last, numbered 1 to count",
    (items, size) => {
      const pages = splitIntoPages(items, size);
      expect(pages.flatMap((page) => page.items)).toEqual(items);
      expect(pages.length).toBe(Math.max(1, Math.ceil(items.length / size)));
      pages.forEach((page, index) => {
        expect(page.number).toBe(index + 1);
        expect(page.count).toBe(pages.length);
        if (index < pages.length - 1) expect(page.items).toHaveLength(size);
        else expect(page.items.length).toBeLessThanOrEqual(size);
      });
      if (items.length > 0) expect(pages.at(-1)?.items.length).toBeGreaterThan(0);
    },
  );
});
