/** Bounded pages for every list: integrators get opaque cursors and at most MAX_PAGE items. */
export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

/**
 * Without `backward`: the `limit` items after `cursor` (from the start when there is none). With
 * `backward`: the `limit` items immediately before `cursor` (the last `limit` when there is none).
 */
export interface PageArgs {
  limit?: number;
  cursor?: string | null;
  backward?: boolean;
}

export interface Page<T> {
  /** Always in the list's natural order, whichever way the page was asked for. */
  items: T[];
  /** Where to continue in the direction of travel; null when nothing more lies that way. */
  cursor: string | null;
  /** One per item: passed back (either direction) it continues from that item, excluding it. */
  cursors: string[];
  /** Exactly whether more items lie in the direction of travel. */
  hasMore: boolean;
}

export class PageSizeError extends Error {
  constructor(limit: number) {
    super(`page size ${limit} is out of range: ask for 1 to ${MAX_PAGE} items`);
    this.name = 'PageSizeError';
  }
}

/** A cursor that is malformed, tampered with, or issued by another list or partition. */
export class CursorError extends Error {
  constructor() {
    super('cursor is not valid for this list: pass back a cursor this list returned, or none');
    this.name = 'CursorError';
  }
}

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new PageSizeError(limit);
  return limit;
}
