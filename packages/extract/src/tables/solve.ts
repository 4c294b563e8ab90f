/**
 * Choosing, for every row whose glued cells split several ways, the split that satisfies the
 * most table identities. Rows interact only through identities, so the search is a small
 * exhaustive one when the candidates multiply to little, and coordinate ascent otherwise.
 */
import { checkIdentity, type Identity } from '../catalog/identities.ts';

export interface RowCandidates {
  codes: readonly string[];
  candidates: readonly (readonly (number | null)[])[];
  /** A plausibility score of one candidate, used only when identities do not decide. */
  prior?: (values: readonly (number | null)[]) => number;
}

export interface RowChoice {
  index: number;
  /** 1: only one candidate; ~0.95: identities decided; lower: a prior or a guess decided. */
  confidence: number;
}

const EQUAL_WEIGHT = 10;
const AT_MOST_WEIGHT = 3;
const EXHAUSTIVE_LIMIT = 4096;

export function chooseSplits(
  rows: readonly RowCandidates[],
  fixed: ReadonlyMap<string, number | null>,
  identities: readonly Identity[],
): RowChoice[] {
  const choice = rows.map((row) => bestByPrior(row));
  const values = new Map(fixed);
  const apply = (r: number) => {
    const row = rows[r] as RowCandidates;
    const cand = row.candidates[choice[r] as number] ?? [];
    row.codes.forEach((code, k) => {
      values.set(code, cand[k] ?? null);
    });
  };
  for (let r = 0; r < rows.length; r++) apply(r);

  const byCode = new Map<string, number[]>();
  identities.forEach((id, i) => {
    for (const c of [...id.left, ...id.right]) byCode.set(c, [...(byCode.get(c) ?? []), i]);
  });
  const touching = rows.map((row) => [...new Set(row.codes.flatMap((c) => byCode.get(c) ?? []))]);
  const lookup = (c: string) => values.get(c);
  const score = (ids: readonly number[]) => {
    let s = 0;
    for (const i of ids) {
      const id = identities[i] as Identity;
      if (checkIdentity(id, lookup)) s += id.kind === 'equal' ? EQUAL_WEIGHT : AT_MOST_WEIGHT;
    }
    return s;
  };
  const rowScore = (r: number) => {
    const row = rows[r] as RowCandidates;
    return (
      score(touching[r] as number[]) + (row.prior?.(row.candidates[choice[r] as number] ?? []) ?? 0)
    );
  };

  const ambiguous = rows
    .map((row, r) => (row.candidates.length > 1 ? r : -1))
    .filter((r) => r >= 0);
  const product = ambiguous.reduce((p, r) => p * (rows[r] as RowCandidates).candidates.length, 1);
  const allIds = identities.map((_, i) => i);
  const total = () =>
    score(allIds) +
    ambiguous.reduce(
      (s, r) =>
        s +
        ((rows[r] as RowCandidates).prior?.(
          (rows[r] as RowCandidates).candidates[choice[r] as number] ?? [],
        ) ?? 0),
      0,
    );

  if (ambiguous.length > 0 && product <= EXHAUSTIVE_LIMIT) {
    let best = -Infinity;
    let bestChoice = [...choice];
    const walk = (k: number) => {
      if (k === ambiguous.length) {
        const s = total();
        if (s > best) {
          best = s;
          bestChoice = [...choice];
        }
        return;
      }
      const r = ambiguous[k] as number;
      for (let i = 0; i < (rows[r] as RowCandidates).candidates.length; i++) {
        choice[r] = i;
        apply(r);
        walk(k + 1);
      }
    };
    walk(0);
    bestChoice.forEach((i, r) => {
      choice[r] = i;
      apply(r);
    });
  } else {
    for (let pass = 0; pass < 4; pass++) {
      let changed = false;
      for (const r of ambiguous) {
        const before = choice[r] as number;
        let best = -Infinity;
        let bestI = before;
        for (let i = 0; i < (rows[r] as RowCandidates).candidates.length; i++) {
          choice[r] = i;
          apply(r);
          const s = rowScore(r);
          if (s > best) {
            best = s;
            bestI = i;
          }
        }
        choice[r] = bestI;
        apply(r);
        if (bestI !== before) changed = true;
      }
      if (!changed) break;
    }
  }

  // Confidence: how clearly the chosen split beats its best rival, others held fixed.
  return rows.map((row, r) => {
    if (row.candidates.length <= 1)
      return { index: 0, confidence: row.candidates.length === 1 ? 1 : 0 };
    const chosen = choice[r] as number;
    const identityScore = (i: number) => {
      choice[r] = i;
      apply(r);
      return score(touching[r] as number[]);
    };
    const mine = identityScore(chosen);
    let rival = -Infinity;
    for (let i = 0; i < row.candidates.length; i++)
      if (i !== chosen) rival = Math.max(rival, identityScore(i));
    choice[r] = chosen;
    apply(r);
    const margin = mine - rival;
    const confidence = margin >= EQUAL_WEIGHT ? 0.95 : margin > 0 ? 0.8 : row.prior ? 0.6 : 0.4;
    return { index: chosen, confidence };
  });
}

function bestByPrior(row: RowCandidates): number {
  if (!row.prior || row.candidates.length <= 1) return 0;
  let best = 0;
  let bestScore = -Infinity;
  row.candidates.forEach((c, i) => {
    const s = row.prior?.(c) ?? 0;
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  });
  return best;
}
