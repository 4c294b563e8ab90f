/**
 * The geometry of a sparkline: years along x, values along y from zero (counts read honestly
 * from a zero baseline), and a line broken wherever a year has no number, so a missing or
 * non-comparable year shows as a gap rather than a dip to zero.
 */
export interface SparkInput {
  year: number;
  /** Null: no number for this year (a gap). */
  value: number | null;
}

export interface SparkDot {
  x: number;
  y: number;
  year: number;
  value: number;
}

export interface SparkGap {
  x: number;
  year: number;
}

export interface SparkGeometry {
  width: number;
  height: number;
  /** SVG path data: one `M … L …` run per stretch of consecutive years with numbers. */
  path: string;
  dots: SparkDot[];
  gaps: SparkGap[];
  /** Half the distance between two years: the width of a gap's band. */
  step: number;
  min: number;
  max: number;
}

export interface SparkOptions {
  width?: number;
  height?: number;
  /** Room kept free at every edge so dots are not clipped. */
  pad?: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function sparkline(
  points: readonly SparkInput[],
  options: SparkOptions = {},
): SparkGeometry {
  const width = options.width ?? 160;
  const height = options.height ?? 40;
  const pad = options.pad ?? 4;
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const values = sorted.flatMap((p) => (p.value === null ? [] : [p.value]));
  const min = Math.min(0, ...values);
  const max = values.length > 0 ? Math.max(...values) : 0;
  // A flat run of zeros still needs a scale; it sits on the baseline.
  const span = max - min || 1;
  const first = sorted[0]?.year ?? 0;
  const last = sorted[sorted.length - 1]?.year ?? first;
  const years = last - first;
  const innerW = width - 2 * pad;
  const innerH = height - 2 * pad;
  const xOf = (year: number) =>
    round(years === 0 ? width / 2 : pad + ((year - first) / years) * innerW);
  const yOf = (value: number) => round(pad + innerH - ((value - min) / span) * innerH);

  const dots: SparkDot[] = [];
  const gaps: SparkGap[] = [];
  const runs: string[] = [];
  let run: string[] = [];
  let previousYear: number | null = null;
  for (const p of sorted) {
    if (p.value === null) {
      gaps.push({ x: xOf(p.year), year: p.year });
      if (run.length > 0) runs.push(run.join(' '));
      run = [];
      previousYear = null;
      continue;
    }
    const x = xOf(p.year);
    const y = yOf(p.value);
    dots.push({ x, y, year: p.year, value: p.value });
    // A year missing from the input entirely also breaks the line.
    if (previousYear !== null && p.year !== previousYear + 1 && run.length > 0) {
      runs.push(run.join(' '));
      run = [];
    }
    run.push(`${run.length === 0 ? 'M' : 'L'}${x} ${y}`);
    previousYear = p.year;
  }
  if (run.length > 0) runs.push(run.join(' '));

  return {
    width,
    height,
    // A run of one point draws nothing; its dot shows it.
    path: runs.filter((r) => r.includes('L')).join(' '),
    dots,
    gaps,
    step: round(years === 0 ? innerW / 2 : innerW / years / 2),
    min,
    max,
  };
}
