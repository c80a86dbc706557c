/**
 * Where a list page's pager leads: page numbers, 0 being the list's first
 * page. A link is absent when it would lead nowhere or to the page itself.
 */
export interface PagerLinks {
  /** The list's first page (its newest items). */
  readonly newest?: number;
  readonly newer?: number;
  readonly older?: number;
  /** Page 1, the oldest items. */
  readonly oldest?: number;
}

/** One list page: its number and its share of the items, newest first. */
export interface ListPage<Item> {
  /**
   * 0 for the list's first page, which shows the newest `size` items and
   * changes with every new one. 1, 2, … are counted from the OLDEST end, so
   * that page n, once full, holds the same items for good.
   */
  readonly number: number;
  readonly items: readonly Item[];
  readonly links: PagerLinks;
}

/**
 * Splits items, newest first, into the list's first page (number 0, the
 * newest `size`) and, when they do not all fit there, numbered pages of
 * `size` counted from the oldest: page 1 holds the oldest `size`, and only
 * the last (newest) numbered page may be short. A new item therefore changes
 * the first page and the newest numbered page, or, when that one is full,
 * opens a new page and gives the one before it a "newer" link: a page never
 * shows anything (a count of pages, say) that moves as the list grows.
 */
export function splitIntoPages<Item>(items: readonly Item[], size: number): ListPage<Item>[] {
  if (!Number.isSafeInteger(size) || size < 1) {
    throw new RangeError(`a page holds a whole number of items from 1, not ${size}`);
  }
  const total = items.length;
  const first: ListPage<Item> = { number: 0, items: items.slice(0, size), links: {} };
  if (total <= size) return [first];
  const count = Math.ceil(total / size);
  // Items are numbered from the oldest (0) here; the input is newest first.
  const pageOfItem = (fromOldest: number) => Math.floor(fromOldest / size) + 1;
  const firstOlder = pageOfItem(total - size - 1);
  const pages: ListPage<Item>[] = [
    { ...first, links: { older: firstOlder, ...(firstOlder !== 1 && { oldest: 1 }) } },
  ];
  for (let number = 1; number <= count; number++) {
    const oldestIndex = (number - 1) * size;
    const newestIndex = Math.min(number * size, total) - 1;
    pages.push({
      number,
      items: items.slice(total - 1 - newestIndex, total - oldestIndex),
      links: {
        newest: 0,
        ...(number < count && { newer: number + 1 }),
        ...(number > 1 && { older: number - 1 }),
        ...(number > 2 && { oldest: 1 }),
      },
    });
  }
  return pages;
}
