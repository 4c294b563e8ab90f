/** Findings that need two reports of the same agency: they are computed on ingest, not on extraction. */

import type { Finding } from '@gongkai/extract';
import { isLate, publicationDeadline } from './deadline.ts';

export interface ReportFacts {
  year: number | null;
  agencyName: string | null;
  publishedAt: string | null;
  government: boolean;
  /** Current readings, table and prose. */
  values: ReadonlyMap<string, number | null>;
}

const CARRIED_OVER = 'requests.carriedOver:total';
const CARRIED_FORWARD = 'requests.carriedForward:total';
// Below these, two small reports can agree by chance (e.g. all zeros but a few counts).
const IDENTICAL_MIN_CODES = 10;
const IDENTICAL_MIN_NONZERO = 3;

/**
 * Findings for `current` against the same agency's `previous` report (the caller picks it;
 * the rules that compare only apply when it covers the year before).
 */
export function crossReportFindings(current: ReportFacts, previous: ReportFacts | null): Finding[] {
  const findings: Finding[] = [];
  const consecutive =
    previous !== null &&
    current.year !== null &&
    previous.year !== null &&
    previous.year === current.year - 1;

  if (consecutive) {
    const printed = current.values.get(CARRIED_OVER);
    const expected = previous.values.get(CARRIED_FORWARD);
    if (isNumber(printed) && isNumber(expected) && printed !== expected) {
      findings.push({
        rule: 'cross.carriedOver',
        severity: 'warning',
        message: `Carried over ${printed} requests, but the ${previous.year} report carried forward ${expected}.`,
        codes: [CARRIED_OVER],
        expected,
        printed,
      });
    }
    if (identical(current.values, previous.values)) {
      findings.push({
        rule: 'cross.identicalToPrevious',
        severity: 'warning',
        message: `Every figure equals the ${previous.year} report's: the table may have been copied.`,
        codes: [],
      });
    }
  }

  if (current.year !== null && isLate(current.publishedAt, current.year, current.government)) {
    const deadline = publicationDeadline(current.year, current.government);
    findings.push({
      rule: 'cross.lateRelease',
      severity: 'info',
      message: `Published ${current.publishedAt}, after the deadline of ${deadline}.`,
      codes: [],
    });
  }
  return findings;
}

function isNumber(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function identical(
  a: ReadonlyMap<string, number | null>,
  b: ReadonlyMap<string, number | null>,
): boolean {
  const na = numbered(a);
  const nb = numbered(b);
  if (na.size !== nb.size || na.size < IDENTICAL_MIN_CODES) return false;
  let nonZero = 0;
  for (const [code, v] of na) {
    if (nb.get(code) !== v) return false;
    if (v !== 0) nonZero += 1;
  }
  return nonZero >= IDENTICAL_MIN_NONZERO;
}

function numbered(values: ReadonlyMap<string, number | null>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [code, v] of values) if (isNumber(v)) out.set(code, v);
  return out;
}
