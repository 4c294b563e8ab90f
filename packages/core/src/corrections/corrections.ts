/**
 * Corrections: anyone proposes a reading for a value; a moderator accepts or rejects it. Accepting
 * changes the value's current reading and appends to its history in one transaction, conditioned
 * on the correction still pending and the value unchanged, so of two concurrent accepts one wins.
 */
import { randomUUID } from 'node:crypto';
import { isConditionFailure } from '../db/conditions.ts';
import { changeBucket } from '../db/entities/common.ts';
import type { Store } from '../db/store.ts';
import {
  type ReviewDecision,
  reviewTransition,
  validateSubmission,
} from '../domain/correction-state.ts';
import { reportMetrics } from '../domain/metrics.ts';
import { CoreError, notFound } from '../errors.ts';
import { keysetPage } from '../queries/keyset.ts';
import type { Page, PageArgs } from '../queries/page.ts';
import { getReportById } from '../queries/reports.ts';
import { valuesOfReport } from '../queries/values.ts';

export interface SubmitInput {
  reportId: string;
  code: string;
  value: unknown;
  evidence: unknown;
  contact?: unknown;
  /** Who submits: a stable client identifier from the API (never shown to other users). */
  submitter: string;
}

export async function submitCorrection(
  store: Store,
  input: SubmitInput,
  now: string,
  id: string = randomUUID(),
) {
  const checked = validateSubmission({
    value: input.value,
    evidence: input.evidence,
    contact: input.contact,
  });
  if (!checked.ok) {
    throw new CoreError(
      'invalid-input',
      checked.errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      checked.errors,
    );
  }
  const report = await getReportById(store, input.reportId);
  if (!report) throw notFound(`report ${input.reportId.slice(0, 80)}`);
  const value = (
    await store.db.entities.value
      .get({ reportId: report.reportId, version: report.currentVersion, code: input.code })
      .go()
  ).data;
  if (!value) throw notFound(`value ${input.code.slice(0, 80)} of report ${report.reportId}`);
  const out = await store.db.entities.correction
    .create({
      correctionId: id,
      reportId: report.reportId,
      version: report.currentVersion,
      code: value.code,
      proposed: checked.value,
      basis: value.current ?? null,
      evidence: checked.evidence,
      ...(checked.contact ? { contact: checked.contact } : {}),
      submitter: input.submitter,
      status: 'pending',
      createdAt: now,
    })
    .go();
  return out.data;
}

export interface ReviewRequest {
  correctionId: string;
  decision: ReviewDecision;
  reviewer: string;
  /** Other identities of the reviewer: none of them may have submitted the correction. */
  reviewerAliases?: readonly string[];
  reason: string;
}

export async function getCorrection(store: Store, correctionId: string) {
  return (await store.db.entities.correction.get({ correctionId }).go()).data;
}
export type CorrectionRecord = NonNullable<Awaited<ReturnType<typeof getCorrection>>>;

