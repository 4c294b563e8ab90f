/**
 * The agencies a person opened lately, kept on their device (localStorage) so the search page
 * can offer them again. Storage may be missing, full or refuse access (private mode); none of
 * that may break a page, so every access is guarded and the list logic stays pure.
 */
export interface RecentAgency {
  agencyId: string;
  name: string;
  region: string | null;
}

export const RECENT_KEY = 'gongkai.recentAgencies';
export const RECENT_MAX = 8;

function isRecentAgency(value: unknown): value is RecentAgency {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.agencyId === 'string' &&
    v.agencyId !== '' &&
    typeof v.name === 'string' &&
    v.name !== '' &&
    (v.region === null || typeof v.region === 'string')
  );
}

/** The entries of whatever was stored, valid ones only, deduplicated and capped. */
export function parseRecent(stored: string | null): RecentAgency[] {
  if (!stored) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const seen = new Set<string>();
  const list: RecentAgency[] = [];
  for (const item of parsed) {
    if (!isRecentAgency(item) || seen.has(item.agencyId)) continue;
    seen.add(item.agencyId);
    list.push({ agencyId: item.agencyId, name: item.name, region: item.region || null });
    if (list.length === RECENT_MAX) break;
  }
  return list;
}

/** The list with `agency` first, any older entry for it removed, at most RECENT_MAX long. */
export function addRecent(list: readonly RecentAgency[], agency: RecentAgency): RecentAgency[] {
  if (!isRecentAgency(agency)) return [...list];
  const entry = { agencyId: agency.agencyId, name: agency.name, region: agency.region || null };
  return [entry, ...list.filter((a) => a.agencyId !== agency.agencyId)].slice(0, RECENT_MAX);
}

function defaultStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    // Reading localStorage itself throws when the browser blocks site data.
    return undefined;
  }
}

export function recentAgencies(storage: Storage | undefined = defaultStorage()): RecentAgency[] {
  try {
    return parseRecent(storage?.getItem(RECENT_KEY) ?? null);
  } catch {
    return [];
  }
}

export function rememberAgency(
  a: RecentAgency,
  storage: Storage | undefined = defaultStorage(),
): void {
  if (!storage) return;
  try {
    storage.setItem(RECENT_KEY, JSON.stringify(addRecent(recentAgencies(storage), a)));
  } catch {
    // Quota exceeded or storage disabled: forgetting is the only sensible fallback.
  }
}

export function forgetRecentAgencies(storage: Storage | undefined = defaultStorage()): void {
  try {
    storage?.removeItem(RECENT_KEY);
  } catch {
    // As above: nothing to do when storage refuses.
  }
}
