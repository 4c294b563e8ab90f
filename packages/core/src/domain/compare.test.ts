import type { Form } from '@gongkai/extract';
import { describe, expect, it } from 'vitest';
import { type CompareInput, type CompareValue, compareReports } from './compare.ts';
import { reportMetrics } from './metrics.ts';

function report(
  reportId: string,
  form: Form,
  values: Record<string, [number | null, string | null, CompareValue['source']?]>,
): CompareInput {
  const map = new Map<string, CompareValue>(
    Object.entries(values).map(([code, [current, unit, source]]) => [
      code,
      { current, unit, source: source ?? 'table' },
    ]),
  );
  const metrics = reportMetrics(
    form,
    [...map].map(([code, v]) => ({ code, current: v.current, unit: v.unit })),
  );
  return { reportId, form, values: map, metrics };
}

const row = (rows: ReturnType<typeof compareReports>, key: string) => {
  const found = rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
};

describe('compareReports: indicator rows', () => {
  const cases: {
    name: string;
    reports: CompareInput[];
    key: string;
    statuses: string[];
    deltas: (number | null)[];
    reason: string | null;
  }[] = [
    {
      name: 'same form, both printed',
      reports: [
        report('a-2020', 'gov-2019', { 'review.total': [4, '件'] }),
        report('a-2021', 'gov-2019', { 'review.total': [9, '件'] }),
      ],
      key: 'review.total',
      statuses: ['value', 'value'],
      deltas: [null, 5],
      reason: null,
    },
    {
      name: 'same form, one blank and one absent',
      reports: [
        report('a-2020', 'gov-2019', { 'review.total': [null, '件'] }),
        report('a-2021', 'gov-2019', {}),
        report('a-2022', 'gov-2019', { 'review.total': [3, '件'] }),
      ],
      key: 'review.total',
      statuses: ['blank', 'notReported', 'value'],
      deltas: [null, null, null],
      reason: null,
    },
    {
      name: 'money in different units compares in yuan',
      reports: [
        report('a-2015', 'national-2014', { 'fees.collected': [1.5, '万元'] }),
        report('a-2016', 'national-2014', { 'fees.collected': [20000, '元'] }),
      ],
      key: 'fees.collected',
      statuses: ['value', 'value'],
      deltas: [null, 5000],
      reason: null,
    },
    {
      name: 'a table code of an old form is not in the new form',
      reports: [
        report('a-2018', 'national-2014', { 'requests.received': [10, '件'] }),
        report('a-2019', 'gov-2019', { 'review.total': [1, '件'] }),
      ],
      key: 'requests.received',
      statuses: ['value', 'notApplicable'],
      deltas: [null, null],
      reason: 'not-in-form',
    },
    {
      name: 'a prose fact compares across forms',
      reports: [
        report('a-2018', 'national-2014', { 'requests.received': [10, '件'] }),
        report('a-2019', 'gov-2019', { 'requests.received': [12, '件', 'prose'] }),
      ],
      key: 'requests.received',
      statuses: ['value', 'value'],
      deltas: [null, 2],
      reason: null,
    },
    {
      name: 'counts in different units are not comparable',
      reports: [
        report('a-2015', 'national-2014', { 'requests.received': [10, '件'] }),
        report('a-2016', 'national-2014', { 'requests.received': [10, '人次'] }),
      ],
      key: 'requests.received',
      statuses: ['value', 'value'],
      deltas: [null, null],
      reason: 'units-differ',
    },
  ];
  it.each(cases)('$name', ({ reports, key, statuses, deltas, reason }) => {
    const r = row(compareReports(reports), key);
    expect(r.kind).toBe('indicator');
    expect(r.cells.map((c) => c.status)).toEqual(statuses);
    expect(r.deltas).toEqual(deltas);
    expect(r.reason).toBe(reason);
    expect(r.comparable).toBe(reason === null);
  });
});

describe('compareReports: metric rows', () => {
  it('compares a metric across forms and marks a form without it', () => {
    const rows = compareReports([
      report('a-2018', 'national-2014', { 'requests.received': [10, '件'] }),
      report('a-2021', 'gov-2021', {}),
    ]);
    const metrics = rows.filter((r) => r.kind === 'metric');
    expect(metrics.length).toBeGreaterThan(0);
    const received = row(rows, 'requestsReceived');
    expect(received.cells[0]).toMatchObject({ value: 10, status: 'value' });
    expect(received.cells[1]?.status).toBe('notReported');
    expect(received.deltas).toEqual([null, null]);
    // Metric rows come first: the comparison a reader can trust across forms.
    expect(rows[0]?.kind).toBe('metric');
  });

  it('orders indicator rows by the catalog', () => {
    const rows = compareReports([
      report('a-2020', 'gov-2019', { 'review.other': [1, '件'], 'review.total': [2, '件'] }),
    ]).filter((r) => r.kind === 'indicator');
    expect(rows.map((r) => r.key)).toEqual(['review.total', 'review.other']);
  });
});
