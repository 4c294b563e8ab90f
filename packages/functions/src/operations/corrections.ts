/**
 * The correction mutations as the API runs them: who the caller is, the write rate limit, and
 * core failures as typed errors. The rules themselves live in the core.
 */
import {
  MAX_REASON,
  type ReviewDecision,
  reviewCorrection,
  submitCorrection,
  takeRateToken,
} from '@gongkai/core';
import { type ApiContext, submitterOf } from '../context.ts';
import { InvalidInputError, NotAuthenticatedError, RateLimitedError, typed } from '../errors.ts';

export interface SubmitArgs {
  reportId: string;
  code: string;
  value: number | null;
  /** The source prints the cell empty: the proposed reading is null. */
  blank: boolean;
  evidence: string;
  contact: string | null;
}

export async function submitAs(ctx: ApiContext, args: SubmitArgs) {
  const submitter = submitterOf(ctx);
  if (args.blank === (args.value !== null)) {
    throw new InvalidInputError(
      args.blank ? 'give a value or blank: true, not both' : 'give a value, or blank: true',
      [
        {
          field: 'value',
          message: args.blank ? 'A blank cell has no value.' : 'The value is required.',
        },
      ],
    );
  }
  // Counted before validation: malformed floods spend the same budget as well-formed ones.
  const rate = await takeRateToken(
    ctx.store,
    { action: 'submitCorrection', client: submitter, policy: ctx.limits.submit },
    ctx.now().getTime(),
  );
  if (!rate.allowed) throw new RateLimitedError(rate.retryAfter);
  return typed(() =>
    submitCorrection(
      ctx.store,
      {
        reportId: args.reportId,
        code: args.code,
        value: args.value,
        evidence: args.evidence,
        ...(args.contact != null ? { contact: args.contact } : {}),
        submitter,
      },
      ctx.now().toISOString(),
    ),
  );
}

export interface ReviewArgs {
  correctionId: string;
  decision: ReviewDecision;
  reason: string;
}

export async function reviewAs(ctx: ApiContext, args: ReviewArgs) {
  if (!ctx.moderator) throw new NotAuthenticatedError('Sign in as a moderator.');
  return typed(() =>
    reviewCorrection(
      ctx.store,
      {
        correctionId: args.correctionId,
        decision: args.decision,
        reviewer: submitterOf(ctx),
        // Signed in or not, a moderator's own address may not have submitted it.
        reviewerAliases: [`client:${ctx.client}`],
        reason: args.reason.slice(0, MAX_REASON + 1),
      },
      ctx.now().toISOString(),
    ),
  );
}
