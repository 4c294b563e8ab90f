import { describe, expect, it } from 'vitest';
import {
  checkReason,
  mergeQueue,
  type ReviewResultLike,
  reviewOutcome,
  tokenProblem,
} from './moderation-review.ts';

describe('checkReason', () => {
  it.each<[string, string | null]>([
    ['', '请填写审核理由：它会公开显示在更正页上。'],
    ['   \n', '请填写审核理由：它会公开显示在更正页上。'],
    ['原文第三页确为 12', null],
    ['理'.repeat(1000), null],
    ['理'.repeat(1001), '审核理由最多 1000 个字。'],
  ])('%j', (reason, problem) => {
    expect(checkReason(reason)).toBe(problem);
  });
});

describe('tokenProblem', () => {
  const err = (message: string, code?: string) => ({
    graphQLErrors: [{ message, extensions: code ? { code } : {} }],
  });
  it.each<[string, Parameters<typeof tokenProblem>[0], string | null]>([
    ['no error', null, null],
    [
      'missing token',
      err('Sign in as a moderator: send Authorization: Bearer <token>.', 'UNAUTHENTICATED'),
      'invalid',
    ],
    [
      'invalid token',
      err('Sign in as a moderator: the token is not valid.', 'UNAUTHENTICATED'),
      'invalid',
    ],
    [
      'expired token',
      err('Sign in as a moderator: the token has expired.', 'UNAUTHENTICATED'),
      'invalid',
    ],
    [
      'not configured',
      err(
        'Sign in as a moderator: moderation is not configured on this server.',
        'UNAUTHENTICATED',
      ),
      'unconfigured',
    ],
    ['another error', err('Unexpected error (reference x).', 'INTERNAL_SERVER_ERROR'), null],
    ['network error', { graphQLErrors: [] }, null],
  ])('%s', (_name, error, problem) => {
    expect(tokenProblem(error)).toBe(problem);
  });
});

describe('reviewOutcome', () => {
  it.each<[ReviewResultLike, string, string]>([
    [
      { __typename: 'MutationReviewCorrectionSuccess', data: { status: 'ACCEPTED' } },
      'reviewed',
      '已采纳，报告已更新。',
    ],
    [
      { __typename: 'MutationReviewCorrectionSuccess', data: { status: 'REJECTED' } },
      'reviewed',
      '已驳回，报告未改动。',
    ],
    [
      { __typename: 'ForbiddenError', message: 'A correction must be reviewed by someone else.' },
      'forbidden',
      '不能审核自己提交的更正（包括从本机地址提交的）：请交由其他审核员处理。',
    ],
    [
      { __typename: 'ConflictError', message: 'The correction is already accepted.' },
      'stale',
      '这条更正已被审核，或该数值在提交后已改变（此时只能驳回）。已重新载入待审核列表。',
    ],
    [
      { __typename: 'NotFoundError', message: 'correction x was not found' },
      'stale',
      '找不到这条更正，已重新载入待审核列表。',
    ],
    [
      { __typename: 'NotAuthenticatedError', message: 'Sign in as a moderator.' },
      'signedOut',
      '登录已失效，请重新输入审核令牌。',
    ],
    [
      { __typename: 'InvalidInputError', message: 'A reason is required.' },
      'invalid',
      '请填写审核理由：它会公开显示在更正页上。',
    ],
    [
      { __typename: 'InvalidInputError', message: 'The reason is longer than 1000 characters.' },
      'invalid',
      '审核理由最多 1000 个字。',
    ],
    [
      { __typename: 'InvalidInputError', message: 'correction: bad id' },
      'invalid',
      '提交的内容不符合要求，请检查后重试。',
    ],
  ])('%j', (result, kind, message) => {
    expect(reviewOutcome(result)).toMatchObject({ kind, message });
  });
});

describe('mergeQueue', () => {
  const a = { id: 'a' };
  const b = { id: 'b' };
  const c = { id: 'c' };
  it.each<[string, { id: string }[], { id: string }[], boolean, string[]]>([
    ['first page replaces', [a, b], [c], true, ['c']],
    ['next page appends', [a, b], [c], false, ['a', 'b', 'c']],
    ['repeat kept once, first place', [a, b], [b, c], false, ['a', 'b', 'c']],
    ['empty page', [a], [], false, ['a']],
    ['empty first page empties', [a], [], true, []],
  ])('%s', (_name, shown, page, first, ids) => {
    expect(mergeQueue(shown, page, first).map((i) => i.id)).toEqual(ids);
  });
});
