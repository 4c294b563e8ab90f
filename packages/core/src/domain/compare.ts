/**
 * Side-by-side comparison of reports: rows aligned by indicator code and by headline metric, with
 * each report's difference from the first. Codes are only compared where they mean the same
 * thing in every report's form; across forms the headline metrics carry the comparison.
 */
import { type Form, INDICATORS, indicator } from '@gongkai/extract';
import { isMoneyUnit, METRICS, type MetricValue, toYuan } from './metrics.ts';

export interface CompareValue {
  current: number | null;
  unit: string | null;
  source: 'table' | 'prose' | 'derived';
}

export interface CompareInput {
  reportId: string;
  form: Form;
  values: ReadonlyMap<string, CompareValue>;
  metrics: readonly MetricValue[];
}

/**
 * value: a number; blank: the cell is printed empty; notReported: the form has the figure but the
 * report does not give it; notApplicable: the report's form has no such figure.
 */
export type CellStatus = 'value' | 'blank' | 'notReported' | 'notApplicable';

/** Why a row cannot be compared across the reports. */
export type NotComparableReason = 'not-in-form' | 'units-differ';

export interface CompareCell {
  reportId: string;
  value: number | null;
  unit: string | null;
  /** Money in 元, whatever unit the report printed. */
  yuan: number | null;
  status: CellStatus;
}

export interface CompareRow {
  kind: 'metric' | 'indicator';
  /** The metric id or the indicator code. */
  key: string;
  label: string;
  unit: string;
  cells: CompareCell[];
  /** Each report minus the first; null for the first, for missing numbers, and when not comparable. */
  deltas: (number | null)[];
  comparable: boolean;
  reason: NotComparableReason | null;
}

export const MAX_COMPARED = 5;

export function compareReports(reports: readonly CompareInput[]): CompareRow[] {
  return [...metricRows(reports), ...indicatorRows(reports)];
}

function metricRows(reports: readonly CompareInput[]): CompareRow[] {
  return METRICS.map((def) => {
    const cells = reports.map((r): CompareCell => {
      const m = r.metrics.find((x) => x.metric === def.id);
      const status: CellStatus = !m?.comparable
        ? 'notApplicable'
        : m.value === null
          ? 'notReported'
          : 'value';
      const value = m?.comparable ? m.value : null;
      return {
        reportId: r.reportId,
        value,
        unit: def.unit,
        yuan: def.unit === '元' ? value : null,
        status,
      };
    });
    const comparable = cells.every((c) => c.status !== 'notApplicable');
    return {
      kind: 'metric',
      key: def.id,
      label: def.label,
      unit: def.unit,
      cells,
      deltas: deltas(cells, comparable, false),
      comparable,
      reason: comparable ? null : 'not-in-form',
    };
  });
}

function indicatorRows(reports: readonly CompareInput[]): CompareRow[] {
  const codes = new Set<string>();
  for (const r of reports) for (const code of r.values.keys()) codes.add(code);
  const sameForm = reports.every((r) => r.form === reports[0]?.form);
  return [...codes].sort(byCatalogOrder).map((code) => {
    const def = indicator(code);
    const unit = def?.unit ?? reports.map((r) => r.values.get(code)?.unit).find(Boolean) ?? '';
    const cells = reports.map((r): CompareCell => {
      const v = r.values.get(code);
      if (!v) {
        const inForm = sameForm || (def?.forms.includes(r.form) ?? false);
        return {
          reportId: r.reportId,
          value: null,
          unit: null,
          yuan: null,
          status: inForm ? 'notReported' : 'notApplicable',
        };
      }
      return {
        reportId: r.reportId,
        value: v.current,
        unit: v.unit,
        yuan: isMoneyUnit(v.unit) ? toYuan(v.current, v.unit) : null,
        status: v.current === null ? 'blank' : 'value',
      };
    });
    // A code read from prose states the same fact whatever the form; a table code only within
    // the forms whose tables define it.
    const applies = (r: CompareInput) => {
      const v = r.values.get(code);
      return sameForm || v?.source === 'prose' || (def?.forms.includes(r.form) ?? false);
    };
    const reason: NotComparableReason | null = !reports.every(applies)
      ? 'not-in-form'
      : !unitsAgree(cells)
        ? 'units-differ'
        : null;
    const money = cells.some((c) => isMoneyUnit(c.unit));
    return {
      kind: 'indicator',
      key: code,
      label: def?.label ?? code,
      unit,
      cells,
      deltas: deltas(cells, reason === null, money),
      comparable: reason === null,
      reason,
    };
  });
}

function unitsAgree(cells: readonly CompareCell[]): boolean {
  const units = new Set(cells.filter((c) => c.status === 'value').map((c) => c.unit ?? ''));
  if (units.size <= 1) return true;
  return [...units].every((u) => isMoneyUnit(u));
}

function deltas(cells: readonly CompareCell[], comparable: boolean, money: boolean) {
  const number = (c: CompareCell | undefined) =>
    c?.status === 'value' ? (money ? c.yuan : c.value) : null;
  const base = number(cells[0]);
  return cells.map((c, i) => {
    const v = number(c);
    if (i === 0 || !comparable || base === null || v === null) return null;
    const d = Math.round((v - base) * 100) / 100;
    return d === 0 ? 0 : d;
  });
}

// Rows follow the catalog, which follows the official tables; a code's column suffix sorts after it.
const CATALOG_POSITION = new Map(INDICATORS.map((d, i) => [d.code, i]));
const catalogIndex = (code: string) =>
  CATALOG_POSITION.get(indicator(code)?.code ?? '') ?? Number.MAX_SAFE_INTEGER;
const byCatalogOrder = (a: string, b: string) =>
  catalogIndex(a) - catalogIndex(b) || a.localeCompare(b);
