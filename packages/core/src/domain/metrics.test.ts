import type { Form } from '@gongkai/extract';
import { describe, expect, it } from 'vitest';
import {
  computeMetric,
  METRICS,
  type MetricDef,
  type MetricId,
  type MetricInput,
  metric,
} from './metrics.ts';

const FORMS: readonly Form[] = ['provincial', 'national-2014', 'gov-2019', 'gov-2021', 'none'];

function def(id: MetricId): MetricDef {
  const d = metric(id);
  if (!d) throw new Error(`no metric ${id}`);
  return d;
}

function vals(entries: Record<string, [number | null, string | null]>): Map<string, MetricInput> {
  return new Map(Object.entries(entries).map(([k, [value, unit]]) => [k, { value, unit }]));
}

const DENIED = [
  'stateSecret',
  'prohibitedByLaw',
  'security',
  'thirdParty',
  'internalAffairs',
  'deliberative',
  'enforcementFile',
  'inquiry',
].map((r) => `requests.denied.${r}:total`);

describe('METRICS', () => {
  it('has unique ids, and every metric defines every form', () => {
    expect(new Set(METRICS.map((m) => m.id)).size).toBe(METRICS.length);
    for (const m of METRICS) {
      expect(Object.keys(m.formulas).sort()).toEqual([...FORMS].sort());
      for (const form of FORMS) {
        const formula = m.formulas[form];
        if (formula) expect(formula.terms.length).toBeGreaterThan(0);
      }
    }
  });

  it.each<[MetricId, Form, readonly string[] | null]>([
    ['requestsReceived', 'gov-2019', ['requests.new:total']],
    ['requestsReceived', 'gov-2021', ['requests.new:total']],
    ['requestsReceived', 'national-2014', ['requests.received']],
    ['requestsReceived', 'provincial', ['requests.received']],
    ['requestsReceived', 'none', ['requests.received']],
    ['requestsGranted', 'gov-2021', ['requests.granted:total']],
    ['requestsGranted', 'national-2014', ['requests.answered.granted']],
    ['requestsGranted', 'none', null],
    ['requestsDenied', 'gov-2019', DENIED],
    ['requestsDenied', 'gov-2021', DENIED],
    ['requestsDenied', 'provincial', ['requests.answered.denied']],
    ['requestsDenied', 'none', null],
    ['reviews', 'gov-2021', ['review.total']],
    ['reviews', 'none', ['review.total']],
    ['lawsuits', 'gov-2019', ['litigation.direct.total', 'litigation.afterReview.total']],
    ['lawsuits', 'national-2014', ['litigation.total']],
    ['lawsuits', 'none', ['litigation.total']],
    ['feesYuan', 'gov-2019', ['fees.collected']],
    ['feesYuan', 'gov-2021', ['fees.processing']],
    ['feesYuan', 'provincial', ['fees.collected']],
    ['proactiveItems', 'gov-2021', ['proactive.items']],
    ['proactiveItems', 'national-2014', ['proactive.items']],
  ])('%s in %s sums %j', (id, form, terms) => {
    expect(def(id).formulas[form]?.terms ?? null).toEqual(terms);
  });

  it('documents the fee and proactive-item decisions', () => {
    expect(def('feesYuan').note).toMatch(/fees\.processing/);
    expect(def('proactiveItems').note).toMatch(/prose/);
  });
});

describe('metric', () => {
  it.each([
    ['requestsReceived', '收到申请'],
    ['feesYuan', '收取费用'],
  ] as const)('%s', (id, label) => {
    expect(metric(id)?.label).toBe(label);
  });
  it('is undefined for an unknown id', () => {
    expect(metric('nope' as MetricId)).toBeUndefined();
  });
});

