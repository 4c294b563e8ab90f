/** Comparison of reports side by side, and the change feed for incremental sync. */
import {
  type Change,
  type CompareCell,
  type CompareRow,
  type Comparison,
  changesSince,
  compareReportsById,
  MAX_COMPARED,
} from '@gongkai/core';
import * as z from 'zod/mini';
import { builder } from '../builder.ts';
import { InvalidInputError, NotFoundError, typed } from '../errors.ts';
import { AgencyNode, ReportNode } from './nodes.ts';

const CellStatusEnum = builder.enumType('CellStatus', {
  values: {
    VALUE: { value: 'value', description: 'A printed number.' },
    BLANK: { value: 'blank', description: 'The cell is printed empty.' },
    NOT_REPORTED: {
      value: 'notReported',
      description: 'The form has the figure; the report does not give it.',
    },
    NOT_APPLICABLE: {
      value: 'notApplicable',
      description: "The report's form has no such figure.",
    },
  } as const,
});

const NotComparableReasonEnum = builder.enumType('NotComparableReason', {
  values: {
    NOT_IN_FORM: {
      value: 'not-in-form',
      description: 'A report’s form does not define the figure.',
    },
    UNITS_DIFFER: { value: 'units-differ', description: 'The reports count in different units.' },
  } as const,
});

const RowKindEnum = builder.enumType('CompareRowKind', {
  values: {
    METRIC: { value: 'metric', description: 'A headline metric: comparable across forms.' },
    INDICATOR: { value: 'indicator', description: 'One indicator code.' },
  } as const,
});

const CompareCellRef = builder.objectRef<CompareCell>('CompareCell').implement({
  fields: (t) => ({
    report: t.field({ type: ReportNode, resolve: (c) => c.reportId }),
    value: t.float({ nullable: true, resolve: (c) => c.value }),
    unit: t.string({ nullable: true, resolve: (c) => c.unit }),
    yuan: t.float({ nullable: true, description: 'Money in 元.', resolve: (c) => c.yuan }),
    status: t.field({ type: CellStatusEnum, resolve: (c) => c.status }),
  }),
});

const CompareRowRef = builder.objectRef<CompareRow>('CompareRow').implement({
  description: 'One figure across the compared reports, aligned.',
  fields: (t) => ({
    kind: t.field({ type: RowKindEnum, resolve: (r) => r.kind }),
    key: t.exposeString('key', { description: 'The metric id or indicator code.' }),
    label: t.exposeString('label'),
    unit: t.exposeString('unit'),
    cells: t.field({
      type: [CompareCellRef],
      // One cell per compared report, at most MAX_COMPARED.
      complexity: { field: 1, multiplier: MAX_COMPARED },
      resolve: (r) => r.cells,
    }),
    deltas: t.field({
      type: ['Float'],
      nullable: { list: false, items: true },
      description: 'Each report minus the first (money in 元); null where not computable.',
      resolve: (r) => r.deltas,
    }),
    comparable: t.exposeBoolean('comparable'),
    reason: t.field({
      type: NotComparableReasonEnum,
      nullable: true,
      resolve: (r) => r.reason,
    }),
  }),
});

const ComparisonRef = builder.objectRef<Comparison>('Comparison').implement({
  fields: (t) => ({
    reports: t.field({ type: [ReportNode], resolve: (c) => c.reports }),
    rows: t.field({
      type: [CompareRowRef],
      complexity: { field: 1, multiplier: 50 },
      resolve: (c) => c.rows,
    }),
  }),
});

interface FeedShape {
  changes: Change[];
  next: string | null;
}

const ChangeKindEnum = builder.enumType('ChangeKind', {
  values: { AGENCY: { value: 'agency' }, REPORT: { value: 'report' } } as const,
});

const ChangeRef = builder.objectRef<Change>('Change').implement({
  fields: (t) => ({
    kind: t.field({ type: ChangeKindEnum, resolve: (c) => c.kind }),
    updatedAt: t.exposeString('updatedAt'),
    agency: t.field({
      type: AgencyNode,
      nullable: true,
      resolve: (c) => (c.kind === 'agency' ? c.id : null),
    }),
    report: t.field({
      type: ReportNode,
      nullable: true,
      resolve: (c) => (c.kind === 'report' ? c.id : null),
    }),
  }),
});

const ChangeFeedRef = builder.objectRef<FeedShape>('ChangeFeed').implement({
  description: 'Agencies and reports changed since a time, oldest first.',
  fields: (t) => ({
    changes: t.field({ type: [ChangeRef], resolve: (f) => f.changes }),
    next: t.string({
      nullable: true,
      description: 'Pass as `since` for the next page; null when caught up.',
      resolve: (f) => f.next,
    }),
  }),
});

builder.queryFields((t) => ({
  compare: t.field({
    type: ComparisonRef,
    description: `Two to ${MAX_COMPARED} reports side by side: headline metrics first, then every indicator, each row with deltas against the first report and whether it is comparable.`,
    args: { reports: t.arg.globalIDList({ required: true, for: ReportNode }) },
    errors: { types: [NotFoundError, InvalidInputError] },
    complexity: { field: 10, multiplier: 1 },
    resolve: (_root, args, ctx) =>
      typed(() =>
        compareReportsById(
          ctx.store,
          args.reports.map((r) => r.id),
        ),
      ),
  }),
  updatedSince: t.field({
    type: ChangeFeedRef,
    description:
      'What changed after a time (ISO 8601) or after a previous page’s `next`: for incremental sync.',
    args: {
      since: t.arg.string({ required: true }),
      first: t.arg.int({ defaultValue: 100 }),
    },
    validate: z.object({
      since: z.string().check(z.maxLength(300, 'since is too long')),
      first: z.int().check(z.minimum(1), z.maximum(100, 'ask for at most 100 changes')),
    }),
    complexity: (args) => ({ field: 2, multiplier: args.first ?? 100 }),
    resolve: (_root, args, ctx) =>
      changesSince(ctx.store, args.since, ctx.now().toISOString(), args.first ?? 100),
  }),
}));
