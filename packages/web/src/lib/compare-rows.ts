/**
 * The comparison table's pure parts: which rows to show, how they are grouped under headings,
 * and what each cell and difference says. A blank is shown as blank and a zero as a zero; a
 * difference is only shown where the API says the row is comparable.
 */
import { formatDelta, formatNumber, formatValue } from './format.ts';
import { CELL_STATUS_LABELS, FORM_LABELS, NOT_COMPARABLE_LABELS } from './labels.ts';

export type CellStatus = 'VALUE' | 'BLANK' | 'NOT_REPORTED' | 'NOT_APPLICABLE';

export interface CompareCellLike {
  status: CellStatus;
  value: number | null;
  yuan: number | null;
  unit: string | null;
}

export interface CompareRowLike {
  key: string;
  kind: 'METRIC' | 'INDICATOR';
  label: string;
  unit: string;
  comparable: boolean;
  reason: string | null;
  deltas: readonly (number | null)[];
  cells: readonly CompareCellLike[];
}

export interface RowFilter {
  /** Only rows whose reports do not all read the same. */
  onlyDiffering: boolean;
  /** Only rows the API can compare across these reports. */
  onlyComparable: boolean;
}

/**
 * True when the reports do not all read the same: a different number (money compared in 元,
 * whatever unit each report printed) or a different status (a blank against a number).
 */
export function rowDiffers(row: CompareRowLike): boolean {
  const readings = new Set(
    row.cells.map((c) => (c.status === 'VALUE' ? `v:${c.yuan ?? c.value}` : c.status)),
  );
  return readings.size > 1;
}

export function filterRows<R extends CompareRowLike>(rows: readonly R[], filter: RowFilter): R[] {
  return rows.filter(
    (r) => (!filter.onlyDiffering || rowDiffers(r)) && (!filter.onlyComparable || r.comparable),
  );
}

/** Headings of the indicator sections: the first segment of a code (spec/indicators.md). */
export const SECTION_HEADINGS: Record<string, string> = {
  metrics: '主要指标（不同表式之间可比）',
  proactive: '主动公开',
  art20: '主动公开（第二十条）',
  response: '回应解读',
  requests: '依申请公开',
  review: '行政复议',
  litigation: '行政诉讼',
  complaints: '举报投诉',
  fees: '收费',
  capacity: '机构与人员',
  training: '会议与培训',
};

/** The group a row belongs to: 'metrics' for headline metrics, else its code's section. */
export function sectionOf(row: Pick<CompareRowLike, 'kind' | 'key'>): string {
  if (row.kind === 'METRIC') return 'metrics';
  return row.key.split(/[.:]/, 1)[0] || 'other';
}

export interface RowGroup<R> {
  id: string;
  heading: string;
  rows: R[];
}

/** Rows under headings: headline metrics first, then sections in the order the rows come. */
export function groupRows<R extends CompareRowLike>(rows: readonly R[]): RowGroup<R>[] {
  const groups = new Map<string, RowGroup<R>>();
  const ordered = [
    ...rows.filter((r) => r.kind === 'METRIC'),
    ...rows.filter((r) => r.kind !== 'METRIC'),
  ];
  for (const row of ordered) {
    const id = sectionOf(row);
    let group = groups.get(id);
    if (!group) {
      group = { id, heading: SECTION_HEADINGS[id] ?? `其他指标（${id}）`, rows: [] };
      groups.set(id, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()];
}

export interface CellDisplay {
  /** What is printed; '' for a blank cell. */
  text: string;
  /** Spoken only (a blank cell says 空白); '' when the text says it all. */
  spoken: string;
  /** A number or a blank: something a report printed, with a source to look at. */
  printed: boolean;
}

export function cellDisplay(cell: CompareCellLike, rowUnit: string): CellDisplay {
  switch (cell.status) {
    case 'VALUE':
      return { text: formatValue(cell.value, cell.unit ?? rowUnit), spoken: '', printed: true };
    case 'BLANK':
      return { text: '', spoken: CELL_STATUS_LABELS.BLANK ?? '空白', printed: true };
    default:
      return { text: CELL_STATUS_LABELS[cell.status] ?? '', spoken: '', printed: false };
  }
}

const MONEY_UNITS = new Set(['元', '千元', '万元']);

/** True when the API gives this row's differences in 元 (money in any printed unit). */
export function isMoneyRow(row: Pick<CompareRowLike, 'unit' | 'cells'>): boolean {
  return (
    MONEY_UNITS.has(row.unit) || row.cells.some((c) => c.unit !== null && MONEY_UNITS.has(c.unit))
  );
}

/** ' 万元' after a number, or '' for counts (件, 条, 个), as formatValue writes units. */
function unitSuffix(unit: string): string {
  return formatValue(0, unit).slice(formatNumber(0).length);
}

export interface DeltaDisplay {
  text: string;
  direction: 'up' | 'down' | 'same';
}

/**
 * The difference of report `index` from the first, with its unit; null for the first report,
 * where it cannot be computed, and for rows that are not comparable (the reason is shown instead).
 */
export function deltaDisplay(row: CompareRowLike, index: number): DeltaDisplay | null {
  if (index === 0 || !row.comparable) return null;
  const delta = row.deltas[index];
  if (delta === null || delta === undefined || Number.isNaN(delta)) return null;
  const unit = isMoneyRow(row) ? '元' : row.unit;
  return {
    text: `${formatDelta(delta)}${delta === 0 ? '' : unitSuffix(unit)}`,
    direction: delta > 0 ? 'up' : delta < 0 ? 'down' : 'same',
  };
}

/** Why a row is not compared, or null when it is. */
export function notComparableText(
  row: Pick<CompareRowLike, 'comparable' | 'reason'>,
): string | null {
  if (row.comparable) return null;
  return (row.reason && NOT_COMPARABLE_LABELS[row.reason]) || '不可比';
}

/** '显示 12 / 277 行' for the live region under the filters. */
export function shownSummary(shown: number, total: number): string {
  return shown === total ? `共 ${total} 行` : `显示 ${shown} / ${total} 行`;
}

/** A form's name without the years in brackets ('2021 年新表'), for narrow columns. */
export function shortFormLabel(form: string): string {
  const label = FORM_LABELS[form];
  return label ? label.replace(/（[^）]*）$/, '') : form;
}
