/**
 * Scoring an extraction against hand-checked truth: table-cell recall and precision, prose-fact
 * recall and metadata accuracy. Pure, so the evaluation command and the test floor share it.
 */
import type { ExtractedReport } from '@gongkai/extract';

export interface Truth {
  file: string;
  agency: { name: string; alternatives?: string[]; regionCode: string | null };
  year: number | null;
  form: string;
  publishedAt: string | null;
  values: Record<string, number | null>;
  prose: Record<string, number>;
}

export interface Miss {
  kind: 'cell' | 'extra' | 'prose' | 'metadata';
  code: string;
  want?: unknown;
  got?: unknown;
}

export interface FileScore {
  file: string;
  cells: { truth: number; extracted: number; correct: number };
  prose: { truth: number; correct: number };
  metadata: { fields: number; correct: number };
  misses: Miss[];
  error?: string;
}

const METADATA_FIELDS = ['agency', 'regionCode', 'year', 'form', 'publishedAt'] as const;

const same = (a: number | null | undefined, b: number | null | undefined) =>
  a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9);

/** Scores one report; `report` is null when extraction failed. */
export function scoreFile(truth: Truth, report: ExtractedReport | null, error?: string): FileScore {
  const misses: Miss[] = [];
  const table = new Map<string, number | null>();
  const prose = new Map<string, number | null>();
  for (const v of report?.values ?? []) (v.source === 'table' ? table : prose).set(v.code, v.value);

  let cellsCorrect = 0;
  for (const [code, want] of Object.entries(truth.values)) {
    if (table.has(code) && same(table.get(code), want)) cellsCorrect++;
    else
      misses.push({ kind: 'cell', code, want, got: table.has(code) ? table.get(code) : 'absent' });
  }
  for (const [code, got] of table)
    if (!(code in truth.values)) misses.push({ kind: 'extra', code, got });

  let proseCorrect = 0;
  for (const [code, want] of Object.entries(truth.prose)) {
    if (same(prose.get(code), want)) proseCorrect++;
    else
      misses.push({ kind: 'prose', code, want, got: prose.has(code) ? prose.get(code) : 'absent' });
  }

  const names = [truth.agency.name, ...(truth.agency.alternatives ?? [])];
  const checks: Record<(typeof METADATA_FIELDS)[number], [boolean, unknown, unknown]> = {
    agency: [names.includes(report?.agency.name ?? ''), names.join(' | '), report?.agency.name],
    regionCode: [
      report?.agency.regionCode === truth.agency.regionCode,
      truth.agency.regionCode,
      report?.agency.regionCode,
    ],
    year: [report?.year === truth.year, truth.year, report?.year],
    form: [report?.form === truth.form, truth.form, report?.form],
    publishedAt: [
      report?.publishedAt === truth.publishedAt,
      truth.publishedAt,
      report?.publishedAt,
    ],
  };
  let metaCorrect = 0;
  for (const field of METADATA_FIELDS) {
    const [ok, want, got] = checks[field];
    if (ok) metaCorrect++;
    else misses.push({ kind: 'metadata', code: field, want, got });
  }

  return {
    file: truth.file,
    cells: {
      truth: Object.keys(truth.values).length,
      extracted: table.size,
      correct: cellsCorrect,
    },
    prose: { truth: Object.keys(truth.prose).length, correct: proseCorrect },
    metadata: { fields: METADATA_FIELDS.length, correct: metaCorrect },
    misses,
    error,
  };
}

export interface Summary {
  files: number;
  cellRecall: number;
  cellPrecision: number;
  proseRecall: number;
  metadataAccuracy: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Micro-averaged figures over files. */
export function summarise(scores: readonly FileScore[]): Summary {
  const t = scores.reduce(
    (a, s) => ({
      cellTruth: a.cellTruth + s.cells.truth,
      cellExtracted: a.cellExtracted + s.cells.extracted,
      cellCorrect: a.cellCorrect + s.cells.correct,
      proseTruth: a.proseTruth + s.prose.truth,
      proseCorrect: a.proseCorrect + s.prose.correct,
      metaFields: a.metaFields + s.metadata.fields,
      metaCorrect: a.metaCorrect + s.metadata.correct,
    }),
    {
      cellTruth: 0,
      cellExtracted: 0,
      cellCorrect: 0,
      proseTruth: 0,
      proseCorrect: 0,
      metaFields: 0,
      metaCorrect: 0,
    },
  );
  return {
    files: scores.length,
    cellRecall: ratio(t.cellCorrect, t.cellTruth),
    cellPrecision: ratio(t.cellCorrect, t.cellExtracted),
    proseRecall: ratio(t.proseCorrect, t.proseTruth),
    metadataAccuracy: ratio(t.metaCorrect, t.metaFields),
  };
}
