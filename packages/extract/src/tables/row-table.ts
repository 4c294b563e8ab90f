/**
 * The pre-2019 tables (`provincial`, `national-2014`): one row per indicator, `label | unit |
 * value(s)`. Rows are found by their labels anywhere in the table; labels shared by two
 * sections (被依法纠错数 under 行政复议 and 行政诉讼) go to the section whose row came last.
 */
import { identitiesFor } from '../catalog/identities.ts';
import { INDICATORS, type IndicatorDef, indicator } from '../catalog/indicators.ts';
import type { Form } from '../types.ts';
import { type Cell, readCells } from './cells.ts';
import {
  type CompactView,
  compactView,
  findLabels,
  type KeyedTarget,
  type LabelHit,
  labelKey,
} from './labels.ts';
import type { PendingRow, RawValue } from './raw-value.ts';
import { resolveRows } from './resolve-rows.ts';

export type RowForm = 'provincial' | 'national-2014';

export interface RowTableResult {
  form: RowForm;
  values: RawValue[];
  /** How many distinct rows were recognised: used to decide between forms. */
  rows: number;
  start: number;
}

const TABLE_MARKERS = ['统计表', '统计指标', '指标名称'];
const MIN_TABLE_ROWS = 5;

function targetsFor(form: RowForm): KeyedTarget<IndicatorDef[]>[] {
  const byKey = new Map<string, IndicatorDef[]>();
  for (const def of INDICATORS) {
    if (!def.forms.includes(form) || def.code === 'fees.processing') continue;
    for (const label of [def.label, ...(def.variants ?? [])]) {
      const key = labelKey(label);
      const list = byKey.get(key) ?? [];
      if (!list.includes(def)) list.push(def);
      byKey.set(key, list);
    }
  }
  // Keys that denote the same set of codes are one target with several keys.
  const targets = new Map<string, KeyedTarget<IndicatorDef[]>>();
  for (const [key, defs] of byKey) {
    const id = defs.map((d) => d.code).join('|');
    const t = targets.get(id);
    if (t) (t.keys as string[]).push(key);
    else targets.set(id, { target: defs, keys: [key] });
  }
  return [...targets.values()];
}

const TARGETS: Record<RowForm, KeyedTarget<IndicatorDef[]>[]> = {
  provincial: targetsFor('provincial'),
  'national-2014': targetsFor('national-2014'),
};

/** How many of the sorted `xs` lie in `[lo, hi)`. */
function countBetween(xs: readonly number[], lo: number, hi: number): number {
  const first = (v: number) => {
    let a = 0;
    let b = xs.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if ((xs[m] as number) < v) a = m + 1;
      else b = m;
    }
    return a;
  };
  return first(hi) - first(lo);
}

/** Where the table starts: a 统计表/统计指标 heading followed by rows, else the densest run of rows. */
function tableStart(text: string, hits: readonly LabelHit<unknown>[]): number {
  let marked = -1;
  let markedHits = 2;
  const starts = hits.map((h) => h.start);
  for (const marker of TABLE_MARKERS) {
    for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
      const near = countBetween(starts, at + 1, at + 1500);
      if (near > markedHits || (near === markedHits && at > marked && marked >= 0)) {
        marked = at;
        markedHits = near;
      }
    }
  }
  if (marked >= 0) return marked;
  let best = 0;
  let bestLen = 0;
  let runStart = 0;
  for (let i = 1; i <= hits.length; i++) {
    const gapBreak =
      i === hits.length ||
      (hits[i] as LabelHit<unknown>).start - (hits[i - 1] as LabelHit<unknown>).end > 400;
    if (gapBreak) {
      if (i - runStart > bestLen) {
        bestLen = i - runStart;
        best = runStart;
      }
      runStart = i;
    }
  }
  return hits[best]?.start ?? 0;
}

