/** Findings: the broken identities and cross-report checks of a report, and reports by rule. */
import { type FindingRecord, findingsByRule, readingOf } from '@gongkai/core';
import * as z from 'zod/mini';
import { builder } from '../builder.ts';
import { connectionArgs, connectionComplexity, connectionOf, pageArgs } from '../connections.ts';
import { SeverityEnum } from './enums.ts';
import { ReportNode } from './nodes.ts';

const FindingScopeEnum = builder.enumType('FindingScope', {
  values: {
    REPORT: { value: 'report', description: 'Within the report: a table identity, a reading.' },
    VERSION: { value: 'version', description: 'Between versions of the report’s source.' },
    CROSS: { value: 'cross', description: 'Against other reports of the agency.' },
  } as const,
});

const FindingRef = builder.objectRef<FindingRecord>('Finding').implement({
  description: 'A check the report fails: rule, the cells involved, expected against printed.',
  fields: (t) => ({
    rule: t.exposeString('rule'),
    severity: t.field({ type: SeverityEnum, resolve: (f) => f.severity }),
    scope: t.field({ type: FindingScopeEnum, resolve: (f) => f.scope }),
    message: t.exposeString('message'),
    codes: t.stringList({ resolve: (f) => [...(f.codes ?? [])] }),
    expected: t.float({ nullable: true, resolve: (f) => readingOf(f.expected) }),
    printed: t.float({ nullable: true, resolve: (f) => readingOf(f.printed) }),
    report: t.field({ type: ReportNode, resolve: (f) => f.reportId }),
  }),
});

builder.objectFields(ReportNode, (t) => ({
  findings: t.field({
    type: [FindingRef],
    complexity: { field: 2, multiplier: 10 },
    resolve: (r, _args, ctx) => ctx.loaders.findings.load(r),
  }),
}));

builder.queryFields((t) => ({
  findings: t.connection({
    type: FindingRef,
    description: 'Reports failing one rule, newest year first (e.g. cross.lateRelease).',
    args: {
      rule: t.arg.string({ required: true }),
      year: t.arg.int({ required: false }),
    },
    validate: connectionArgs({ rule: z.string().check(z.maxLength(120, 'rule is too long')) }),
    complexity: connectionComplexity,
    resolve: async (_root, args, ctx) =>
      connectionOf(
        await findingsByRule(ctx.store, args.rule, {
          ...pageArgs(args),
          ...(args.year != null ? { year: args.year } : {}),
        }),
        args,
      ),
  }),
}));
