import type { Finding } from '@gongkai/extract';
import type { ReadingChange } from './value-carry.ts';

/** At most this many codes are listed on the finding; the version keeps the full diff. */
const MAX_CODES = 20;

/**
 * A report whose published source changed under the same agency and year: a silent edit is
 * worth showing, and the figures it changed are the ones to look at.
 */
export function sourceChangeFinding(
  previousVersion: number,
  changes: readonly ReadingChange[],
): Finding | null {
  if (changes.length === 0) return null;
  const codes = changes.map((c) => c.code);
  return {
    rule: 'source.changed',
    severity: 'warning',
    message: `The published source changed after version ${previousVersion}: ${changes.length} figure${
      changes.length === 1 ? '' : 's'
    } differ (${codes.slice(0, 3).join(', ')}${codes.length > 3 ? ', …' : ''}).`,
    codes: codes.slice(0, MAX_CODES),
  };
}
