/**
 * Browsing agencies by place: the divisions under a region that hold agencies, with how many
 * each holds (its own and its descendants'), from per-code counts. Divisions with none are left
 * out, so a phone user never taps into an empty province.
 */
import { type RegionLevel, regionPath } from '@gongkai/extract';

export interface RegionCount {
  code: string;
  name: string;
  level: RegionLevel;
  /** Agencies in this division or any division inside it. */
  agencies: number;
}

/**
 * The children of `parent` (a six-digit code; null for the provinces) that hold agencies, by
 * code. `counts` maps six-digit region codes to agencies placed there; unknown codes are skipped.
 */
export function regionChildrenWithAgencies(
  counts: ReadonlyMap<string, number>,
  parent: string | null,
): RegionCount[] {
  const out = new Map<string, RegionCount>();
  for (const [code, n] of counts) {
    const path = regionPath(code);
    if (!path || n <= 0) continue;
    const at = parent === null ? 0 : path.findIndex((s) => s.code === parent) + 1;
    // Not under the parent (findIndex -1 gives 0 only when parent is null), or the parent itself.
    if ((parent !== null && at === 0) || at >= path.length) continue;
    const step = path[at] as (typeof path)[number];
    const entry = out.get(step.code) ?? { ...step, agencies: 0 };
    entry.agencies += n;
    out.set(step.code, entry);
  }
  return [...out.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** Agencies in a division or inside it. */
export function agenciesWithin(counts: ReadonlyMap<string, number>, code: string): number {
  let total = 0;
  for (const [c, n] of counts) {
    if (regionPath(c)?.some((s) => s.code === code)) total += n;
  }
  return total;
}
