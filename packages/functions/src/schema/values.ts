/** Values: a report's figures with provenance, the catalog, and one indicator across agencies. */
import { type HistoryEntry, readingOf, toYuan } from '@gongkai/core';
import { INDICATORS, indicator } from '@gongkai/extract';
import * as z from 'zod/mini';
import { builder } from '../builder.ts';
import { connectionArgs, connectionComplexity } from '../connections.ts';
import { rankIndicator } from '../operations/lists.ts';
import { FormEnum } from './enums.ts';
import { IndicatorNode, IndicatorValueNode, ReportNode, type ValueNodeShape } from './nodes.ts';

const SpanRef = builder.objectRef<{ start: number; end: number }>('Span').implement({
  description: 'Offsets into the decoded source text (see Report.text).',
  fields: (t) => ({ start: t.exposeInt('start'), end: t.exposeInt('end') }),
});

interface ContextShape {
  before: string;
  text: string;
  after: string;
}
const SourceContextRef = builder.objectRef<ContextShape>('SourceContext').implement({
  description: 'The span and the text around it: what the reader checks the figure against.',
  fields: (t) => ({
    before: t.exposeString('before'),
    text: t.exposeString('text'),
    after: t.exposeString('after'),
  }),
});

const HistoryKindEnum = builder.enumType('HistoryKind', {
  values: {
    RE_EXTRACTED: { value: 're-extracted', description: 'A newer source printed another figure.' },
    CORRECTED: { value: 'corrected', description: 'A moderator accepted a correction.' },
  } as const,
});

const HistoryEntryRef = builder.objectRef<HistoryEntry>('HistoryEntry').implement({
  fields: (t) => ({
    kind: t.field({
      type: HistoryKindEnum,
      resolve: (h) => h.kind as 're-extracted' | 'corrected',
    }),
    at: t.exposeString('at'),
    version: t.exposeInt('version'),
    from: t.float({ nullable: true, resolve: (h) => h.from }),
    to: t.float({ nullable: true, resolve: (h) => h.to }),
    reason: t.string({ nullable: true, resolve: (h) => h.reason ?? null }),
  }),
});

export const MAX_CONTEXT = 500;

builder.objectFields(IndicatorValueNode, (t) => ({
  indicator: t.field({
    type: IndicatorNode,
    nullable: true,
    resolve: (v) => indicator(v.value.code) ?? null,
  }),
  label: t.string({
    description: 'The catalog label of the code.',
    resolve: (v) => indicator(v.value.code)?.label ?? v.value.code,
  }),
  extracted: t.float({
    nullable: true,
    description: 'The reading the extractor took from the source; never overwritten.',
    resolve: (v) => readingOf(v.value.extracted),
  }),
  current: t.float({
    nullable: true,
    description:
      'The reading now: the extracted one, or an accepted correction. Null is a blank cell.',
    resolve: (v) => readingOf(v.value.current),
  }),
  extractedYuan: t.float({
    nullable: true,
    description: 'For money: the extracted reading in 元.',
    resolve: (v) => toYuan(readingOf(v.value.extracted), v.value.unit),
  }),
  currentYuan: t.float({
    nullable: true,
    description: 'For money: the current reading in 元.',
    resolve: (v) => toYuan(readingOf(v.value.current), v.value.unit),
  }),
  span: t.field({
    type: SpanRef,
    nullable: true,
    resolve: (v) =>
      v.value.spanStart != null && v.value.spanEnd != null
        ? { start: v.value.spanStart, end: v.value.spanEnd }
        : null,
  }),
  context: t.field({
    type: SourceContextRef,
    nullable: true,
    description: 'The source text of the span with up to `radius` characters each side.',
    args: { radius: t.arg.int({ defaultValue: 60 }) },
    validate: z.object({
      radius: z
        .int()
        .check(z.minimum(0), z.maximum(MAX_CONTEXT, `radius is at most ${MAX_CONTEXT}`)),
    }),
    resolve: async (v, args, ctx) => {
      const { spanStart: start, spanEnd: end } = v.value;
      if (start == null || end == null) return null;
      const text = await ctx.loaders.text.load(v.report);
      const radius = args.radius ?? 60;
      return {
        before: text.slice(Math.max(0, start - radius), start),
        text: text.slice(start, end),
        after: text.slice(end, end + radius),
      };
    },
  }),
  history: t.field({
    type: [HistoryEntryRef],
    description: 'Re-extractions and accepted corrections, oldest first.',
    complexity: { field: 1, multiplier: 2 },
    resolve: async (v, _args, ctx) =>
      (await ctx.loaders.histories.load(v.report.reportId)).get(v.value.code) ?? [],
  }),
}));

/** A report has at most a few hundred values: the whole list costs about that much. */
const VALUES_MULTIPLIER = 50;

builder.objectFields(ReportNode, (t) => ({
  values: t.field({
    type: [IndicatorValueNode],
    description: 'The figures of the current version, optionally only some codes.',
    args: { codes: t.arg.stringList({ required: false }) },
    validate: z.object({
      codes: z.optional(z.nullable(z.array(z.string()).check(z.maxLength(300)))),
    }),
    complexity: (args) => ({
      field: 2,
      multiplier: args.codes ? Math.max(1, args.codes.length) : VALUES_MULTIPLIER,
    }),
    resolve: async (r, args, ctx) => {
      const wanted = args.codes ? new Set(args.codes) : null;
      const values = await ctx.loaders.values.load(r);
      return values
        .filter((v) => !wanted || wanted.has(v.code))
        .map((value): ValueNodeShape => ({ value, report: r }));
    },
  }),
  value: t.field({
    type: IndicatorValueNode,
    nullable: true,
    args: { code: t.arg.string({ required: true }) },
    resolve: async (r, args, ctx) => {
      const value = (await ctx.loaders.values.load(r)).find((v) => v.code === args.code);
      return value ? { value, report: r } : null;
    },
  }),
}));

builder.queryFields((t) => ({
  indicators: t.field({
    type: [IndicatorNode],
    description: 'The indicator catalog, optionally of one form.',
    args: { form: t.arg({ type: FormEnum, required: false }) },
    complexity: { field: 1, multiplier: 20 },
    resolve: (_root, args) => INDICATORS.filter((d) => !args.form || d.forms.includes(args.form)),
  }),
  indicatorValues: t.connection({
    type: IndicatorValueNode,
    description:
      'One indicator across agencies for a year, within a region (by region code, then agency): for rankings and maps.',
    args: {
      code: t.arg.string({ required: true }),
      year: t.arg.int({ required: true }),
      region: t.arg.string({ required: false }),
    },
    validate: connectionArgs({ code: z.string().check(z.maxLength(120, 'code is too long')) }),
    complexity: connectionComplexity,
    resolve: (_root, args, ctx) => rankIndicator(ctx, args),
  }),
}));
