/** Reports: lookup, listing by agency or year, and a report's versions, metrics and text. */
import {
  METRICS,
  type MetricDef,
  type MetricValue,
  metric,
  metricsOfReport,
  readingOf,
  type VersionRecord,
} from '@gongkai/core';
import * as z from 'zod/mini';
import { builder } from '../builder.ts';
import { connectionArgs, connectionComplexity } from '../connections.ts';
import { findReports } from '../operations/lists.ts';
import { FormEnum, MetricIdEnum } from './enums.ts';
import { AgencyNode, ReportNode } from './nodes.ts';

interface ChangeShape {
  code?: string;
  from?: unknown;
  to?: unknown;
}

const ValueChangeRef = builder.objectRef<ChangeShape>('ValueChange').implement({
  description: 'A figure that a newer source version printed differently.',
  fields: (t) => ({
    code: t.string({ resolve: (c) => c.code ?? '' }),
    from: t.float({ nullable: true, resolve: (c) => readingOf(c.from) }),
    to: t.float({ nullable: true, resolve: (c) => readingOf(c.to) }),
  }),
});

const ReportVersionRef = builder.objectRef<VersionRecord>('ReportVersion').implement({
  description: 'One distinct source file of a report; the newest is current.',
  fields: (t) => ({
    version: t.exposeInt('version'),
    status: t.exposeString('status'),
    sourceHash: t.exposeString('sourceHash', { description: 'SHA-256 of the source bytes.' }),
    fileName: t.string({ nullable: true, resolve: (v) => v.fileName ?? null }),
    bytes: t.int({ nullable: true, resolve: (v) => v.bytes ?? null }),
    encoding: t.string({ nullable: true, resolve: (v) => v.encoding ?? null }),
    publishedAt: t.string({ nullable: true, resolve: (v) => v.publishedAt ?? null }),
    extractorVersion: t.string({ nullable: true, resolve: (v) => v.extractorVersion ?? null }),
    ingestedAt: t.exposeString('ingestedAt'),
    changes: t.field({
      type: [ValueChangeRef],
      description: 'What this version changed against the previous one.',
      resolve: (v) => [...(v.changes ?? [])],
    }),
  }),
});

export const MetricRef = builder.objectRef<MetricValue>('Metric').implement({
  description:
    'A headline metric of one report, derived from its current readings; comparable=false when the form has no equivalent.',
  fields: (t) => ({
    metric: t.field({ type: MetricIdEnum, resolve: (m) => m.metric }),
    label: t.string({ resolve: (m) => metric(m.metric)?.label ?? m.metric }),
    value: t.float({ nullable: true, resolve: (m) => m.value }),
    unit: t.exposeString('unit'),
    comparable: t.exposeBoolean('comparable'),
    derived: t.exposeBoolean('derived'),
    inputs: t.stringList({
      description: 'Codes that contributed a number.',
      resolve: (m) => m.inputs,
    }),
    missing: t.stringList({
      description: 'Codes that were absent, blank or in an unknown unit.',
      resolve: (m) => m.missing,
    }),
  }),
});

interface FormulaShape {
  form: string;
  terms: readonly string[] | null;
  description: string | null;
}

const MetricFormulaRef = builder.objectRef<FormulaShape>('MetricFormula').implement({
  fields: (t) => ({
    form: t.field({ type: FormEnum, resolve: (f) => f.form as never }),
    comparable: t.boolean({ resolve: (f) => f.terms !== null }),
    terms: t.stringList({ description: 'Codes summed.', resolve: (f) => [...(f.terms ?? [])] }),
    description: t.string({ nullable: true, resolve: (f) => f.description }),
  }),
});

const MetricDefinitionRef = builder.objectRef<MetricDef>('MetricDefinition').implement({
  description: 'How a headline metric is made from each form’s codes.',
  fields: (t) => ({
    id: t.field({ type: MetricIdEnum, resolve: (m) => m.id }),
    label: t.exposeString('label'),
    unit: t.exposeString('unit'),
    note: t.string({ nullable: true, resolve: (m) => m.note ?? null }),
    formulas: t.field({
      type: [MetricFormulaRef],
      resolve: (m) =>
        Object.entries(m.formulas).map(([form, f]) => ({
          form,
          terms: f?.terms ?? null,
          description: f?.description ?? null,
        })),
    }),
  }),
});

interface TextSlice {
  offset: number;
  text: string;
  totalLength: number;
}

const TextSliceRef = builder.objectRef<TextSlice>('TextSlice').implement({
  description: 'Part of the decoded source text (offsets count UTF-16 code units, as spans do).',
  fields: (t) => ({
    offset: t.exposeInt('offset'),
    text: t.exposeString('text'),
    totalLength: t.exposeInt('totalLength'),
  }),
});

export const MAX_TEXT_SLICE = 20_000;

builder.objectFields(ReportNode, (t) => ({
  versions: t.field({
    type: [ReportVersionRef],
    description: 'Every source version, oldest first.',
    complexity: { field: 2, multiplier: 3 },
    resolve: (r, _args, ctx) => ctx.loaders.versions.load(r.reportId),
  }),
  metrics: t.field({
    type: [MetricRef],
    complexity: { field: 1, multiplier: METRICS.length },
    resolve: (r, _args, ctx) => metricsOfReport(ctx.store, r),
  }),
  text: t.field({
    type: TextSliceRef,
    description: `The decoded source text, ${MAX_TEXT_SLICE} characters at most per request.`,
    args: {
      offset: t.arg.int({ defaultValue: 0 }),
      length: t.arg.int({ defaultValue: 5000 }),
    },
    validate: z.object({
      offset: z.int().check(z.minimum(0, 'offset must be 0 or more')),
      length: z
        .int()
        .check(z.minimum(1), z.maximum(MAX_TEXT_SLICE, `length is at most ${MAX_TEXT_SLICE}`)),
    }),
    complexity: 5,
    resolve: async (r, args, ctx) => {
      const text = await ctx.loaders.text.load(r);
      const offset = args.offset ?? 0;
      return {
        offset,
        text: text.slice(offset, offset + (args.length ?? 5000)),
        totalLength: text.length,
      };
    },
  }),
}));

builder.queryFields((t) => ({
  report: t.field({
    type: ReportNode,
    nullable: true,
    args: { id: t.arg.globalID({ required: true, for: ReportNode }) },
    resolve: (_root, args) => args.id.id,
  }),
  reports: t.connection({
    type: ReportNode,
    description:
      "An agency's reports (newest first), or all reports of a year (by region code, then agency), optionally of one form.",
    args: {
      agency: t.arg.globalID({ required: false, for: AgencyNode }),
      year: t.arg.int({ required: false }),
      region: t.arg.string({ required: false }),
      form: t.arg({ type: FormEnum, required: false }),
    },
    validate: connectionArgs(),
    complexity: connectionComplexity,
    resolve: (_root, args, ctx) => findReports(ctx, { ...args, agencyId: args.agency?.id ?? null }),
  }),
  metrics: t.field({
    type: [MetricDefinitionRef],
    description: 'The headline metrics and how each form makes them.',
    resolve: () => [...METRICS],
  }),
}));
