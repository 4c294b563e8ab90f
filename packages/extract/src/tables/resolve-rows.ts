import type { Identity } from '../catalog/identities.ts';
import type { Span } from '../types.ts';
import { type PendingRow, type RawValue, rowCandidates } from './raw-value.ts';
import { chooseSplits } from './solve.ts';

/**
 * Turns pending rows into values: rows that read one way are taken as they are, glued rows are
 * split by the identities (with the fixed rows' values as context).
 */
export function resolveRows(
  rows: readonly PendingRow[],
  identities: readonly Identity[],
): RawValue[] {
  const splits = rows.map((row) => rowCandidates(row));
  const fixed = new Map<string, number | null>();
  for (const s of splits) {
    if (s.candidates.length !== 1) continue;
    s.row.codes.forEach((code, k) => {
      const v = s.candidates[0]?.values[k];
      if (v !== undefined) fixed.set(code, v);
    });
  }
  const open = splits.filter((s) => s.candidates.length > 1);
  const choices = chooseSplits(
    open.map((s) => ({
      codes: s.row.codes,
      candidates: s.candidates.map((c) => c.values),
      prior: s.row.prior,
    })),
    fixed,
    identities,
  );
  const chosen = new Map(open.map((s, i) => [s, choices[i]]));

  const out: RawValue[] = [];
  for (const s of splits) {
    const pick = chosen.get(s);
    const cand = s.candidates[pick?.index ?? 0];
    if (!cand) continue;
    const confidence = pick?.confidence ?? 1;
    cand.values.forEach((value, k) => {
      const code = s.row.codes[k];
      if (code === undefined) return;
      out.push({
        code,
        value,
        unit: s.row.units[k] ?? null,
        span: cand.spans[k] ?? ([s.row.anchor, s.row.anchor] as Span),
        confidence,
      });
    });
  }
  return out;
}
