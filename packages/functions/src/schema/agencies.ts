/** Agencies: lookup, region listing, name and pinyin search, and an agency's reports and trends. */
import { getReport, metricSeries, reportsOfAgency, type SeriesPoint } from '@gongkai/core';
import * as z from 'zod/mini';
import { builder } from '../builder.ts';
import {
  connectionArgs,
  connectionArgsSchema,
  connectionComplexity,
  connectionOf,
  pageArgs,
} from '../connections.ts';
import { findAgencies } from '../operations/lists.ts';
import { AgencyLevelEnum, FormEnum, MetricIdEnum } from './enums.ts';
import { AgencyNode, ReportNode } from './nodes.ts';

const SeriesPointRef = builder.objectRef<SeriesPoint>('SeriesPoint').implement({
  description: 'One year of a metric; null value with comparable=false where the form lacks it.',
  fields: (t) => ({
    year: t.exposeInt('year'),
    report: t.field({ type: ReportNode, resolve: (p) => p.reportId }),
    form: t.field({ type: FormEnum, resolve: (p) => p.form }),
    value: t.float({ nullable: true, resolve: (p) => p.value }),
    comparable: t.exposeBoolean('comparable'),
  }),
});

builder.objectFields(AgencyNode, (t) => ({
  reports: t.connection({
    type: ReportNode,
    description: 'Reports of this agency, newest year first.',
    args: { form: t.arg({ type: FormEnum, required: false }) },
    validate: connectionArgsSchema,
    complexity: connectionComplexity,
    resolve: async (agency, args, ctx) =>
      connectionOf(
        await reportsOfAgency(ctx.store, agency.agencyId, {
          ...pageArgs(args),
          ...(args.form ? { form: args.form } : {}),
        }),
        args,
      ),
  }),
  report: t.field({
    type: ReportNode,
    nullable: true,
    description: 'The report of one year.',
    args: { year: t.arg.int({ required: true }) },
    resolve: (agency, args, ctx) => getReport(ctx.store, agency.agencyId, args.year),
  }),
  series: t.field({
    type: [SeriesPointRef],
    description: 'A headline metric year by year, oldest first.',
    args: { metric: t.arg({ type: MetricIdEnum, required: true }) },
    complexity: { field: 2, multiplier: 5 },
    resolve: (agency, args, ctx) => metricSeries(ctx.store, agency.agencyId, args.metric),
  }),
}));

builder.queryFields((t) => ({
  series: t.field({
    type: [SeriesPointRef],
    description: 'A headline metric of an agency year by year, oldest first (as Agency.series).',
    args: {
      agency: t.arg.globalID({ required: true, for: AgencyNode }),
      metric: t.arg({ type: MetricIdEnum, required: true }),
    },
    complexity: { field: 2, multiplier: 5 },
    resolve: (_root, args, ctx) => metricSeries(ctx.store, args.agency.id, args.metric),
  }),
  agency: t.field({
    type: AgencyNode,
    nullable: true,
    args: { id: t.arg.globalID({ required: true, for: AgencyNode }) },
    resolve: (_root, args) => args.id.id,
  }),
  agencies: t.connection({
    type: AgencyNode,
    description:
      'Agencies by name (Chinese substring, full pinyin or initials; best match first), within a region and level. Without search, the agencies of a region.',
    args: {
      search: t.arg.string({ required: false }),
      region: t.arg.string({
        required: false,
        description: 'GB/T 2260 code: 2, 4 or 6 digits (e.g. 44, 4401, 440106).',
      }),
      level: t.arg({ type: AgencyLevelEnum, required: false }),
    },
    validate: connectionArgs({
      search: z.optional(
        z.nullable(z.string().check(z.maxLength(64, 'search is at most 64 characters'))),
      ),
    }),
    complexity: connectionComplexity,
    resolve: (_root, args, ctx) => findAgencies(ctx, args),
  }),
}));
