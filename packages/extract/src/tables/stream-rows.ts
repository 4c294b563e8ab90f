/**
 * Reading table 三 when its labels and values come apart (pdftotext reading order, broken
 * Markdown): the values are taken in text order and fitted to the template's rows by position.
 * A line with six or seven values is one row; single values come in runs separated by blank
 * lines, and seven runs of the same length k are k rows printed column by column.
 */
import { type Cell, readCells } from './cells.ts';
import type { LabelHit } from './labels.ts';

const COLUMNS = 7;

interface Unit {
  kind: 'row' | 'run';
  cells: Cell[];
}

function units(
  text: string,
  region: [number, number],
  labels: readonly LabelHit<unknown>[],
): Unit[] {
  const inLabel = (c: Cell) => labels.some((h) => c.start >= h.start && c.start < h.end);
  const out: Unit[] = [];
  let run: Cell[] = [];
  const flush = () => {
    if (run.length > 0) out.push({ kind: 'run', cells: run });
    run = [];
  };
  let lineStart = region[0];
  while (lineStart < region[1]) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > region[1]) lineEnd = region[1];
    const cells = readCells(text, lineStart, lineEnd).filter(
      (c) => !inLabel(c) && (c.kind === 'num' || (c.kind === 'blank' && c.piped)),
    );
    const hasNumber = cells.some((c) => c.kind === 'num');
    if (cells.length >= COLUMNS - 1 && hasNumber) {
      flush();
      out.push({ kind: 'row', cells: cells.slice(0, COLUMNS) });
    } else if (hasNumber) run.push(...cells.filter((c) => c.kind === 'num'));
    else flush();
    lineStart = lineEnd + 1;
  }
  flush();
  return out;
}

/** The rows of table 三 fitted by position, or null when they don't make exactly `rowCount` rows. */
export function streamRows(
  text: string,
  region: [number, number],
  labels: readonly LabelHit<unknown>[],
  rowCount: number,
): Cell[][] | null {
  const list = units(text, region, labels);
  const rows: Cell[][] = [];
  for (let i = 0; i < list.length; ) {
    const u = list[i] as Unit;
    if (u.kind === 'row') {
      if (u.cells.length === COLUMNS) rows.push(u.cells);
      i++;
      continue;
    }
    const block = list.slice(i, i + COLUMNS);
    const k = u.cells.length;
    if (block.length === COLUMNS && block.every((b) => b.kind === 'run' && b.cells.length === k)) {
      for (let r = 0; r < k; r++) rows.push(block.map((b) => b.cells[r] as Cell));
      i += COLUMNS;
      continue;
    }
    // A stray value (a footnote mark, a lost cell) that fits no row.
    i++;
  }
  return rows.length === rowCount ? rows : null;
}