function assignCodes(
  hits: readonly LabelHit<IndicatorDef[]>[],
): { def: IndicatorDef; hit: LabelHit<IndicatorDef[]> }[] {
  const used = new Set<string>();
  let section = '';
  const out: { def: IndicatorDef; hit: LabelHit<IndicatorDef[]> }[] = [];
  for (const hit of hits) {
    const free = hit.target.filter((d) => !used.has(d.code));
    const def = free.find((d) => d.section === section) ?? free[0];
    if (!def) continue;
    used.add(def.code);
    if (hit.target.length === 1) section = def.section;
    out.push({ def, hit });
  }
  return out;
}

function valueCells(
  cells: readonly Cell[],
  columns: number,
): { unit: string | null; values: Cell[] } {
  const useful = cells.filter((c) => c.kind !== 'text');
  const first = useful[0];
  if (first?.kind === 'unit') return { unit: first.text, values: useful.slice(1) };
  // A dash or empty cell in the unit column of a section row.
  if (first?.kind === 'blank' && useful.length > columns)
    return { unit: null, values: useful.slice(1) };
  return { unit: null, values: useful };
}

/** Reads a pre-2019 table of `form` from normalised text. */
export function readRowTable(
  text: string,
  form: RowForm,
  view: CompactView = compactView(text),
): RowTableResult {
  const allHits = findLabels(view, TARGETS[form]);
  const start = tableStart(text, allHits);
  const hits = allHits.filter((h) => h.start >= start);
  const rows = assignCodes(hits);
  const columns = form === 'provincial' && /累计/.test(text.slice(start, start + 4000)) ? 2 : 1;

  const pending: PendingRow[] = [];
  rows.forEach(({ def, hit }, i) => {
    const next = rows[i + 1]?.hit.start ?? Math.min(text.length, hit.end + 200);
    const { unit, values } = valueCells(readCells(text, hit.end, next), columns);
    if (values.every((c) => c.kind === 'blank') && (def.sectionRow || !values.some((c) => c.piped)))
      return;
    const codes = columns === 2 ? [def.code, `${def.code}:cumulative`] : [def.code];
    pending.push({
      codes,
      units: codes.map(() => unit ?? def.unit),
      cells: values,
      anchor: hit.end,
      // A cumulative figure is at least the year's.
      prior: columns === 2 ? (v) => ((v[1] ?? 0) >= (v[0] ?? 0) ? 1 : -5) : undefined,
      accept: columns === 2 ? (v) => (v[1] ?? 0) >= (v[0] ?? 0) : undefined,
    });
  });
  const present = new Set(pending.flatMap((p) => p.codes));
  const values = resolveRows(pending, identitiesFor(form, present)).filter(
    (v) => !(v.value === null && pending.find((p) => p.codes.includes(v.code))?.cells.length === 0),
  );
  return { form, values, rows: rows.length, start };
}

/** Codes only the national table has: enough of them settle the form without trying the local one. */
const NATIONAL_ONLY = new Set(
  INDICATORS.filter((d) => d.forms.length === 1 && d.forms[0] === 'national-2014').map(
    (d) => d.code,
  ),
);

/** Which pre-2019 form a text's table follows, if any: the one whose rows match best. */
export function detectRowForm(
  text: string,
  view: CompactView = compactView(text),
): RowTableResult | null {
  const national = readRowTable(text, 'national-2014', view);
  const decisive =
    national.values.filter((v) => NATIONAL_ONLY.has(v.code)).length >= MIN_TABLE_ROWS;
  const results = decisive ? [national] : [national, readRowTable(text, 'provincial', view)];
  const best = results.reduce((a, b) => (b.values.length > a.values.length ? b : a));
  // Section headings and a stray 网站公开 in a narrative are not a table: ask for real rows.
  const dataRows = best.values.filter((v) => !indicator(v.code)?.sectionRow).length;
  return dataRows >= MIN_TABLE_ROWS ? best : null;
}

export type { Form };
