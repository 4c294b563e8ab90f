/**
 * Keyset pages in both directions over one ElectroDB index query, for Relay connections
 * (`first/after`, `last/before`). A cursor is ElectroDB's own: base64url of the JSON of an item's
 * keys (table keys, plus the index keys for a secondary index), exactly what ElectroDB returns as
 * the page cursor after that item. A page reads limit + 1 items in the direction of travel, so
 * `hasMore` is known rather than guessed; a backward page queries in the reverse order and turns
 * the result round, so items always come in the list's natural order.
 */
import { createConversions } from 'electrodb';
import { CursorError, type Page, type PageArgs, pageLimit } from './page.ts';

export type SortOrder = 'asc' | 'desc';

/** What the helper needs of an ElectroDB entity: its index definitions (conversions come from it). */
export interface KeysetEntity {
  schema: {
    indexes: Record<string, { index?: string; pk: { field: string }; sk?: { field: string } }>;
  };
}

/** An ElectroDB query with its key condition (and any `where` filter) set, not yet run. */
export interface KeysetQuery<T> {
  go(options: {
    order: SortOrder;
    count: number;
    limit?: number;
    cursor: string | null;
  }): Promise<{ data: T[] }>;
  params(): object;
}

export interface KeysetList<T> {
  entity: KeysetEntity;
  /** The entity's index (access pattern) name the query runs on, e.g. 'byRegion'. */
  accessPattern: string;
  query: KeysetQuery<T>;
  /** The list's natural order. */
  order: SortOrder;
  /**
   * The query has a `where` filter: ElectroDB keeps reading until the page is full, DynamoDB pages
   * are read whole (up to 1 MB) instead of limit + 1 items at a time.
   */
  filtered?: boolean;
  /**
   * Adjacent items with the same key show as one item, the one `keep` picks (e.g. the newest
   * version of a report). A page still holds exactly `limit` shown items when more exist.
   */
  collapse?: { key(item: Record<string, unknown>): string; keep(a: T, b: T): T };
}

interface PatternConversions {
  fromKeys: { toComposite(keys: Record<string, string>): Record<string, unknown> };
  fromComposite: {
    toCursor(composite: object): string;
    toKeys(composite: object, options: { strict: 'all' }): Record<string, unknown>;
  };
}

const conversionsOf = new WeakMap<object, Record<string, PatternConversions>>();

function patternConversions(entity: KeysetEntity, accessPattern: string): PatternConversions {
  let byPattern = conversionsOf.get(entity);
  if (!byPattern) {
    const conversions = createConversions(
      entity as unknown as Parameters<typeof createConversions>[0],
    ) as unknown as { byAccessPattern: Record<string, PatternConversions> };
    byPattern = conversions.byAccessPattern;
    conversionsOf.set(entity, byPattern);
  }
  const found = byPattern[accessPattern];
  if (!found) throw new Error(`no access pattern '${accessPattern}' on this entity`);
  return found;
}

/** The key fields a cursor of this access pattern holds: the index's and the table's. */
function cursorFields(entity: KeysetEntity, accessPattern: string) {
  const indexes = Object.values(entity.schema.indexes);
  const table = indexes.find((i) => i.index === undefined);
  const index = entity.schema.indexes[accessPattern];
  if (!table || !index) throw new Error(`no access pattern '${accessPattern}' on this entity`);
  const fields = new Set<string>();
  for (const i of [index, table]) {
    fields.add(i.pk.field);
    if (i.sk) fields.add(i.sk.field);
  }
  return { pk: index.pk.field, sk: index.sk?.field, all: fields };
}

/** The partition value and sort-key prefix the query's key condition allows. */
function keyBounds(query: KeysetQuery<unknown>, pkField: string, skField: string | undefined) {
  const params = query.params() as {
    KeyConditionExpression?: string;
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues?: Record<string, unknown>;
  };
  const condition = params.KeyConditionExpression ?? '';
  const names = params.ExpressionAttributeNames ?? {};
  const values = params.ExpressionAttributeValues ?? {};
  const pk = values[':pk'];
  if (names['#pk'] !== pkField || typeof pk !== 'string')
    throw new Error(`keyset query is not on the '${pkField}' partition key`);
  if (condition === '#pk = :pk') return { pk, skPrefix: '' };
  const prefix = values[':sk1'];
  if (
    condition === '#pk = :pk and begins_with(#sk1, :sk1)' &&
    names['#sk1'] === skField &&
    typeof prefix === 'string'
  )
    return { pk, skPrefix: prefix };
  throw new Error(`keyset pages take a partition and a sort-key prefix, not '${condition}'`);
}

const CURSOR_SHAPE = /^[A-Za-z0-9_-]{1,4096}$/;

