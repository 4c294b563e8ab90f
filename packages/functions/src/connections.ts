/**
 * Relay connections over the core's keyset pages. Every connection needs `first` or `last`
 * (1 to 100): a client states the page it wants, and its cost is known before anything is read.
 */
import { CursorError, MAX_PAGE, type Page, type PageArgs } from '@gongkai/core';
import * as z from 'zod/mini';

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

const size = z.optional(
  z.nullable(
    z
      .int()
      .check(
        z.minimum(1, 'ask for at least 1 item'),
        z.maximum(MAX_PAGE, `ask for at most ${MAX_PAGE} items per page`),
      ),
  ),
);

const cursor = z.optional(z.nullable(z.string().check(z.maxLength(2000, 'cursor is too long'))));

/** The rules every connection's arguments follow, plus a field's own; other arguments pass. */
export function connectionArgs<Extra extends Record<string, z.ZodMiniType>>(extra?: Extra) {
  return z.looseObject({ first: size, last: size, after: cursor, before: cursor, ...extra }).check(
    z.refine((a: ConnectionArgs) => (a.first == null) !== (a.last == null), {
      message: `give either first or last (1 to ${MAX_PAGE})`,
    }),
    z.refine((a: ConnectionArgs) => !(a.after != null && a.last != null), {
      message: 'after goes with first; use before with last',
    }),
    z.refine((a: ConnectionArgs) => !(a.before != null && a.first != null), {
      message: 'before goes with last; use after with first',
    }),
  );
}

export const connectionArgsSchema = connectionArgs();

/** A connection costs its page size times what each node asks for. */
export const connectionComplexity = (args: ConnectionArgs) => ({
  field: 1,
  multiplier: args.first ?? args.last ?? 1,
});

export function pageArgs(args: ConnectionArgs): PageArgs {
  return args.last != null
    ? { limit: args.last, cursor: args.before ?? null, backward: true }
    : { limit: args.first ?? undefined, cursor: args.after ?? null };
}

export function connectionOf<T>(page: Page<T>, args: ConnectionArgs) {
  const backward = args.last != null;
  const edges = page.items.map((node, i) => ({ node, cursor: page.cursors[i] ?? '' }));
  return {
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
      hasNextPage: backward ? args.before != null : page.hasMore,
      hasPreviousPage: backward ? page.hasMore : args.after != null,
    },
  };
}

/** A page of an in-memory list (search hits, a catalog), with offsets as cursors. */
export function arrayPage<T>(all: readonly T[], args: ConnectionArgs): Page<T> {
  const p = pageArgs(args);
  const limit = p.limit ?? 20;
  const at = p.cursor == null ? null : offsetOf(p.cursor, all.length);
  const [start, end] = p.backward
    ? [Math.max(0, (at ?? all.length) - limit), at ?? all.length]
    : [at === null ? 0 : at + 1, (at === null ? 0 : at + 1) + limit];
  const items = all.slice(start, end);
  return {
    items,
    cursors: items.map((_, i) => offsetCursor(start + i)),
    cursor: null,
    hasMore: p.backward ? start > 0 : end < all.length,
  };
}

const offsetCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

function offsetOf(cursor: string, length: number): number {
  const m = /^offset:(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const n = m ? Number(m[1]) : Number.NaN;
  if (!(n >= 0 && n < Math.max(length, 1))) {
    throw new CursorError();
  }
  return n;
}
