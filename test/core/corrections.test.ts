import { beforeAll, describe, expect, it } from 'vitest';
import {
  correctionsBySubmitter,
  correctionsOfReport,
  getCorrection,
  moderationQueue,
  reviewCorrection,
  submitCorrection,
} from '../../packages/core/src/corrections/corrections.ts';
import { CoreError } from '../../packages/core/src/errors.ts';
import { ingestSource } from '../../packages/core/src/ingest/ingest-source.ts';
import { getReportById } from '../../packages/core/src/queries/reports.ts';
import { valueHistory, valuesOfReport } from '../../packages/core/src/queries/values.ts';
import { freshStore, type TestStore } from '../support/store.ts';
import { bytesOf, corpusText } from './corpus.ts';

const CODE = 'requests.new:total';
const at = (n: number) => `2026-03-0${n}T10:00:00.000Z`;

describe('the correction workflow', () => {
  let store: TestStore;
  let reportId = '';

  beforeAll(async () => {
    store = await freshStore();
    const outcome = await ingestSource(store, {
      bytes: bytesOf(corpusText('js-hongze-district-2023.txt')),
    });
    if (outcome.status === 'failed') throw new Error(outcome.reason);
    reportId = outcome.reportId;
  });

  const current = async (code = CODE) => {
    const report = await getReportById(store, reportId);
    return (await valuesOfReport(store, report as never)).find((v) => v.code === code);
  };
  const submit = (value: unknown, submitter: string, when: string, code = CODE) =>
    submitCorrection(
      store,
      { reportId, code, value, evidence: 'The published PDF prints another figure.', submitter },
      when,
    );
  const rejection = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => (e instanceof CoreError ? e.code : `unexpected: ${String(e)}`),
    );

  it('accepting changes the current reading and appends to the history, keeping the extracted one', async () => {
    const before = await current();
    const c = await submit(42, 'visitor-1', at(1));
    expect(c).toMatchObject({ status: 'pending', basis: before?.current, proposed: 42 });
    expect((await moderationQueue(store)).items.map((x) => x.correctionId)).toContain(
      c.correctionId,
    );

    const reviewed = await reviewCorrection(
      store,
      {
        correctionId: c.correctionId,
        decision: 'accept',
        reviewer: 'mod-1',
        reason: 'checked the PDF',
      },
      at(2),
    );
    expect(reviewed).toMatchObject({ status: 'accepted', reviewer: 'mod-1', reviewedAt: at(2) });
    expect(await current()).toMatchObject({
      extracted: before?.extracted,
      current: 42,
      revision: 1,
      correctedBy: c.correctionId,
    });
    expect(await valueHistory(store, reportId, CODE)).toEqual([
      expect.objectContaining({
        kind: 'corrected',
        from: before?.current,
        to: 42,
        actor: 'mod-1',
        correctionId: c.correctionId,
      }),
    ]);
    expect((await moderationQueue(store)).items.map((x) => x.correctionId)).not.toContain(
      c.correctionId,
    );
    expect(
      await rejection(
        reviewCorrection(
          store,
          { correctionId: c.correctionId, decision: 'reject', reviewer: 'mod-2', reason: 'again' },
          at(3),
        ),
      ),
    ).toBe('conflict');
  });

  it('rejecting leaves the value alone; the queue is oldest first', async () => {
    const first = await submit(1, 'visitor-2', at(4), 'requests.granted:total');
    const second = await submit(2, 'visitor-3', at(5), 'requests.granted:total');
    const queue = (await moderationQueue(store)).items.map((x) => x.correctionId);
    expect(queue.indexOf(first.correctionId)).toBeLessThan(queue.indexOf(second.correctionId));
    const before = await current('requests.granted:total');
    await reviewCorrection(
      store,
      {
        correctionId: first.correctionId,
        decision: 'reject',
        reviewer: 'mod-1',
        reason: 'the PDF agrees with us',
      },
      at(6),
    );
    expect(await current('requests.granted:total')).toMatchObject({
      current: before?.current,
      revision: 0,
    });
    expect(await getCorrection(store, first.correctionId)).toMatchObject({
      status: 'rejected',
      reason: 'the PDF agrees with us',
    });
  });

  it('refuses self-review, a missing reason, bad input and unknown targets', async () => {
    const c = await submit(5, 'mod-1', at(7), 'requests.partlyGranted:total');
    expect(
      await rejection(
        reviewCorrection(
          store,
          { correctionId: c.correctionId, decision: 'accept', reviewer: 'mod-1', reason: 'mine' },
          at(8),
        ),
      ),
    ).toBe('forbidden');
    expect(
      await rejection(
        reviewCorrection(
          store,
          { correctionId: c.correctionId, decision: 'accept', reviewer: 'mod-2', reason: '  ' },
          at(8),
        ),
      ),
    ).toBe('invalid-input');
    expect(await rejection(submit(Number.NaN, 'v', at(8)))).toBe('invalid-input');
    expect(
      await rejection(
        submitCorrection(
          store,
          { reportId, code: CODE, value: 1, evidence: 'x', submitter: 'v' },
          at(8),
        ),
      ),
    ).toBe('invalid-input');
    expect(await rejection(submit(1, 'v', at(8), 'no.such.code'))).toBe('not-found');
    expect(
      await rejection(
        submitCorrection(
          store,
          {
            reportId: '000000-aaaaaaaaaa-1999',
            code: CODE,
            value: 1,
            evidence: 'enough text',
            submitter: 'v',
          },
          at(8),
        ),
      ),
    ).toBe('not-found');
    expect(
      await rejection(
        reviewCorrection(
          store,
          { correctionId: 'nope', decision: 'accept', reviewer: 'm', reason: 'r' },
          at(8),
        ),
      ),
    ).toBe('not-found');
  });

  it('of two concurrent accepts of the same value exactly one wins', async () => {
    const code = 'requests.denied.stateSecret:total';
    const a = await submit(7, 'visitor-4', at(9), code);
    const b = await submit(8, 'visitor-5', at(9), code);
    const results = await Promise.allSettled([
      reviewCorrection(
        store,
        { correctionId: a.correctionId, decision: 'accept', reviewer: 'mod-1', reason: 'ok' },
        at(9),
      ),
      reviewCorrection(
        store,
        { correctionId: b.correctionId, decision: 'accept', reviewer: 'mod-2', reason: 'ok' },
        at(9),
      ),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((loser.reason as CoreError).code).toBe('conflict');
    const value = await current(code);
    expect([7, 8]).toContain(value?.current);
    expect(value?.revision).toBe(1);
    expect((await valueHistory(store, reportId, code)).length).toBe(1);
  });

  it('of two moderators accepting the same correction at once exactly one wins', async () => {
    const code = 'requests.denied.security:total';
    const c = await submit(3, 'visitor-6', at(9), code);
    const results = await Promise.allSettled(
      ['mod-1', 'mod-2', 'mod-3'].map((reviewer) =>
        reviewCorrection(
          store,
          { correctionId: c.correctionId, decision: 'accept', reviewer, reason: 'ok' },
          at(9),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await valueHistory(store, reportId, code)).length).toBe(1);
  });

  it('lists corrections of a report and of a submitter', async () => {
    const ofReport = await correctionsOfReport(store, reportId, { limit: 100 });
    expect(ofReport.items.length).toBeGreaterThanOrEqual(6);
    expect(ofReport.items.every((c) => c.reportId === reportId)).toBe(true);
    const mine = await correctionsBySubmitter(store, 'visitor-1');
    expect(mine.items).toHaveLength(1);
  });
});
