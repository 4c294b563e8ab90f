/**
 * The comparison's address is its state: `/compare?reports=ID1,ID2`. This reads that parameter
 * leniently (a pasted or hand-edited link still works) and writes it back canonically, and holds
 * the picker's slots, which become that address.
 */
import { agencyOfReport, isReportId } from './ids.ts';

export const MIN_COMPARED = 2;
/** The API compares at most five reports. */
export const MAX_COMPARED = 5;

export interface CompareParam {
  /** Valid, distinct report ids in the order given, at most MAX_COMPARED. */
  ids: string[];
  /** Parts of the parameter that are not report ids. */
  invalid: string[];
  /** Valid ids past the MAX_COMPARED-th, left out. */
  dropped: string[];
}

type QueryValue = string | null | undefined | readonly (string | null)[];

/** `?reports=a,b` (or repeated `?reports=a&reports=b`, full-width commas, spaces) → ids. */
export function parseCompareParam(raw: QueryValue): CompareParam {
  const parts = (Array.isArray(raw) ? raw : [raw])
    .flatMap((v) => (typeof v === 'string' ? v.split(/[,，、\s]+/) : []))
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== '');
  const ids: string[] = [];
  const invalid: string[] = [];
  const dropped: string[] = [];
  for (const part of parts) {
    if (!isReportId(part)) {
      if (!invalid.includes(part)) invalid.push(part);
    } else if (ids.includes(part) || dropped.includes(part)) {
      // A repeated id compares nothing new.
    } else if (ids.length < MAX_COMPARED) {
      ids.push(part);
    } else {
      dropped.push(part);
    }
  }
  return { ids, invalid, dropped };
}

/** The canonical location of a comparison (or of the picker, for fewer than two ids). */
export function compareLocation(ids: readonly string[]) {
  const unique = [...new Set(ids)];
  return unique.length === 0
    ? { path: '/compare' }
    : { path: '/compare', query: { reports: unique.join(',') } };
}

/** One place in the picker: an agency, then one of its reports. */
export interface CompareSlot {
  /** Stable across edits, for v-for keys and element ids. */
  key: number;
  agencyId: string | null;
  reportId: string | null;
}

/** The picker's starting slots: the given reports, then empty ones up to two. */
export function slotsFromIds(ids: readonly string[], firstKey = 0): CompareSlot[] {
  const slots: CompareSlot[] = ids.slice(0, MAX_COMPARED).map((reportId, i) => ({
    key: firstKey + i,
    agencyId: agencyOfReport(reportId),
    reportId,
  }));
  while (slots.length < MIN_COMPARED) {
    slots.push({ key: firstKey + slots.length, agencyId: null, reportId: null });
  }
  return slots;
}

/** The reports the slots pick, each once, in slot order. */
export function chosenReportIds(slots: readonly CompareSlot[]): string[] {
  return [...new Set(slots.flatMap((s) => (s.reportId ? [s.reportId] : [])))];
}

/** Why the picker cannot compare yet, in words for the person; null when it can. */
export function pickerProblem(slots: readonly CompareSlot[]): string | null {
  const chosen = chosenReportIds(slots);
  const picked = slots.filter((s) => s.reportId).length;
  if (chosen.length >= MIN_COMPARED) return null;
  if (picked >= MIN_COMPARED) return '选了同一份报告两次：请为其中一处换一个年度或机构。';
  return '请至少选择两份报告。';
}

/**
 * The report a slot starts with once its agency is chosen: the newest one no other slot has
 * taken, so picking the same agency twice compares two different years.
 */
export function defaultReportId(
  newestFirst: readonly string[],
  taken: readonly string[],
): string | null {
  return newestFirst.find((id) => !taken.includes(id)) ?? newestFirst[0] ?? null;
}

/**
 * Report ids a NotFoundError names. The API's message lists the missing ids; when it names
 * none of ours, every id is suspect and the list is empty.
 */
export function missingReportIds(ids: readonly string[], message: string): string[] {
  return ids.filter((id) => message.includes(id));
}
