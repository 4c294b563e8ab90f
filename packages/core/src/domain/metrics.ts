/**
 * Headline metrics: the few figures a reader compares across years. The forms count different
 * things under similar labels, so each metric says per form which codes make it, or that the
 * form has no equivalent (null) rather than offering a number that only looks comparable.
 */

import type { Form } from '@gongkai/extract';

export type MetricId =
  | 'requestsReceived'
  | 'requestsGranted'
  | 'requestsDenied'
  | 'reviews'
  | 'lawsuits'
  | 'feesYuan'
  | 'proactiveItems';

export interface Formula {
  /** Codes summed. */
  terms: readonly string[];
  description: string;
}

export interface MetricDef {
  id: MetricId;
  /** Chinese label, e.g. 收到申请. */
  label: string;
  /** 件, 元, 条. */
  unit: string;
  /** null: the form has no equivalent figure, so the metric is not comparable for it. */
  formulas: Readonly<Record<Form, Formula | null>>;
  note?: string;
}

export interface MetricInput {
  value: number | null;
  unit: string | null;
}

export interface MetricValue {
  metric: MetricId;
  value: number | null;
  unit: string;
  comparable: boolean;
  derived: true;
  /** Terms that contributed a number. */
  inputs: string[];
  /** Terms that were absent, blank, or in a unit that cannot be converted. */
  missing: string[];
}

const f = (terms: readonly string[], description: string): Formula => ({ terms, description });

const DENIED_GOV = [
  'requests.denied.stateSecret:total',
  'requests.denied.prohibitedByLaw:total',
  'requests.denied.security:total',
  'requests.denied.thirdParty:total',
  'requests.denied.internalAffairs:total',
  'requests.denied.deliberative:total',
  'requests.denied.enforcementFile:total',
  'requests.denied.inquiry:total',
] as const;

export const METRICS: readonly MetricDef[] = [
  {
    id: 'requestsReceived',
    label: '收到申请',
    unit: '件',
    formulas: {
      'gov-2019': f(['requests.new:total'], '本年新收政府信息公开申请数量（总计）'),
      'gov-2021': f(['requests.new:total'], '本年新收政府信息公开申请数量（总计）'),
      'national-2014': f(['requests.received'], '收到申请数'),
      provincial: f(['requests.received'], '收到申请数'),
      none: f(['requests.received'], '正文所述收到申请数'),
    },
    note: 'Requests carried over from the previous year are not counted, in any form.',
  },
  {
    id: 'requestsGranted',
    label: '予以公开',
    unit: '件',
    formulas: {
      'gov-2019': f(['requests.granted:total'], '予以公开（总计）'),
      'gov-2021': f(['requests.granted:total'], '予以公开（总计）'),
      'national-2014': f(['requests.answered.granted'], '同意公开答复数'),
      provincial: f(['requests.answered.granted'], '同意公开答复数'),
      none: null,
    },
    note: 'Partly granted requests are not included.',
  },
  {
    id: 'requestsDenied',
    label: '不予公开',
    unit: '件',
    formulas: {
      'gov-2019': f(DENIED_GOV, '不予公开 1–8 项之和（总计）'),
      'gov-2021': f(DENIED_GOV, '不予公开 1–8 项之和（总计）'),
      'national-2014': f(['requests.answered.denied'], '不同意公开答复数'),
      provincial: f(['requests.answered.denied'], '不同意公开答复数'),
      none: null,
    },
    note: 'The gov forms split 不予公开 into eight rows with no total row; their sum is used.',
  },
  {
    id: 'reviews',
    label: '行政复议',
    unit: '件',
    formulas: {
      'gov-2019': f(['review.total'], '行政复议总计'),
      'gov-2021': f(['review.total'], '行政复议总计'),
      'national-2014': f(['review.total'], '行政复议数量'),
      provincial: f(['review.total'], '行政复议数量'),
      none: f(['review.total'], '正文所述行政复议数'),
    },
  },
  {
    id: 'lawsuits',
    label: '行政诉讼',
    unit: '件',
    formulas: {
      'gov-2019': f(
        ['litigation.direct.total', 'litigation.afterReview.total'],
        '未经复议直接起诉总计 + 复议后起诉总计',
      ),
      'gov-2021': f(
        ['litigation.direct.total', 'litigation.afterReview.total'],
        '未经复议直接起诉总计 + 复议后起诉总计',
      ),
      'national-2014': f(['litigation.total'], '行政诉讼数量'),
      provincial: f(['litigation.total'], '行政诉讼数量'),
      none: f(['litigation.total'], '正文所述行政诉讼数'),
    },
  },
  {
    id: 'feesYuan',
    label: '收取费用',
    unit: '元',
    formulas: {
      'gov-2019': f(['fees.collected'], '正文所述收取费用'),
      'gov-2021': f(['fees.processing'], '正文所述收取信息处理费'),
      'national-2014': f(['fees.collected'], '依申请公开信息收取的费用'),
      provincial: f(['fees.collected'], '依申请公开信息收取的费用'),
      none: f(['fees.collected'], '正文所述收取费用'),
    },
    note:
      'Converted to 元 from the printed unit. fees.collected is the older table row and the ' +
      'prose of any form; fees.processing is the 信息处理费 that gov-2021 reports state in prose ' +
      '(charged since 2021). gov-2019 reports have no fee row, so their figure is prose only.',
  },
  {
    id: 'proactiveItems',
    label: '主动公开信息',
    unit: '条',
    formulas: {
      'gov-2019': f(['proactive.items'], '正文所述主动公开政府信息数'),
      'gov-2021': f(['proactive.items'], '正文所述主动公开政府信息数'),
      'national-2014': f(['proactive.items'], '主动公开政府信息数'),
      provincial: f(['proactive.items'], '主动公开政府信息数'),
      none: f(['proactive.items'], '正文所述主动公开政府信息数'),
    },
    note:
      'The gov-2019/gov-2021 tables have no such row (table 二 counts rules and licences, not ' +
      'items); for those forms the figure exists only when the prose states it, so it is often ' +
      'not reported.',
  },
];

