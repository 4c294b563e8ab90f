import type { LabelHit } from './labels.ts';

/**
 * Picks the heaviest set of hits that follow the template order both in the text and in the
 * template (a weighted longest increasing subsequence). Labels such as 总计 also occur in
 * headers; order tells the row's occurrence from the header's.
 */
export function orderedHits<T>(
  hits: readonly LabelHit<T>[],
  rank: (target: T) => number,
): LabelHit<T>[] {
  const n = hits.length;
  const best = new Float64Array(n);
  const prev = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const hi = hits[i] as LabelHit<T>;
    best[i] = hi.weight;
    for (let j = 0; j < i; j++) {
      const hj = hits[j] as LabelHit<T>;
      if (
        hj.end <= hi.start &&
        rank(hj.target) < rank(hi.target) &&
        (best[j] as number) + hi.weight > (best[i] as number)
      ) {
        best[i] = (best[j] as number) + hi.weight;
        prev[i] = j;
      }
    }
  }
  let end = -1;
  for (let i = 0; i < n; i++) if (end < 0 || (best[i] as number) > (best[end] as number)) end = i;
  const out: LabelHit<T>[] = [];
  for (let i = end; i >= 0; i = prev[i] as number) out.push(hits[i] as LabelHit<T>);
  return out.reverse();
}
