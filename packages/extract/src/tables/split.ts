/**
 * Splitting glued digit runs (`640020470`, `10203120001200000`) into cells. A run can be cut in
 * many places; the only cuts allowed are those that leave well-formed numbers (no leading zero
 * but a lone `0`, a decimal point inside one number), and the table identities choose among
 * the rest.
 */

export interface Piece {
  text: string;
  start: number;
}

export interface SplitValue {
  value: number;
  start: number;
  end: number;
}

/** Whether `t[a, b)` is a well-formed number: optional minus, no leading zero but a lone `0`, one inner point. */
function wellFormed(t: string, a: number, b: number): boolean {
  let i = a;
  if (t.charCodeAt(i) === 45) i++; // '-'
  if (i >= b) return false;
  let dot = -1;
  for (let k = i; k < b; k++) {
    const c = t.charCodeAt(k);
    if (c === 46) {
      if (dot >= 0 || k === i || k === b - 1) return false;
      dot = k;
    } else if (c < 48 || c > 57) return false;
  }
  const intEnd = dot >= 0 ? dot : b;
  return !(t.charCodeAt(i) === 48 && intEnd - i > 1);
}

/** Every way of cutting `pieces` into exactly `n` well-formed numbers (each piece gives at least one), at most `limit` of them. */
export function splitPieces(pieces: readonly Piece[], n: number, limit = 20_000): SplitValue[][] {
  const out: SplitValue[][] = [];
  const totalChars = pieces.reduce((a, p) => a + p.text.length, 0);
  if (n < pieces.length || n > totalChars) return out;
  const current: SplitValue[] = [];

  const walk = (pi: number, offset: number, left: number): void => {
    if (out.length >= limit) return;
    const piece = pieces[pi];
    if (!piece) {
      if (left === 0) out.push([...current]);
      return;
    }
    if (left <= 0) return;
    const t = piece.text;
    const piecesAfter = pieces.length - pi - 1;
    // Too few characters left for the parts still needed: no split down this path.
    if (t.length - offset < left - piecesAfter) {
      let after = 0;
      for (let k = pi + 1; k < pieces.length; k++) after += (pieces[k] as Piece).text.length;
      if (t.length - offset + after < left) return;
    }
    // With only enough parts left for one per remaining piece, this part runs to the piece's end.
    const firstEnd = left === piecesAfter + 1 ? t.length : offset + 1;
    for (let end = firstEnd; end <= t.length; end++) {
      if (!wellFormed(t, offset, end)) {
        // A leading zero can't be fixed by taking more digits (unless a point follows).
        if (t.charCodeAt(offset) === 48 && end - offset > 1 && t.charCodeAt(offset + 1) !== 46)
          break;
        continue;
      }
      current.push({
        value: Number(t.slice(offset, end)),
        start: piece.start + offset,
        end: piece.start + end,
      });
      if (end === t.length) walk(pi + 1, 0, left - 1);
      else walk(pi, end, left - 1);
      current.pop();
    }
  };
  walk(0, 0, n);
  return out;
}
