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

const WELL_FORMED = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

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
    const rest = piece.text.slice(offset);
    const piecesAfter = pieces.length - pi - 1;
    // With only enough parts left for one per remaining piece, this part runs to the piece's end.
    const firstLen = left === piecesAfter + 1 ? rest.length : 1;
    for (let len = firstLen; len <= rest.length; len++) {
      const text = rest.slice(0, len);
      const whole = len === rest.length;
      if (!WELL_FORMED.test(text)) {
        if (text.length > 1 && /^-?0\d/.test(text)) break;
        continue;
      }
      current.push({
        value: Number(text),
        start: piece.start + offset,
        end: piece.start + offset + len,
      });
      if (whole) walk(pi + 1, 0, left - 1);
      else walk(pi, offset + len, left - 1);
      current.pop();
    }
  };
  walk(0, 0, n);
  return out;
}
