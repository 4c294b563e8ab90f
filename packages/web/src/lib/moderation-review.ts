/**
 * The moderation page's pure parts: reading the API's answers (a refused token, each result of
 * reviewCorrection) as what the moderator is told and what the page does next, the reason's
 * rules, and the queue's pages joined into one list.
 */

/** The API's limit on a review reason (core MAX_REASON), shown to everyone. */
export const MAX_REASON = 1000;

export function checkReason(reason: string): string | null {
  const text = reason.trim();
  if (text === '') return '请填写审核理由：它会公开显示在更正页上。';
  if ([...text].length > MAX_REASON) return `审核理由最多 ${MAX_REASON} 个字。`;
  return null;
}

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown> | null;
}

export type TokenProblem = 'invalid' | 'unconfigured';

/**
 * Why the API refused the moderator, from a query's errors: the API answers a missing, invalid
 * or expired token with code UNAUTHENTICATED ("Sign in as a moderator: the token has expired.").
 */
export function tokenProblem(
  error: { graphQLErrors: readonly GraphQLErrorLike[] } | null | undefined,
): TokenProblem | null {
  const refusal = error?.graphQLErrors.find((e) => e.extensions?.code === 'UNAUTHENTICATED');
  if (!refusal) return null;
  return /not configured/i.test(refusal.message) ? 'unconfigured' : 'invalid';
}

export const TOKEN_MESSAGES: Record<TokenProblem, string> = {
  invalid: '令牌无效或已过期，请重新输入。',
  unconfigured: '此服务器未启用审核功能。',
};

export type ReviewDecision = 'ACCEPT' | 'REJECT';

export type ReviewResultLike =
  | { __typename: 'MutationReviewCorrectionSuccess'; data: { status: string } }
  | {
      __typename:
        | 'ConflictError'
        | 'ForbiddenError'
        | 'InvalidInputError'
        | 'NotAuthenticatedError'
        | 'NotFoundError';
      message: string;
    };

export type ReviewOutcome =
  /** Done: the item leaves the queue; the page says so. */
  | { kind: 'reviewed'; status: 'ACCEPTED' | 'REJECTED'; message: string }
  /** The item stays; the message goes on its card. */
  | { kind: 'forbidden' | 'invalid'; message: string }
  /** The queue is out of date: reload it; the page says why. */
  | { kind: 'stale'; message: string }
  /** The token stopped working: sign out. */
  | { kind: 'signedOut'; message: string };

export function reviewOutcome(result: ReviewResultLike): ReviewOutcome {
  switch (result.__typename) {
    case 'MutationReviewCorrectionSuccess':
      return result.data.status === 'ACCEPTED'
        ? { kind: 'reviewed', status: 'ACCEPTED', message: '已采纳，报告已更新。' }
        : { kind: 'reviewed', status: 'REJECTED', message: '已驳回，报告未改动。' };
    case 'ForbiddenError':
      return {
        kind: 'forbidden',
        message: '不能审核自己提交的更正（包括从本机地址提交的）：请交由其他审核员处理。',
      };
    case 'ConflictError':
      return {
        kind: 'stale',
        message: '这条更正已被审核，或该数值在提交后已改变（此时只能驳回）。已重新载入待审核列表。',
      };
    case 'NotFoundError':
      return { kind: 'stale', message: '找不到这条更正，已重新载入待审核列表。' };
    case 'NotAuthenticatedError':
      return { kind: 'signedOut', message: '登录已失效，请重新输入审核令牌。' };
    case 'InvalidInputError':
      return {
        kind: 'invalid',
        message: /longer than|at most/i.test(result.message)
          ? `审核理由最多 ${MAX_REASON} 个字。`
          : /reason/i.test(result.message)
            ? '请填写审核理由：它会公开显示在更正页上。'
            : '提交的内容不符合要求，请检查后重试。',
      };
  }
}

/**
 * The queue as one list: a first page replaces it, a later page is added to it; an item seen
 * twice (the queue moved while paging) is kept once, where it first appeared.
 */
export function mergeQueue<T extends { id: string }>(
  shown: readonly T[],
  page: readonly T[],
  firstPage: boolean,
): T[] {
  const out = firstPage ? [] : [...shown];
  const seen = new Set(out.map((i) => i.id));
  for (const item of page) {
    if (!seen.has(item.id)) {
      seen.add(item.id);
      out.push(item);
    }
  }
  return out;
}
