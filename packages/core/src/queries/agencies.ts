/** Agency reads: access patterns 1 and 2 (DESIGN.md, Data model). */
import { regionChildren } from '@gongkai/extract';
import type { Store } from '../db/store.ts';
import type { AgencyLevel } from '../domain/agency-identity.ts';
import type { SearchEntry } from '../domain/agency-search.ts';
import { keysetPage } from './keyset.ts';
import type { Page, PageArgs } from './page.ts';

export async function getAgency(store: Store, agencyId: string) {
  return (await store.db.entities.agency.get({ agencyId }).go()).data;
}
export type AgencyRecord = NonNullable<Awaited<ReturnType<typeof getAgency>>>;

/** Batch lookup (one BatchGet per 100 ids), in the order asked; null for unknown ids. */
export async function getAgencies(
  store: Store,
  agencyIds: readonly string[],
): Promise<(AgencyRecord | null)[]> {
  if (agencyIds.length === 0) return [];
  const out = await store.db.entities.agency
    .get(agencyIds.map((agencyId) => ({ agencyId })))
    .go({ preserveBatchOrder: true });
  return out.data.map((item) => item ?? null);
}

export interface RegionQuery extends PageArgs {
  /** A GB/T 2260 code or a prefix of one: '44' (province), '4401' (city), '440106' (county). */
  region: string;
  level?: AgencyLevel;
}

/** Agencies within a region, grouped by exact region code then level then name. */
export async function agenciesOfRegion(
  store: Store,
  query: RegionQuery,
): Promise<Page<AgencyRecord>> {
  const prefix = regionPrefix(query.region);
  const base = store.db.entities.agency.query.byRegion({ province: prefix.slice(0, 2) });
  // An exact county code plus a level is a key prefix; a wider region with a level filters.
  const exact = prefix.length === 6 && query.level !== undefined;
  const ranged = exact
    ? base.begins({ regionCode: prefix, level: query.level })
    : base.begins({ regionCode: prefix });
  const filter = !exact && query.level !== undefined;
  const filtered = filter
    ? ranged.where((a, op) => op.eq(a.level, query.level as AgencyLevel))
    : ranged;
  return keysetPage(
    {
      entity: store.db.entities.agency,
      accessPattern: 'byRegion',
      query: filtered,
      order: 'asc',
      filtered: filter,
    },
    query,
  );
}

export class RegionCodeError extends Error {
  constructor(region: string) {
    super(
      `'${region.slice(0, 20)}' is not a region code: give 2, 4 or 6 digits of a GB/T 2260 code`,
    );
    this.name = 'RegionCodeError';
  }
}

/** '440000' → '44', '440100' → '4401': trailing zero pairs widen the region to its subtree. */
export function regionPrefix(region: string): string {
  if (!/^\d{2}(\d{2}){0,2}$/.test(region)) throw new RegionCodeError(region);
  if (region.length === 6 && region.endsWith('0000') && region !== '000000')
    return region.slice(0, 2);
  if (region.length === 6 && region.endsWith('00') && region !== '000000')
    return region.slice(0, 4);
  return region;
}

/**
 * Every agency as a search entry, for the in-memory name index: one paged query per province
 * partition (plus the one for agencies without a place). Not a request path: run at start-up.
 */
export async function loadSearchEntries(store: Store): Promise<SearchEntry[]> {
  const provinces = ['00', ...regionChildren(null).map((p) => p.code.slice(0, 2))];
  const pages = await Promise.all(
    provinces.map((province) =>
      store.db.entities.agency.query
        .byRegion({ province })
        .go({ pages: 'all', attributes: ['agencyId', 'name', 'aliases', 'regionCode', 'level'] }),
    ),
  );
  return pages.flatMap((p) =>
    p.data.map((a) => ({
      id: a.agencyId,
      name: a.name,
      aliases: a.aliases ?? [],
      regionCode: a.regionCode === '000000' ? null : a.regionCode,
      level: a.level,
    })),
  );
}
