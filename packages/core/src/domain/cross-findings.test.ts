import { describe, expect, it } from 'vitest';
import { crossReportFindings, type ReportFacts } from './cross-findings.ts';

function facts(
  over: Partial<ReportFacts> & { v?: Record<string, number | null> } = {},
): ReportFacts {
  const { v, ...rest } = over;
  return {
    year: 2023,
    agencyName: '广州市教育局',
    publishedAt: '2024-01-20',
    government: false,
    values: new Map(Object.entries(v ?? {})),
    ...rest,
  };
}

// Twelve codes with numbers, five of them non-zero.
const TABLE: Record<string, number | null> = {
  'requests.new:total': 12,
  'requests.carriedOver:total': 1,
  'requests.granted:total': 5,
  'requests.partlyGranted:total': 2,
  'requests.resolved:total': 10,
  'requests.carriedForward:total': 0,
  'review.total': 0,
  'review.upheld': 0,
  'litigation.direct.total': 0,
  'litigation.afterReview.total': 0,
  'requests.denied.stateSecret:total': 0,
  'requests.denied.inquiry:total': 0,
};

const rules = (current: ReportFacts, previous: ReportFacts | null) =>
  crossReportFindings(current, previous).map((f) => f.rule);

describe('cross.carriedOver', () => {
  it.each<[string, ReportFacts, ReportFacts | null, boolean]>([
    [
      'differs from last year',
      facts({ v: { 'requests.carriedOver:total': 3 } }),
      facts({ year: 2022, v: { 'requests.carriedForward:total': 5 } }),
      true,
    ],
    [
      'equal',
      facts({ v: { 'requests.carriedOver:total': 5 } }),
      facts({ year: 2022, v: { 'requests.carriedForward:total': 5 } }),
      false,
    ],
    [
      'previous is two years back',
      facts({ v: { 'requests.carriedOver:total': 3 } }),
      facts({ year: 2021, v: { 'requests.carriedForward:total': 5 } }),
      false,
    ],
    [
      'previous is the same year',
      facts({ v: { 'requests.carriedOver:total': 3 } }),
      facts({ year: 2023, v: { 'requests.carriedForward:total': 5 } }),
      false,
    ],
    ['no previous', facts({ v: { 'requests.carriedOver:total': 3 } }), null, false],
    [
      'current blank',
      facts({ v: { 'requests.carriedOver:total': null } }),
      facts({ year: 2022, v: { 'requests.carriedForward:total': 5 } }),
      false,
    ],
    [
      'previous missing the code',
      facts({ v: { 'requests.carriedOver:total': 3 } }),
      facts({ year: 2022, v: {} }),
      false,
    ],
    [
      'unknown years',
      facts({ year: null, v: { 'requests.carriedOver:total': 3 } }),
      facts({ year: null, v: { 'requests.carriedForward:total': 5 } }),
      false,
    ],
  ])('%s', (_name, current, previous, fires) => {
    expect(rules(current, previous).includes('cross.carriedOver')).toBe(fires);
  });

  it('reports expected and printed', () => {
    const [f] = crossReportFindings(
      facts({ v: { 'requests.carriedOver:total': 3 } }),
      facts({ year: 2022, v: { 'requests.carriedForward:total': 5 } }),
    );
    expect(f).toMatchObject({
      rule: 'cross.carriedOver',
      severity: 'warning',
      codes: ['requests.carriedOver:total'],
      expected: 5,
      printed: 3,
    });
    expect(f?.message).toMatch(/3.*5/);
  });
});

describe('cross.identicalToPrevious', () => {
  const firstCodes = (n: number) => Object.fromEntries(Object.entries(TABLE).slice(0, n));
  it.each<[string, Record<string, number | null>, Record<string, number | null>, number, boolean]>([
    ['same figures', TABLE, TABLE, 2022, true],
    ['same figures, extra blank code', { ...TABLE, 'x.y': null }, TABLE, 2022, true],
    ['one figure differs', { ...TABLE, 'review.total': 1 }, TABLE, 2022, false],
    ['code sets differ', { ...TABLE, 'x.y': 1 }, TABLE, 2022, false],
    ['fewer than 10 codes', firstCodes(9), firstCodes(9), 2022, false],
    [
      'only 2 non-zero',
      {
        ...TABLE,
        'requests.granted:total': 0,
        'requests.partlyGranted:total': 0,
        'requests.resolved:total': 0,
      },
      {
        ...TABLE,
        'requests.granted:total': 0,
        'requests.partlyGranted:total': 0,
        'requests.resolved:total': 0,
      },
      2022,
      false,
    ],
    ['not the year before', TABLE, TABLE, 2021, false],
  ])('%s', (_name, cur, prev, prevYear, fires) => {
    const found = crossReportFindings(facts({ v: cur }), facts({ year: prevYear, v: prev }));
    const f = found.find((x) => x.rule === 'cross.identicalToPrevious');
    expect(f !== undefined).toBe(fires);
    if (f) expect(f).toMatchObject({ severity: 'warning', codes: [] });
  });
});

describe('cross.lateRelease', () => {
  it.each<[string, Partial<ReportFacts>, boolean]>([
    ['department late', { publishedAt: '2024-02-01', government: false }, true],
    ['department on time', { publishedAt: '2024-01-31', government: false }, false],
    ['government in March', { publishedAt: '2024-03-31', government: true }, false],
    ['government in April', { publishedAt: '2024-04-01', government: true }, true],
    ['before 2019, department in March', { year: 2017, publishedAt: '2018-03-20' }, false],
    ['no date', { publishedAt: null }, false],
    ['no year', { year: null, publishedAt: '2030-01-01' }, false],
    ['bad date', { publishedAt: '2024/05/01' }, false],
  ])('%s', (_name, over, fires) => {
    const found = crossReportFindings(facts(over), null);
    const f = found.find((x) => x.rule === 'cross.lateRelease');
    expect(f !== undefined).toBe(fires);
    if (f) {
      expect(f).toMatchObject({ severity: 'info', codes: [] });
      expect(f.message).toContain(over.publishedAt);
    }
  });

  it('names the deadline', () => {
    const [f] = crossReportFindings(facts({ publishedAt: '2024-02-01' }), null);
    expect(f?.message).toContain('2024-01-31');
  });
});

it('returns nothing for a clean pair', () => {
  expect(
    crossReportFindings(
      facts({ v: TABLE }),
      facts({
        year: 2022,
        v: { ...TABLE, 'requests.new:total': 9, 'requests.carriedForward:total': 1 },
      }),
    ),
  ).toEqual([]);
});
