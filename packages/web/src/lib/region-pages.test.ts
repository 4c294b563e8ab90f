import { describe, expect, it } from 'vitest';
import {
  askNextPage,
  currentCursor,
  firstPage,
  isLoadingPage,
  loadedItems,
  nextCursor,
  type PageOf,
  type Paging,
  receivePage,
} from './region-pages.ts';

type Item = { id: string };
const page = (
  ids: string[],
  endCursor: string | null,
  hasNextPage = endCursor !== null,
): PageOf<Item> => ({
  items: ids.map((id) => ({ id })),
  hasNextPage,
  endCursor,
});
const ids = (p: Paging<Item>) => loadedItems(p, (i) => i.id).map((i) => i.id);

describe('paging', () => {
  it('starts by asking for the first page', () => {
    const p = firstPage<Item>();
    expect(currentCursor(p)).toBeNull();
    expect(isLoadingPage(p)).toBe(true);
    expect(ids(p)).toEqual([]);
    expect(nextCursor(p)).toBeNull();
  });

  it('appends pages in the order asked, keeping those loaded', () => {
    let p = receivePage(firstPage<Item>(), null, page(['a', 'b'], 'c1'));
    expect(ids(p)).toEqual(['a', 'b']);
    expect(nextCursor(p)).toBe('c1');
    p = askNextPage(p);
    expect(currentCursor(p)).toBe('c1');
    expect(isLoadingPage(p)).toBe(true);
    // Still showing the first page while the second loads.
    expect(ids(p)).toEqual(['a', 'b']);
    expect(nextCursor(p)).toBeNull();
    p = receivePage(p, 'c1', page(['c', 'd'], null));
    expect(ids(p)).toEqual(['a', 'b', 'c', 'd']);
    expect(isLoadingPage(p)).toBe(false);
    expect(nextCursor(p)).toBeNull();
  });

  it.each<[string, Paging<Item>, string[]]>([
    [
      'drops an answer for a page not asked for',
      receivePage(firstPage<Item>(), 'zz', page(['x'], null)),
      [],
    ],
    [
      'is idempotent when the same page arrives twice',
      receivePage(receivePage(firstPage<Item>(), null, page(['a'], null)), null, page(['a'], null)),
      ['a'],
    ],
    [
      'shows an item repeated across pages once',
      receivePage(
        askNextPage(receivePage(firstPage<Item>(), null, page(['a', 'b'], 'c1'))),
        'c1',
        page(['b', 'c'], null),
      ),
      ['a', 'b', 'c'],
    ],
  ])('%s', (_what, p, expected) => {
    expect(ids(p)).toEqual(expected);
  });

  it.each<[string, PageOf<Item>]>([
    ['no next page', page(['a'], 'c1', false)],
    ['no cursor', page(['a'], null, true)],
  ])('does not ask past the end (%s)', (_what, last) => {
    const p = receivePage(firstPage<Item>(), null, last);
    expect(askNextPage(p)).toBe(p);
  });

  it('keeps a page already received (and returns the same state)', () => {
    const p = receivePage(firstPage<Item>(), null, page(['a'], null));
    expect(receivePage(p, null, page(['z'], null))).toBe(p);
    expect(ids(p)).toEqual(['a']);
  });

  it('does not ask for the same page twice', () => {
    const p = askNextPage(receivePage(firstPage<Item>(), null, page(['a'], 'c1')));
    expect(askNextPage(p)).toBe(p);
    expect(p.asked).toEqual([null, 'c1']);
  });
});