export async function reviewCorrection(
  store: Store,
  input: ReviewRequest,
  now: string,
): Promise<CorrectionRecord> {
  const { db } = store;
  const correction = await getCorrection(store, input.correctionId);
  if (!correction) throw notFound(`correction ${input.correctionId.slice(0, 80)}`);
  const report = await getReportById(store, correction.reportId);
  if (!report) throw notFound(`report ${correction.reportId}`);
  const valueKey = {
    reportId: report.reportId,
    version: report.currentVersion,
    code: correction.code,
  };
  // All values, not just this one: accepting recomputes the report's metrics from them.
  const values = await valuesOfReport(store, report);
  const value = values.find((v) => v.code === correction.code) ?? null;

  const step = reviewTransition(
    { status: correction.status, submitter: correction.submitter, basis: correction.basis ?? null },
    {
      decision: input.decision,
      reviewer: input.reviewer,
      ...(input.reviewerAliases ? { reviewerAliases: input.reviewerAliases } : {}),
      reason: input.reason,
      currentValue: value ? (value.current ?? null) : Number.NaN,
      now,
    },
  );
  if (!step.ok) {
    const code =
      step.error === 'self-review'
        ? 'forbidden'
        : step.error === 'reason-required'
          ? 'invalid-input'
          : 'conflict';
    throw new CoreError(code, step.message);
  }
  const review = {
    status: step.status,
    reviewer: input.reviewer,
    reason: input.reason.trim(),
    reviewedAt: step.reviewedAt,
  };
  const conflict = () =>
    new CoreError(
      'conflict',
      'the correction was reviewed or the value changed meanwhile; reload and review again',
    );

  if (step.status === 'rejected' || !value) {
    await db.entities.correction
      .patch({ correctionId: correction.correctionId })
      .set(review)
      .where((attr, op) => op.eq(attr.status, 'pending'))
      .go()
      .catch((error: unknown) => {
        throw isConditionFailure(error) ? conflict() : error;
      });
    return { ...correction, ...review };
  }
  // The report's stored metrics follow the corrected reading; the report's revision guards them
  // against a concurrent accept of another value of the same report.
  const metrics = reportMetrics(
    report.form,
    values.map((v) => (v.code === correction.code ? { ...v, current: correction.proposed } : v)),
  );
  const result = await db.transaction
    .write(({ correction: corrections, value: values, history, report: reports }) => [
      corrections
        .patch({ correctionId: correction.correctionId })
        .set(review)
        .where((attr, op) => op.eq(attr.status, 'pending'))
        .commit(),
      values
        .patch(valueKey)
        .set({
          current: correction.proposed ?? null,
          correctedBy: correction.correctionId,
          updatedAt: now,
        })
        .add({ revision: 1 })
        .where((attr, op) => op.eq(attr.revision, value.revision))
        .commit(),
      history
        .create({
          reportId: report.reportId,
          code: correction.code,
          at: now,
          entryId: correction.correctionId,
          kind: 'corrected',
          version: report.currentVersion,
          from: value.current ?? null,
          to: correction.proposed ?? null,
          correctionId: correction.correctionId,
          actor: input.reviewer,
          reason: review.reason,
        })
        .commit(),
      reports
        .patch({ agencyId: report.agencyId, year: report.year })
        .set({
          reportId: report.reportId,
          updatedAt: now,
          changeBucket: changeBucket(now),
          metrics,
        })
        .add({ revision: 1 })
        .where((attr, op) => op.eq(attr.revision, report.revision))
        .commit(),
    ])
    .go()
    .catch((error: unknown) => {
      if (isConditionFailure(error)) return { canceled: true } as const;
      throw error;
    });
  if (result.canceled) throw conflict();
  return { ...correction, ...review };
}

export async function correctionsOfReport(
  store: Store,
  reportId: string,
  page: PageArgs = {},
): Promise<Page<CorrectionRecord>> {
  return keysetPage(
    {
      entity: store.db.entities.correction,
      accessPattern: 'byReport',
      query: store.db.entities.correction.query.byReport({ reportId }),
      order: 'desc',
    },
    page,
  );
}

/** The moderation queue: pending corrections, oldest first. */
export async function moderationQueue(
  store: Store,
  page: PageArgs = {},
): Promise<Page<CorrectionRecord>> {
  return keysetPage(
    {
      entity: store.db.entities.correction,
      accessPattern: 'byStatus',
      query: store.db.entities.correction.query.byStatus({ status: 'pending' }),
      order: 'asc',
    },
    page,
  );
}

export async function correctionsBySubmitter(
  store: Store,
  submitter: string,
  page: PageArgs = {},
): Promise<Page<CorrectionRecord>> {
  return keysetPage(
    {
      entity: store.db.entities.correction,
      accessPattern: 'bySubmitter',
      query: store.db.entities.correction.query.bySubmitter({ submitter }),
      order: 'desc',
    },
    page,
  );
}