describe('computeMetric', () => {
  it.each<{
    name: string;
    id: MetricId;
    form: Form;
    values: Map<string, MetricInput>;
    value: number | null;
    comparable?: boolean;
    inputs: string[];
    missing: string[];
  }>([
    {
      name: 'single term',
      id: 'requestsReceived',
      form: 'gov-2021',
      values: vals({ 'requests.new:total': [12, '件'] }),
      value: 12,
      inputs: ['requests.new:total'],
      missing: [],
    },
    {
      name: 'count unit is not converted',
      id: 'requestsReceived',
      form: 'provincial',
      values: vals({ 'requests.received': [7, '条'] }),
      value: 7,
      inputs: ['requests.received'],
      missing: [],
    },
    {
      name: 'zero is a value',
      id: 'reviews',
      form: 'none',
      values: vals({ 'review.total': [0, '件'] }),
      value: 0,
      inputs: ['review.total'],
      missing: [],
    },
    {
      name: 'absent → not reported',
      id: 'reviews',
      form: 'gov-2019',
      values: vals({}),
      value: null,
      inputs: [],
      missing: ['review.total'],
    },
    {
      name: 'blank → not reported',
      id: 'reviews',
      form: 'gov-2019',
      values: vals({ 'review.total': [null, '件'] }),
      value: null,
      inputs: [],
      missing: ['review.total'],
    },
    {
      name: 'sum of two',
      id: 'lawsuits',
      form: 'gov-2021',
      values: vals({
        'litigation.direct.total': [2, '件'],
        'litigation.afterReview.total': [3, '件'],
      }),
      value: 5,
      inputs: ['litigation.direct.total', 'litigation.afterReview.total'],
      missing: [],
    },
    {
      name: 'partial sum lists missing',
      id: 'lawsuits',
      form: 'gov-2021',
      values: vals({
        'litigation.direct.total': [2, '件'],
        'litigation.afterReview.total': [null, '件'],
      }),
      value: 2,
      inputs: ['litigation.direct.total'],
      missing: ['litigation.afterReview.total'],
    },
    {
      name: 'eight denied rows',
      id: 'requestsDenied',
      form: 'gov-2019',
      values: vals(Object.fromEntries(DENIED.map((c, i) => [c, [i, '件']]))),
      value: 28,
      inputs: DENIED,
      missing: [],
    },
    {
      name: 'not comparable',
      id: 'requestsDenied',
      form: 'none',
      values: vals({ 'requests.answered.denied': [4, '件'] }),
      value: null,
      comparable: false,
      inputs: [],
      missing: [],
    },
    {
      name: '万元 → 元',
      id: 'feesYuan',
      form: 'national-2014',
      values: vals({ 'fees.collected': [1.2345, '万元'] }),
      value: 12345,
      inputs: ['fees.collected'],
      missing: [],
    },
    {
      name: '千元 → 元, rounded to 2 decimals',
      id: 'feesYuan',
      form: 'provincial',
      values: vals({ 'fees.collected': [0.0123456, '千元'] }),
      value: 12.35,
      inputs: ['fees.collected'],
      missing: [],
    },
    {
      name: '元 kept, rounded',
      id: 'feesYuan',
      form: 'gov-2021',
      values: vals({ 'fees.processing': [3940.456, '元'] }),
      value: 3940.46,
      inputs: ['fees.processing'],
      missing: [],
    },
    {
      name: 'unknown money unit',
      id: 'feesYuan',
      form: 'gov-2021',
      values: vals({ 'fees.processing': [10, '美元'] }),
      value: null,
      inputs: [],
      missing: ['fees.processing'],
    },
    {
      name: 'null money unit',
      id: 'feesYuan',
      form: 'provincial',
      values: vals({ 'fees.collected': [10, null] }),
      value: null,
      inputs: [],
      missing: ['fees.collected'],
    },
    {
      name: 'hostile money unit',
      id: 'feesYuan',
      form: 'provincial',
      values: vals({ 'fees.collected': [10, 'constructor'] }),
      value: null,
      inputs: [],
      missing: ['fees.collected'],
    },
    {
      name: 'gov-2021 ignores the older fee code',
      id: 'feesYuan',
      form: 'gov-2021',
      values: vals({ 'fees.collected': [1, '万元'] }),
      value: null,
      inputs: [],
      missing: ['fees.processing'],
    },
    {
      name: 'non-finite input is missing',
      id: 'reviews',
      form: 'provincial',
      values: vals({ 'review.total': [Number.NaN, '件'] }),
      value: null,
      inputs: [],
      missing: ['review.total'],
    },
    {
      name: 'proactive items from prose in a gov form',
      id: 'proactiveItems',
      form: 'gov-2021',
      values: vals({ 'proactive.items': [1500, '条'] }),
      value: 1500,
      inputs: ['proactive.items'],
      missing: [],
    },
  ])('$name', ({ id, form, values, value, comparable = true, inputs, missing }) => {
    const d = def(id);
    expect(computeMetric(d, form, values)).toEqual({
      metric: id,
      value,
      unit: d.unit,
      comparable,
      derived: true,
      inputs,
      missing,
    });
  });
});
