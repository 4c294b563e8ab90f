/**
 * The search box's pure parts: what text is worth sending, how the arrow keys move through the
 * results, and how a result line describes an agency.
 */
import { LEVEL_LABELS } from './labels.ts';

/** The API refuses longer search texts. */
export const SEARCH_MAX_LENGTH = 64;

/** The text to send: trimmed, inner runs of spaces made one; '' means "do not search". */
export function normaliseSearch(text: string): string {
  return text.trim().replace(/\s+/g, ' ').slice(0, SEARCH_MAX_LENGTH).trimEnd();
}

export type NavigationKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End';

export function isNavigationKey(key: string): key is NavigationKey {
  return key === 'ArrowDown' || key === 'ArrowUp' || key === 'Home' || key === 'End';
}

/**
 * The highlighted option after a key press; -1 is none (the caret stays in the input).
 * Down from the last and up from the first wrap, as in the ARIA combobox pattern.
 */
export function moveActive(current: number, count: number, key: NavigationKey): number {
  if (count <= 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return current < 0 || current >= count - 1 ? 0 : current + 1;
    case 'ArrowUp':
      return current <= 0 ? count - 1 : current - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
  }
}

/** '广东省广州市 · 部门': where the agency is and what kind it is. */
export function agencyPlaceLine(regionPath: readonly string[], level: string): string {
  const place = regionPath.join('');
  const kind = LEVEL_LABELS[level] ?? '';
  return [place, kind].filter(Boolean).join(' · ');
}

/** '3 份报告 · 最新 2023 年'; an agency without reports says so rather than showing 0. */
export function agencyReportsLine(
  reportCount: number,
  latestYear: number | null | undefined,
): string {
  if (reportCount <= 0) return '暂无报告';
  const latest = latestYear ? ` · 最新 ${latestYear} 年` : '';
  return `${reportCount} 份报告${latest}`;
}

/** What the live region says once results arrive. */
export function resultsAnnouncement(query: string, count: number, more: boolean): string {
  if (count === 0) return `没有找到与“${query}”匹配的机构`;
  if (more) return `找到 ${count} 个以上机构，显示前 ${count} 个`;
  return `找到 ${count} 个机构`;
}

/** What the search box hands its page when a person picks an agency. */
export interface AgencyChoice {
  id: string;
  agencyId: string;
  name: string;
}
