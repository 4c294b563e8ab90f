/** Access pattern 8: what changed since a timestamp, for incremental sync. */
import type { Store } from '../db/store.ts';
import { pageLimit } from './page.ts';

export interface Change {
  kind: 'agency' | 'report';
  id: string;
  updatedAt: string;
}

export interface ChangesPage {
  changes: Change[];
  /** Pass back as `since` to continue; null when caught up to `now`. */
  next: string | null;
}

export class TimestampError extends Error {
  constructor(value: string) {
    super(`'${value.slice(0, 40)}' is not an ISO 8601 timestamp`);
    this.name = 'TimestampError';
  }
}

/** Months from `since`'s month to `now`'s, inclusive: the change feed's partitions. */
export function monthsBetween(since: string, now: string): string[] {
  const out: string[] = [];
  let [y, m] = since.slice(0, 7).split('-').map(Number) as [number, number];
  const end = now.slice(0, 7);
  for (;;) {
    const bucket = `${y}-${String(m).padStart(2, '0')}`;
    if (bucket > end) break;
    out.push(bucket);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/**
 * Agencies and reports updated after `since`, oldest first, up to `limit` (≤ 100). `since` is an
 * ISO timestamp or the `next` token of a previous page (timestamp plus the last item seen, so
 * items sharing a timestamp are neither skipped nor repeated). Reads month partitions in order
 * and stops as soon as the page is full.
 */
export async function changesSince(
  store: Store,
  since: string,
  now: string,
  limit?: number,
): Promise<ChangesPage> {
  const [stamp = '', lastKey] = since.split('|', 2);
  const parsed = Date.parse(stamp);
  if (Number.isNaN(parsed) || !/^\d{4}-\d{2}-\d{2}/.test(stamp)) throw new TimestampError(since);
  const from = new Date(parsed).toISOString();
  const after = (c: Change) =>
    lastKey === undefined
      ? c.updatedAt > from
      : c.updatedAt > from || (c.updatedAt === from && keyOf(c) > lastKey);
  const max = pageLimit(limit);
  // Slack for items sharing the `from` timestamp that the token says were already seen.
  const fetch = max + 1 + SAME_STAMP_SLACK;
  const changes: Change[] = [];
  let horizon: Change | null = null;
  for (const bucket of monthsBetween(from, now)) {
    const [agencies, reports] = await Promise.all([
      store.db.entities.agency.query
        .changes({ changeBucket: bucket })
        .gte({ updatedAt: from })
        .go({ limit: fetch }),
      store.db.entities.report.query
        .changes({ changeBucket: bucket })
        .gte({ updatedAt: from })
        .go({ limit: fetch }),
    ]);
    const a = agencies.data.map(
      (x): Change => ({ kind: 'agency', id: x.agencyId, updatedAt: x.updatedAt }),
    );
    const r = reports.data.map(
      (x): Change => ({ kind: 'report', id: x.reportId, updatedAt: x.updatedAt }),
    );
    changes.push(...a, ...r);
    // A stream cut off by the limit says nothing past its last item: the page must stop there.
    for (const [items, more] of [
      [a, agencies.cursor],
      [r, reports.cursor],
    ] as const) {
      const last = items.at(-1);
      if (more && last && (!horizon || compare(last, horizon) < 0)) horizon = last;
    }
    if (horizon || changes.filter(after).length > max) break;
  }
  const ordered = changes
    .filter(after)
    .filter((c) => !horizon || compare(c, horizon) <= 0)
    .sort(compare);
  const page = ordered.slice(0, max);
  const last = page.at(-1);
  const more = ordered.length > max || horizon !== null;
  return { changes: page, next: more && last ? `${last.updatedAt}|${keyOf(last)}` : null };
}

const SAME_STAMP_SLACK = 25;
const compare = (a: Change, b: Change) =>
  a.updatedAt.localeCompare(b.updatedAt) || keyOf(a).localeCompare(keyOf(b));
const keyOf = (c: Change) => `${c.kind}:${c.id}`;
