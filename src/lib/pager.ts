/** One list page: its number (from 1), how many pages there are, and its share of the items. */
export interface ListPage<Item> {
  readonly number: number;
  readonly count: number;
  readonly items: readonly Item[];
}

/**
 * Splits items, already in reading order, into pages of `size`: every page
 * full but the last. No items still make one (empty) page, since the home
 * page is always there.
 */
export function splitIntoPages<Item>(items: readonly Item[], size: number): ListPage<Item>[] {
  if (!Number.isSafeInteger(size) || size < 1) {
    throw new RangeError(`a page holds a whole number of items from 1, not ${size}`);
  }
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, index) => ({
    number: index + 1,
    count,
    items: items.slice(index * size, (index + 1) * size),
  }));
}
