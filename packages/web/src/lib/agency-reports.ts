/**
 * The agency page's small decisions: how a year's findings are counted on its row, which two
 * years the comparison starts with, and the address of a comparison.
 */

/** '3 项疑点'; null when there is nothing to flag (no badge rather than a '0'). */
export function findingsBadge(count: number | null | undefined): string | null {
  return count && count > 0 ? `${count} 项疑点` : null;
}

export interface YearReport {
  reportId: string;
  year: number;
}

/** The two newest reports, older first: the comparison a reader most often wants. */
export function defaultPair(reports: readonly YearReport[]): [string, string] | null {
  const newest = [...reports].sort((a, b) => b.year - a.year);
  const [latest, previous] = newest;
  return latest && previous ? [previous.reportId, latest.reportId] : null;
}

/**
 * The compare page's query for two chosen reports, older year first so its deltas read as
 * change over time; null unless two different known reports are chosen.
 */
export function compareQuery(
  reports: readonly YearReport[],
  chosen: readonly string[],
): { reports: string } | null {
  const picked = [...new Set(chosen)]
    .map((id) => reports.find((r) => r.reportId === id))
    .filter((r): r is YearReport => r !== undefined);
  if (picked.length !== 2) return null;
  picked.sort((a, b) => a.year - b.year);
  return { reports: picked.map((r) => r.reportId).join(',') };
}

/** '福建省 · 福州市 · 平潭县'; '' when the agency names no place. */
export function regionLine(regionPath: readonly string[]): string {
  return regionPath.join(' · ');
}

/** The other names an agency is known by, without its own name. */
export function otherNames(name: string, aliases: readonly string[]): string[] {
  return [...new Set(aliases)].filter((a) => a !== name);
}
