/** Bounded pages for every list: integrators get opaque cursors and at most MAX_PAGE items. */
export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

export interface PageArgs {
  limit?: number;
  cursor?: string | null;
}

export interface Page<T> {
  items: T[];
  cursor: string | null;
}

export class PageSizeError extends Error {
  constructor(limit: number) {
    super(`page size ${limit} is out of range: ask for 1 to ${MAX_PAGE} items`);
    this.name = 'PageSizeError';
  }
}

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new PageSizeError(limit);
  return limit;
}