const BY_ID: ReadonlyMap<MetricId, MetricDef> = new Map(METRICS.map((m) => [m.id, m]));

export function metric(id: MetricId): MetricDef | undefined {
  return BY_ID.get(id);
}

// Money keeps the printed unit in storage; a metric compares yuan.
const TO_YUAN: ReadonlyMap<string, number> = new Map([
  ['元', 1],
  ['千元', 1000],
  ['万元', 10000],
]);

/** A money reading in 元, or null when it is blank or its unit is not money. */
export function toYuan(value: number | null | undefined, unit: string | null | undefined) {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const rate = unit ? TO_YUAN.get(unit.trim()) : undefined;
  if (rate === undefined) return null;
  const yuan = Math.round(value * rate * 100) / 100;
  return yuan === 0 ? 0 : yuan;
}

export const isMoneyUnit = (unit: string | null | undefined) =>
  unit !== null && unit !== undefined && TO_YUAN.has(unit.trim());

/** Every headline metric of one report, from its current readings (stored on the report). */
export function reportMetrics(
  form: Form,
  values: Iterable<{ code: string; current?: unknown; unit?: string | null }>,
): MetricValue[] {
  const inputs = new Map<string, MetricInput>();
  for (const v of values) {
    inputs.set(v.code, {
      value: typeof v.current === 'number' ? v.current : null,
      unit: v.unit ?? null,
    });
  }
  return METRICS.map((def) => computeMetric(def, form, inputs));
}

/** One metric of one report, from the report's current readings. */
export function computeMetric(
  def: MetricDef,
  form: Form,
  values: ReadonlyMap<string, MetricInput>,
): MetricValue {
  const formula = def.formulas[form];
  if (!formula) {
    return {
      metric: def.id,
      value: null,
      unit: def.unit,
      comparable: false,
      derived: true,
      inputs: [],
      missing: [],
    };
  }
  const money = def.unit === '元';
  const inputs: string[] = [];
  const missing: string[] = [];
  let sum = 0;
  for (const code of formula.terms) {
    const input = values.get(code);
    const v = input?.value;
    if (input === undefined || v === null || v === undefined || !Number.isFinite(v)) {
      missing.push(code);
      continue;
    }
    let factor = 1;
    if (money) {
      const rate = input.unit === null ? undefined : TO_YUAN.get(input.unit.trim());
      if (rate === undefined) {
        missing.push(code);
        continue;
      }
      factor = rate;
    }
    sum += v * factor;
    inputs.push(code);
  }
  let value: number | null = inputs.length === 0 ? null : sum;
  if (value !== null && money) value = Math.round(value * 100) / 100;
  if (value === 0) value = 0; // no -0
  return {
    metric: def.id,
    value,
    unit: def.unit,
    comparable: true,
    derived: true,
    inputs,
    missing,
  };
}
