/**
 * Numbers as a Chinese reader expects them, and blanks kept apart from zeros: a blank cell is
 * shown empty with a spoken label, never as 0.
 */
const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return Number.isInteger(value) ? integer.format(value) : decimal.format(value);
}

/** A value with its unit ('12 件', '3.5 万元'); '' for a blank. */
export function formatValue(value: number | null | undefined, unit?: string | null): string {
  const n = formatNumber(value);
  if (n === '') return '';
  return unit && unit !== '件' && unit !== '条' && unit !== '个' ? `${n} ${unit}` : n;
}

/** A signed change: '+3', '−2', '0'; '' when either side is missing. */
export function formatDelta(delta: number | null | undefined): string {
  if (delta === null || delta === undefined || Number.isNaN(delta)) return '';
  if (delta === 0) return '0';
  const n = formatNumber(Math.abs(delta));
  return delta > 0 ? `+${n}` : `−${n}`;
}

/** A confidence between 0 and 1 as a percentage; '' when unknown. */
export function formatConfidence(confidence: number | null | undefined): string {
  if (confidence === null || confidence === undefined) return '';
  return `${Math.round(confidence * 100)}%`;
}

const dateFormat = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'Asia/Shanghai',
});
const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Asia/Shanghai',
});

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateFormat.format(d);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateTimeFormat.format(d);
}
