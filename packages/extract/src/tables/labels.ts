/**
 * Finding row labels in flattened table text. Labels wrap across lines and pick up stray spaces
 * (`三、本年度办 理结果`, `社会公益 组织`), so they are searched in a view of the text with
 * whitespace removed, and every hit is mapped back to offsets of the real text.
 */
import { isSpace } from '../text/chars.ts';

export interface CompactView {
  s: string;
  /** pos[i] is the offset in the real text of compact char i; pos[s.length] is the view's end. */
  pos: Int32Array;
}

/** Builds the whitespace-free view of `text[from, to)`. */
export function compactView(text: string, from = 0, to = text.length): CompactView {
  const pos = new Int32Array(to - from + 1);
  const chunks: string[] = [];
  let n = 0;
  let chunkStart = from;
  for (let i = from; i < to; i++) {
    if (isSpace(text.charCodeAt(i))) {
      if (i > chunkStart) chunks.push(text.slice(chunkStart, i));
      chunkStart = i + 1;
      continue;
    }
    pos[n++] = i;
  }
  if (to > chunkStart) chunks.push(text.slice(chunkStart, to));
  pos[n] = to;
  return { s: chunks.join(''), pos: pos.subarray(0, n + 1) };
}

/** Strips the numbering and 其中 of a label so that the key matches however the row is numbered. */
export function labelKey(label: string): string {
  return label
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^其中:?/, '')
    .replace(/^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、])/, '')
    .replace(/^其中:?/, '');
}

export interface LabelHit<T> {
  target: T;
  /** Offsets of the whole label (numbering included) in the real text. */
  start: number;
  end: number;
  /** Length of the matched key: longer keys are more specific. */
  weight: number;
}

export interface KeyedTarget<T> {
  target: T;
  keys: readonly string[];
  /** Printed ordinal (1. 2. …): only this number is taken as the label's own numbering. */
  ordinal?: number;
  /** The printed label is numbered, so its two-character keys (总计, 其他) count only with the number. */
  numbered?: boolean;
}

const PREFIX_CN = /(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\))$/;
const PREFIX_QIZHONG = /其中:?$/;

/** Extends a hit backwards over the label's own numbering (`2.`, `(三)`, `二、`, `其中:`). */
function extendBack(s: string, start: number, ordinal: number | undefined): number {
  let at = start;
  const before = s.slice(Math.max(0, at - 6), at);
  const cn = PREFIX_CN.exec(before);
  if (cn) at -= cn[0].length;
  else {
    // Glued cells end in digits, so only the expected ordinal (or one digit) is the label's.
    const ord =
      ordinal === undefined ? /\d[.、]$/.exec(before) : new RegExp(`${ordinal}[.、]$`).exec(before);
    if (ord) at -= ord[0].length;
  }
  const qz = PREFIX_QIZHONG.exec(s.slice(Math.max(0, at - 3), at));
  if (qz) at -= qz[0].length;
  return at;
}

/** Extends a hit forwards over a parenthesised remark such as `(不同渠道和方式公开相同信息计1条)`. */
function extendForward(s: string, end: number): number {
  if (s[end] !== '(') return end;
  const close = s.indexOf(')', end);
  if (close < 0 || close - end > 60) return end;
  // A remark may say 计1条; any other digits inside are cells that wrapped into the label.
  return /\d/.test(s.slice(end, close).replace(/\d+[条次件人]/g, '')) ? end : close + 1;
}

/**
 * Finds every occurrence of every target's keys in the view, keeps the longest where hits
 * overlap, and returns them in text order.
 */
export function findLabels<T>(
  view: CompactView,
  targets: readonly KeyedTarget<T>[],
): LabelHit<T>[] {
  const raw: { target: T; cs: number; ce: number; weight: number }[] = [];
  for (const t of targets) {
    for (const key of t.keys) {
      if (!key) continue;
      for (let at = view.s.indexOf(key); at >= 0; at = view.s.indexOf(key, at + 1)) {
        const cs = extendBack(view.s, at, t.ordinal);
        // A two-character key (总计, 其他) is a row label only with its numbering.
        if (t.numbered && key.length < 3 && cs === at) continue;
        const ce = extendForward(view.s, at + key.length);
        raw.push({ target: t.target, cs, ce, weight: key.length });
      }
    }
  }
  raw.sort((a, b) => b.weight - a.weight || a.cs - b.cs);
  // Longest first; a hit overlapping a kept one is dropped (marking covered chars is linear).
  const covered = new Uint8Array(view.s.length + 1);
  const kept: typeof raw = [];
  for (const hit of raw) {
    let free = true;
    for (let i = hit.cs; i < hit.ce; i++) {
      if (covered[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    covered.fill(1, hit.cs, hit.ce);
    kept.push(hit);
  }
  kept.sort((a, b) => a.cs - b.cs);
  return kept.map((h) => ({
    target: h.target,
    start: view.pos[h.cs] as number,
    end: (view.pos[h.ce - 1] as number) + 1,
    weight: h.weight,
  }));
}
