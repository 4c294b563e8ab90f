/**
 * Turning the text between two row labels into cells. The same row can be flattened as
 * `label | 条 | 0 |`, one cell per line ending in ` |`, single spaces, aligned columns, or with
 * no separator at all (`条4251516`), so cells are read per line and, inside a line, per run of
 * digits versus other characters.
 */
import { UNITS } from '../catalog/indicators.ts';

export type CellKind = 'num' | 'blank' | 'unit' | 'text';

export interface Cell {
  kind: CellKind;
  text: string;
  start: number;
  end: number;
  /** True when the cell came from an explicit `|` cell, so an empty one is a real blank. */
  piped: boolean;
}

const BLANK = /^(?:[-—–_/\\~]+|－|— —|无)$/;
const NUMBER = /^-?(?:\d+(?:\.\d+)?)$/;
const MD_RULE = /^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*\|?$/;
const PAGE_NUMBER = /^\s*[-—]\s*\d{1,3}\s*[-—]\s*$/;
const RUN = /-?\d+(?:\.\d+)?|[^\d\s-]+|-+/g;

function classify(text: string): CellKind {
  if (text === '' || BLANK.test(text)) return 'blank';
  if (NUMBER.test(text)) return 'num';
  if (UNITS.includes(text)) return 'unit';
  return 'text';
}

function pushRuns(out: Cell[], text: string, offset: number): void {
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    const s = m[0];
    const start = offset + m.index;
    // A glued `条4251516元` splits into unit, number, unit; a bare dash between cells is a blank.
    const unitPrefix = UNITS.find((u) => s.startsWith(u) && s.length > u.length && !/\d/.test(s));
    if (unitPrefix && classify(s) === 'text' && UNITS.includes(s.slice(unitPrefix.length))) {
      out.push({
        kind: 'unit',
        text: unitPrefix,
        start,
        end: start + unitPrefix.length,
        piped: false,
      });
      out.push({
        kind: 'unit',
        text: s.slice(unitPrefix.length),
        start: start + unitPrefix.length,
        end: start + s.length,
        piped: false,
      });
      continue;
    }
    out.push({ kind: classify(s), text: s, start, end: start + s.length, piped: false });
  }
}

/** Reads the cells of `text[from, to)`. The first line's text before its first `|` is dropped (it is the label's own cell). */
export function readCells(text: string, from: number, to: number): Cell[] {
  const out: Cell[] = [];
  let lineStart = from;
  let first = true;
  while (lineStart <= to) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    const line = text.slice(lineStart, lineEnd);
    if (!MD_RULE.test(line.trim()) && !PAGE_NUMBER.test(line))
      readLine(out, line, lineStart, first);
    first = false;
    lineStart = lineEnd + 1;
  }
  return out;
}

function readLine(out: Cell[], line: string, offset: number, first: boolean): void {
  if (!line.includes('|')) {
    pushRuns(out, line, offset);
    return;
  }
  let pieces = line.split('|');
  let at = offset;
  const starts: number[] = [];
  for (const p of pieces) {
    starts.push(at);
    at += p.length + 1;
  }
  let lo = 0;
  let hi = pieces.length;
  // `| a | b |`: the outer empties are not cells; `label | a |`: the label part is not ours.
  if (first || (pieces[0] as string).trim() === '') lo = 1;
  if ((first ? hi > lo : hi - lo > 1) && (pieces[hi - 1] as string).trim() === '') hi -= 1;
  // A line that is only `|` is one empty cell of a one-cell-per-line table.
  if (hi <= lo) {
    if (first) return;
    out.push({ kind: 'blank', text: '', start: offset, end: offset, piped: true });
    return;
  }
  pieces = pieces.slice(lo, hi);
  pieces.forEach((piece, i) => {
    const start = (starts[lo + i] as number) + (piece.length - piece.trimStart().length);
    const trimmed = piece.trim();
    if (trimmed === '') {
      out.push({ kind: 'blank', text: '', start, end: start, piped: true });
      return;
    }
    const kind = classify(trimmed);
    if (kind === 'text') {
      // A cell such as `13575394432.52元` or `条 425` still holds values.
      const before = out.length;
      pushRuns(out, trimmed, start);
      for (let k = before; k < out.length; k++) (out[k] as Cell).piped = true;
      return;
    }
    out.push({ kind, text: trimmed, start, end: start + trimmed.length, piped: true });
  });
}