/**
 * The composite attributes of a cursor issued for this query; throws CursorError unless it is
 * well formed, holds exactly this index's and the table's keys, lies within the query's partition
 * and sort-key prefix, and rebuilds to the same keys from its own attributes (so a table key and an
 * index key that disagree, or a number that is not one, are caught before DynamoDB sees them).
 */
function readCursor<T>(list: KeysetList<T>, cursor: string): Record<string, unknown> {
  if (typeof cursor !== 'string' || !CURSOR_SHAPE.test(cursor)) throw new CursorError();
  const json = Buffer.from(cursor, 'base64url').toString('utf8');
  // Canonical encoding only: truncated or padded-out text does not decode back to itself.
  if (Buffer.from(json, 'utf8').toString('base64url') !== cursor) throw new CursorError();
  let keys: unknown;
  try {
    keys = JSON.parse(json);
  } catch {
    throw new CursorError();
  }
  if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) throw new CursorError();
  const record = keys as Record<string, unknown>;
  const fields = cursorFields(list.entity, list.accessPattern);
  const names = Object.keys(record);
  if (names.length !== fields.all.size) throw new CursorError();
  for (const name of names)
    if (!fields.all.has(name) || typeof record[name] !== 'string') throw new CursorError();
  const strings = record as Record<string, string>;

  const bounds = keyBounds(list.query, fields.pk, fields.sk);
  if (strings[fields.pk] !== bounds.pk) throw new CursorError();
  if (fields.sk !== undefined && !strings[fields.sk]?.startsWith(bounds.skPrefix))
    throw new CursorError();

  const conversions = patternConversions(list.entity, list.accessPattern);
  let composite: Record<string, unknown>;
  let rebuilt: Record<string, unknown>;
  try {
    composite = conversions.fromKeys.toComposite(strings);
    rebuilt = conversions.fromComposite.toKeys(composite, { strict: 'all' });
  } catch {
    throw new CursorError();
  }
  for (const name of names) if (rebuilt[name] !== strings[name]) throw new CursorError();
  if (Object.keys(rebuilt).length !== names.length) throw new CursorError();
  return composite;
}

/** One page of the list: see PageArgs for the direction and Page for what comes back. */
export async function keysetPage<T extends object>(
  list: KeysetList<T>,
  page: PageArgs,
): Promise<Page<T>> {
  const limit = pageLimit(page.limit);
  const backward = page.backward === true;
  const travel: SortOrder = backward === (list.order === 'asc') ? 'desc' : 'asc';
  const conversions = patternConversions(list.entity, list.accessPattern);
  const toCursor = (item: T) => conversions.fromComposite.toCursor(item);
  const collapse = list.collapse;
  const keyOf = (item: T) => collapse?.key(item as Record<string, unknown>);

  let start: string | null = null;
  // Items continuing the group the cursor's item stood for were shown with it: skip them.
  let skip: string | undefined;
  if (page.cursor !== undefined && page.cursor !== null) {
    const composite = readCursor(list, page.cursor);
    start = page.cursor;
    skip = collapse?.key(composite);
  }

  // Groups in the order of travel; without `collapse` every item is its own group. Reading stops
  // once limit + 1 groups have begun (the first `limit` are then complete) or the list ends. A
  // second read takes twice what is missing (plus one skipped), so with at most two items per
  // group (a report while its next version commits) a page takes at most two requests.
  const groups: T[][] = [];
  let lastKey: string | undefined;
  for (let round = 0; ; round++) {
    const missing = limit + 1 - groups.length;
    const count = round === 0 ? missing : 2 * missing + 1;
    const out = await list.query.go({
      order: travel,
      count,
      ...(list.filtered ? {} : { limit: count }),
      cursor: start,
    });
    for (const item of out.data) {
      const key = keyOf(item);
      if (skip !== undefined) {
        if (key === skip) continue;
        skip = undefined;
      }
      const current = groups.at(-1);
      if (current && key !== undefined && key === lastKey) current.push(item);
      else groups.push([item]);
      lastKey = key;
    }
    const last = out.data.at(-1);
    // ElectroDB returns fewer than `count` items only when the index has no more.
    if (groups.length > limit || out.data.length < count || last === undefined) break;
    start = toCursor(last);
  }

  const hasMore = groups.length > limit;
  const items = groups
    .slice(0, limit)
    .map((group) => (collapse ? group.reduce((a, b) => collapse.keep(a, b)) : (group[0] as T)));
  if (backward) items.reverse();
  const cursors = items.map(toCursor);
  const edge = backward ? cursors[0] : cursors.at(-1);
  return { items, cursors, hasMore, cursor: hasMore ? (edge ?? null) : null };
}
