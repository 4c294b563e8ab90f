/** Corrections: submit (anyone), review (moderators), and the lists each needs. */
import {
  correctionsBySubmitter,
  correctionsOfReport,
  MAX_CONTACT,
  MAX_EVIDENCE,
  MAX_REASON,
  moderationQueue,
} from '@gongkai/core';
import * as z from 'zod/mini';
import { builder } from '../builder.ts';
import { connectionArgs, connectionComplexity, connectionOf, pageArgs } from '../connections.ts';
import { submitterOf } from '../context.ts';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotAuthenticatedError,
  NotFoundError,
  RateLimitedError,
} from '../errors.ts';
import { reviewAs, submitAs } from '../operations/corrections.ts';
import { ReviewDecisionEnum } from './enums.ts';
import { CorrectionNode, ReportNode } from './nodes.ts';

// Far above what the core accepts, so the core gives the precise message; this only stops
// megabytes from reaching it.
const LIMIT_SLACK = 4;

const SubmitCorrectionInput = builder.inputType('SubmitCorrectionInput', {
  fields: (t) => ({
    report: t.globalID({ required: true, for: ReportNode }),
    code: t.string({ required: true, description: 'The indicator code of the value.' }),
    value: t.float({
      required: false,
      description: 'The reading the source prints. Leave out (or null) with blank: true.',
    }),
    blank: t.boolean({
      required: false,
      defaultValue: false,
      description: 'The source prints the cell empty.',
    }),
    evidence: t.string({
      required: true,
      description: `Where the right figure is printed (quote or page), ${MAX_EVIDENCE} characters at most.`,
    }),
    contact: t.string({
      required: false,
      description: 'Optional; seen only by moderators.',
    }),
  }),
  validate: z.object({
    report: z.any(),
    code: z.string().check(z.maxLength(120, 'code is too long')),
    value: z.optional(z.nullable(z.number())),
    blank: z.optional(z.nullable(z.boolean())),
    evidence: z.string().check(z.maxLength(MAX_EVIDENCE * LIMIT_SLACK, 'evidence is too long')),
    contact: z.optional(
      z.nullable(z.string().check(z.maxLength(MAX_CONTACT * LIMIT_SLACK, 'contact is too long'))),
    ),
  }),
});

const ReviewCorrectionInput = builder.inputType('ReviewCorrectionInput', {
  fields: (t) => ({
    correction: t.globalID({ required: true, for: CorrectionNode }),
    decision: t.field({ type: ReviewDecisionEnum, required: true }),
    reason: t.string({
      required: true,
      description: `Shown to everyone; ${MAX_REASON} characters at most.`,
    }),
  }),
});

builder.objectFields(ReportNode, (t) => ({
  corrections: t.connection({
    type: CorrectionNode,
    description: 'Corrections proposed for this report, newest first.',
    validate: connectionArgs(),
    complexity: connectionComplexity,
    resolve: async (r, args, ctx) =>
      connectionOf(await correctionsOfReport(ctx.store, r.reportId, pageArgs(args)), args),
  }),
}));

builder.queryFields((t) => ({
  correction: t.field({
    type: CorrectionNode,
    nullable: true,
    args: { id: t.arg.globalID({ required: true, for: CorrectionNode }) },
    resolve: (_root, args) => args.id.id,
  }),
  corrections: t.connection({
    type: CorrectionNode,
    description: 'Corrections proposed for a report, newest first (as Report.corrections).',
    args: { report: t.arg.globalID({ required: true, for: ReportNode }) },
    validate: connectionArgs(),
    complexity: connectionComplexity,
    resolve: async (_root, args, ctx) =>
      connectionOf(await correctionsOfReport(ctx.store, args.report.id, pageArgs(args)), args),
  }),
  myCorrections: t.connection({
    type: CorrectionNode,
    description: 'Corrections submitted by the caller, newest first.',
    validate: connectionArgs(),
    complexity: connectionComplexity,
    resolve: async (_root, args, ctx) =>
      connectionOf(await correctionsBySubmitter(ctx.store, submitterOf(ctx), pageArgs(args)), args),
  }),
  moderationQueue: t.connection({
    type: CorrectionNode,
    description: 'Pending corrections, oldest first. Moderators only.',
    authScopes: { moderator: true },
    validate: connectionArgs(),
    complexity: connectionComplexity,
    resolve: async (_root, args, ctx) =>
      connectionOf(await moderationQueue(ctx.store, pageArgs(args)), args),
  }),
}));

builder.mutationFields((t) => ({
  submitCorrection: t.field({
    type: CorrectionNode,
    description:
      'Propose a reading for one value. Anyone may; a moderator reviews it. Limited per address.',
    args: { input: t.arg({ type: SubmitCorrectionInput, required: true }) },
    errors: { types: [InvalidInputError, NotFoundError, RateLimitedError] },
    resolve: (_root, { input }, ctx) =>
      submitAs(ctx, {
        reportId: input.report.id,
        code: input.code,
        value: input.value ?? null,
        blank: input.blank ?? false,
        evidence: input.evidence,
        contact: input.contact ?? null,
      }),
  }),
  reviewCorrection: t.field({
    type: CorrectionNode,
    description:
      'Accept or reject a pending correction, with a reason. Moderators only; never your own.',
    args: { input: t.arg({ type: ReviewCorrectionInput, required: true }) },
    authScopes: { moderator: true },
    errors: {
      types: [
        NotAuthenticatedError,
        ForbiddenError,
        NotFoundError,
        ConflictError,
        InvalidInputError,
      ],
    },
    resolve: (_root, { input }, ctx) =>
      reviewAs(ctx, {
        correctionId: input.correction.id,
        decision: input.decision,
        reason: input.reason,
      }),
  }),
}));
