/**
 * "加载更多" over a Relay connection: pages are appended in the order they were asked for, so a
 * late answer never lands out of place and already loaded items stay put.
 */
export interface PageOf<T> {
  items: readonly T[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Paging<T> {
  /** The `after` cursor of each page asked for, in order; the first page's is null. */
  readonly asked: readonly (string | null)[];
  /** Received pages by their `after` cursor ('' for the first). */
  readonly pages: Readonly<Record<string, PageOf<T>>>;
}

const key = (after: string | null) => after ?? '';

export function firstPage<T>(): Paging<T> {
  return { asked: [null], pages: {} };
}

/** The cursor the next request must carry: that of the last page asked for. */
export function currentCursor<T>(paging: Paging<T>): string | null {
  return paging.asked.at(-1) ?? null;
}

/**
 * Stores a page; an answer to a page nobody asked for (any more) is dropped, and a page already
 * received is kept as it was (the same state is returned), so the list never shifts under the
 * reader.
 */
export function receivePage<T>(
  paging: Paging<T>,
  after: string | null,
  page: PageOf<T>,
): Paging<T> {
  if (!paging.asked.includes(after) || paging.pages[key(after)]) return paging;
  return { asked: paging.asked, pages: { ...paging.pages, [key(after)]: page } };
}

/** The pages received so far, in order, up to the first still missing. */
function receivedInOrder<T>(paging: Paging<T>): PageOf<T>[] {
  const out: PageOf<T>[] = [];
  for (const after of paging.asked) {
    const page = paging.pages[key(after)];
    if (!page) break;
    out.push(page);
  }
  return out;
}

/** Every loaded item once, in page order (a listing that shifts may repeat one across pages). */
export function loadedItems<T>(paging: Paging<T>, idOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const page of receivedInOrder(paging)) {
    for (const item of page.items) {
      const id = idOf(item);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(item);
    }
  }
  return out;
}

/** Whether the last page asked for is still on its way. */
export function isLoadingPage<T>(paging: Paging<T>): boolean {
  return paging.pages[key(currentCursor(paging))] === undefined;
}

/** The cursor of the page after everything loaded; null when there is none (or one is on its way). */
export function nextCursor<T>(paging: Paging<T>): string | null {
  if (isLoadingPage(paging)) return null;
  const last = paging.pages[key(currentCursor(paging))];
  return last?.hasNextPage && last.endCursor ? last.endCursor : null;
}

/** Asks for the next page; unchanged when there is none to ask for. */
export function askNextPage<T>(paging: Paging<T>): Paging<T> {
  const cursor = nextCursor(paging);
  if (cursor === null || paging.asked.includes(cursor)) return paging;
  return { asked: [...paging.asked, cursor], pages: paging.pages };
}
