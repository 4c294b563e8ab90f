/**
 * The correction flow over HTTP: submit, moderate, and see the value's current reading and
 * history change; and every way it refuses. People are told apart by the test client header.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getReport, valuesOfReport } from '../../packages/core/src/index.ts';
import { indicator } from '../../packages/extract/src/index.ts';
import { moderatorKey, signModeratorToken } from '../../packages/functions/src/index.ts';
import { startTestApi, TEST_SECRET, type TestApi } from '../support/api.ts';

const LIMIT = 3;
let clock = new Date('2026-03-01T10:00:00.000Z');
let api: TestApi;
let report: { id: string; reportId: string; agencyId: string; year: number };
let target: { code: string; current: number };

const as = (client: string, token?: string) => ({
  'x-test-client': client,
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});

const SUBMIT = `mutation($input: SubmitCorrectionInput!) { submitCorrection(input: $input) {
  __typename
  ... on MutationSubmitCorrectionSuccess { data { id status proposed basis evidence mine contact code } }
  ... on Error { message }
  ... on InvalidInputError { issues { field message } }
  ... on RateLimitedError { retryAfter }
} }`;

const REVIEW = `mutation($input: ReviewCorrectionInput!) { reviewCorrection(input: $input) {
  __typename
  ... on MutationReviewCorrectionSuccess { data { id status reason reviewedAt reviewer } }
  ... on Error { message }
} }`;

interface Submitted {
  __typename: string;
  message?: string;
  retryAfter?: number;
  issues?: { field: string; message: string }[];
  data?: {
    id: string;
    status: string;
    proposed: number | null;
    basis: number | null;
    mine: boolean;
    contact: string | null;
  };
}

async function submit(client: string, input: Record<string, unknown>, token?: string) {
  const r = await api.gql<{ submitCorrection: Submitted }>(
    SUBMIT,
    {
      input: {
        report: report.id,
        code: target.code,
        value: target.current + 1,
        evidence: '原文表格第三行写的是这个数。',
        ...input,
      },
    },
    as(client, token),
  );
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  return r.body.data?.submitCorrection as Submitted;
}

async function review(client: string, token: string | undefined, input: Record<string, unknown>) {
  const r = await api.gql<{
    reviewCorrection: {
      __typename: string;
      message?: string;
      data?: { status: string; reason: string; reviewer: string | null };
    };
  }>(REVIEW, { input }, as(client, token));
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  return r.body.data?.reviewCorrection;
}

async function valueNow() {
  const r = await api.gql<{
    report: {
      value: {
        current: number | null;
        extracted: number | null;
        corrected: boolean;
        history: { kind: string; from: number | null; to: number | null; reason: string | null }[];
      };
    };
  }>(
    'query($id: ID!, $code: String!) { report(id: $id) { value(code: $code) { current extracted corrected history { kind from to reason } } } }',
    { id: report.id, code: target.code },
  );
  return r.body.data?.report.value;
}

beforeAll(async () => {
  api = await startTestApi({
    now: () => clock,
    limits: { submit: { limit: LIMIT, windowSeconds: 3600 } },
  });
  const found = await api.gql<{ agencies: { edges: { node: { agencyId: string } }[] } }>(
    '{ agencies(search: "平潭综合实验区", first: 1) { edges { node { agencyId } } } }',
  );
  const agencyId = found.body.data?.agencies.edges[0]?.node.agencyId as string;
  const stored = await getReport(api.store, agencyId, 2022);
  if (!stored) throw new Error('no report');
  report = {
    id: Buffer.from(`Report:${stored.reportId}`).toString('base64'),
    reportId: stored.reportId,
    agencyId,
    year: 2022,
  };
  // A table figure that feeds a headline metric, so accepting must move the metric too.
  const values = await valuesOfReport(api.store, stored);
  const v = values.find((x) => x.code === 'review.total' && typeof x.current === 'number');
  if (!v) throw new Error('no review.total');
  target = { code: v.code, current: v.current as number };
});

describe('the correction flow', () => {
  it('submit → review → the current reading, history and metric change; the extracted one stays', async () => {
    const before = await valueNow();
    const submitted = await submit('citizen-a', { contact: 'a@example.com' });
    expect(submitted.__typename).toBe('MutationSubmitCorrectionSuccess');
    expect(submitted.data).toMatchObject({
      status: 'PENDING',
      proposed: target.current + 1,
      basis: target.current,
      mine: true,
      contact: null, // the public never sees a contact, not even the submitter's own
    });
    expect(await valueNow()).toEqual(before);

    const token = await api.moderatorToken('mod-1');
    const queue = await api.gql<{
      moderationQueue: {
        edges: {
          node: {
            id: string;
            contact: string | null;
            mine: boolean;
            value: { code: string; label: string; current: number | null } | null;
          };
        }[];
      };
    }>(
      '{ moderationQueue(first: 10) { edges { node { id contact mine value { code label current } } } } }',
      undefined,
      as('moderator-desk', token),
    );
    const queued = queue.body.data?.moderationQueue.edges.find(
      (e) => e.node.id === submitted.data?.id,
    );
    // The value under review comes with the correction: its label and what it reads now.
    expect(queued?.node).toMatchObject({
      contact: 'a@example.com',
      mine: false,
      value: { code: target.code, label: indicator(target.code)?.label, current: target.current },
    });

    clock = new Date(clock.getTime() + 60_000);
    const reviewed = await review('moderator-desk', token, {
      correction: submitted.data?.id,
      decision: 'ACCEPT',
      reason: '核对原文，表格数字有误。',
    });
    expect(reviewed?.__typename).toBe('MutationReviewCorrectionSuccess');
    expect(reviewed?.data).toMatchObject({
      status: 'ACCEPTED',
      reason: '核对原文，表格数字有误。',
      reviewer: 'moderator:mod-1',
    });

    const after = await valueNow();
    expect(after).toMatchObject({
      current: target.current + 1,
      extracted: before?.extracted,
      corrected: true,
    });
    expect(after?.history.at(-1)).toEqual({
      kind: 'CORRECTED',
      from: target.current,
      to: target.current + 1,
      reason: '核对原文，表格数字有误。',
    });
    const metrics = await api.gql<{
      report: { metrics: { metric: string; value: number | null }[] };
    }>('query($id: ID!) { report(id: $id) { metrics { metric value } } }', { id: report.id });
    const reviews = metrics.body.data?.report.metrics.find((m) => m.metric === 'REVIEWS');
    const stored = await getReport(api.store, report.agencyId, report.year);
    expect(reviews?.value).toBe(
      ((stored?.metrics ?? []) as { metric: string; value: number }[]).find(
        (m) => m.metric === 'reviews',
      )?.value,
    );
    // The public sees the outcome but not who moderated.
    const publicView = await api.gql<{
      correction: { status: string; reviewer: string | null; contact: string | null };
    }>(
      'query($id: ID!) { correction(id: $id) { status reviewer contact } }',
      { id: submitted.data?.id },
      as('someone-else'),
    );
    expect(publicView.body.data?.correction).toEqual({
      status: 'ACCEPTED',
      reviewer: null,
      contact: null,
    });
    target.current += 1;
  });

  it('lists a submitter’s own corrections and a report’s corrections', async () => {
    const mine = await api.gql<{ myCorrections: { edges: { node: { mine: boolean } }[] } }>(
      '{ myCorrections(first: 10) { edges { node { mine } } } }',
      undefined,
      as('citizen-a'),
    );
    expect(mine.body.data?.myCorrections.edges.length).toBe(1);
    const none = await api.gql<{ myCorrections: { edges: unknown[] } }>(
      '{ myCorrections(first: 10) { edges { cursor } } }',
      undefined,
      as('nobody'),
    );
    expect(none.body.data?.myCorrections.edges).toEqual([]);
    const ofReport = await api.gql<{ report: { corrections: { edges: unknown[] } } }>(
      'query($id: ID!) { report(id: $id) { corrections(first: 10) { edges { cursor } } } }',
      { id: report.id },
    );
    expect(ofReport.body.data?.report.corrections.edges.length).toBeGreaterThan(0);
    const top = await api.gql<{ corrections: { edges: unknown[] } }>(
      'query($id: ID!) { corrections(report: $id, first: 10) { edges { cursor } } }',
      { id: report.id },
    );
    expect(top.body.data?.corrections.edges).toEqual(ofReport.body.data?.report.corrections.edges);
  });

  it('rejects with a reason and leaves the value alone', async () => {
    const before = await valueNow();
    const submitted = await submit('citizen-b', { blank: true, value: null });
    expect(submitted.data?.proposed).toBeNull();
    const token = await api.moderatorToken('mod-1');
    const reviewed = await review('moderator-desk', token, {
      correction: submitted.data?.id,
      decision: 'REJECT',
      reason: '原文此处有数字。',
    });
    expect(reviewed?.data?.status).toBe('REJECTED');
    expect(await valueNow()).toEqual(before);
    // Reviewed once is final.
    const again = await review('moderator-desk', await api.moderatorToken('mod-2'), {
      correction: submitted.data?.id,
      decision: 'ACCEPT',
      reason: '再看一次。',
    });
    expect(again?.__typename).toBe('ConflictError');
  });
});

describe('who may review', () => {
  let pending: string;
  beforeAll(async () => {
    pending = (await submit('citizen-c', {})).data?.id as string;
  });

  it.each([
    ['no token', undefined, 'Sign in as a moderator'],
    ['a garbage token', 'not-a-token', 'the token is not valid'],
  ])('refuses %s with a typed error', async (_name, token, message) => {
    const reviewed = await review('x', token, {
      correction: pending,
      decision: 'ACCEPT',
      reason: 'ok',
    });
    expect(reviewed?.__typename).toBe('NotAuthenticatedError');
    expect(reviewed?.message).toContain(message);
  });

  it('refuses an expired token and one signed with another secret', async () => {
    const old = await signModeratorToken(
      moderatorKey(TEST_SECRET) as Uint8Array,
      'mod-1',
      new Date(clock.getTime() - 9 * 3600_000),
    );
    expect(
      (await review('x', old, { correction: pending, decision: 'ACCEPT', reason: 'ok' }))?.message,
    ).toContain('expired');
    const forged = await signModeratorToken(
      moderatorKey('x'.repeat(40)) as Uint8Array,
      'mod-1',
      clock,
    );
    expect(
      (await review('x', forged, { correction: pending, decision: 'ACCEPT', reason: 'ok' }))
        ?.__typename,
    ).toBe('NotAuthenticatedError');
  });

  it('keeps the moderation queue from the public', async () => {
    const r = await api.gql(
      '{ moderationQueue(first: 5) { edges { cursor } } }',
      undefined,
      as('x'),
    );
    expect(r.body.data).toBeNull();
    expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses self-review: signed in, or from the address that submitted', async () => {
    const token = await api.moderatorToken('mod-3');
    const own = await submit('mod-3-laptop', {}, token);
    expect(
      (
        await review('elsewhere', token, {
          correction: own.data?.id,
          decision: 'ACCEPT',
          reason: 'ok',
        })
      )?.__typename,
    ).toBe('ForbiddenError');
    const anonymous = await submit('mod-3-phone', {});
    expect(
      (
        await review('mod-3-phone', token, {
          correction: anonymous.data?.id,
          decision: 'ACCEPT',
          reason: 'ok',
        })
      )?.__typename,
    ).toBe('ForbiddenError');
  });

  it('requires a reason', async () => {
    const token = await api.moderatorToken('mod-1');
    const reviewed = await review('desk', token, {
      correction: pending,
      decision: 'REJECT',
      reason: '   ',
    });
    expect(reviewed?.__typename).toBe('InvalidInputError');
  });
});

describe('what a submission must be', () => {
  it.each([
    ['a value and blank together', { value: 5, blank: true }, 'InvalidInputError', 'value'],
    ['neither value nor blank', { value: null }, 'InvalidInputError', 'value'],
    ['a value out of range', { value: 1e13 }, 'InvalidInputError', 'value'],
    ['evidence too short', { evidence: '对' }, 'InvalidInputError', 'evidence'],
    ['evidence too long', { evidence: '证'.repeat(2001) }, 'InvalidInputError', 'evidence'],
    [
      'control characters in evidence',
      { evidence: 'abc\u0000defgh' },
      'InvalidInputError',
      'evidence',
    ],
    ['a contact too long', { contact: 'x'.repeat(201) }, 'InvalidInputError', 'contact'],
    ['an unknown code', { code: 'no.such.code' }, 'NotFoundError', null],
  ])('refuses %s', async (_name, input, type, field) => {
    clock = new Date(clock.getTime() + 3600_000); // a fresh rate window for each case
    const r = await submit('validator', input);
    expect(r.__typename).toBe(type);
    expect(r.message).toBeTruthy();
    if (field) expect(r.issues?.map((i) => i.field)).toContain(field);
  });

  it('refuses an unknown report', async () => {
    clock = new Date(clock.getTime() + 3600_000);
    const r = await submit('validator', {
      report: Buffer.from('Report:350128-zzzzzzzzzz-1990').toString('base64'),
    });
    expect(r.__typename).toBe('NotFoundError');
  });
});

describe('rate limit', () => {
  it(`allows ${LIMIT} submissions per address per window, then says when to retry`, async () => {
    clock = new Date('2026-06-01T10:00:00.000Z');
    for (let i = 0; i < LIMIT; i++) {
      expect((await submit('flooder', {})).__typename).toBe('MutationSubmitCorrectionSuccess');
    }
    clock = new Date('2026-06-01T10:30:00.000Z');
    const limited = await submit('flooder', {});
    expect(limited).toMatchObject({ __typename: 'RateLimitedError', retryAfter: 1800 });
    // Invalid submissions count too, and other addresses are not affected.
    expect((await submit('flooder', { evidence: '' })).__typename).toBe('RateLimitedError');
    expect((await submit('neighbour', {})).__typename).toBe('MutationSubmitCorrectionSuccess');
    clock = new Date('2026-06-01T11:00:00.000Z');
    expect((await submit('flooder', {})).__typename).toBe('MutationSubmitCorrectionSuccess');
  });

  it('has logged no unexpected errors', () => {
    expect(api.logged).toEqual([]);
  });
});
