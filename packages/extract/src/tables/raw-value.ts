import type { Span } from '../types.ts';
import type { Cell } from './cells.ts';
import type { RowCandidates } from './solve.ts';
import { splitPieces } from './split.ts';

/** A value read from a table, with offsets into the normalised text (mapped back later). */
export interface RawValue {
  code: string;
  value: number | null;
  unit: string | null;
  span: Span;
  confidence: number;
}

/** One row's cells waiting to be turned into values, possibly by splitting glued digits. */
export interface PendingRow {
  codes: readonly string[];
  units: readonly (string | null)[];
  cells: readonly Cell[];
  /** Where a blank/missing value is reported from when nothing else is there. */
  anchor: number;
  prior?: (values: readonly (number | null)[]) => number;
  /** Row-internal identity filter: candidates failing it are dropped when some pass. */
  accept?: (values: readonly (number | null)[]) => boolean;
}

export interface RowSplits {
  row: PendingRow;
  candidates: { values: (number | null)[]; spans: Span[] }[];
}

/**
 * Every reading of a row's value cells as exactly `codes.length` values: blanks stay blanks,
 * numbers are kept, and glued runs are cut when there are too few cells.
 */
export function rowCandidates(row: PendingRow, limit = 5000): RowSplits {
  const n = row.codes.length;
  const cells = row.cells.filter((c) => c.kind === 'num' || c.kind === 'blank');
  if (cells.length >= n) {
    const take = cells.slice(0, n);
    return {
      row,
      candidates: [
        {
          values: take.map((c) => (c.kind === 'num' ? Number(c.text) : null)),
          spans: take.map((c) => [c.start, c.end] as Span),
        },
      ],
    };
  }
  if (cells.some((c) => c.kind === 'blank')) {
    // Blanks and glued digits together are beyond a safe split: read the cells as they stand.
    return {
      row,
      candidates: [
        {
          values: cells.map((c) => (c.kind === 'num' ? Number(c.text) : null)),
          spans: cells.map((c) => [c.start, c.end] as Span),
        },
      ],
    };
  }
  const splits = splitPieces(
    cells.map((c) => ({ text: c.text, start: c.start })),
    n,
    limit,
  );
  let candidates = splits.map((s) => ({
    values: s.map((v) => v.value) as (number | null)[],
    spans: s.map((v) => [v.start, v.end] as Span),
  }));
  if (row.accept) {
    const passing = candidates.filter((c) => row.accept?.(c.values));
    if (passing.length > 0) candidates = passing;
  }
  return { row, candidates };
}

/** The solver's view of the rows. */
export function toSolverRows(rows: readonly RowSplits[]): RowCandidates[] {
  return rows.map((r) => ({
    codes: r.row.codes,
    candidates: r.candidates.map((c) => c.values),
    prior: r.row.prior,
  }));
}
