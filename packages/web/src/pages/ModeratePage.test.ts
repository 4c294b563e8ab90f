import { CombinedError } from '@urql/core';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { fromValue, never } from 'wonka';
import { globalId } from '../lib/ids.ts';
import { moderatorToken, signIn, signOut } from '../lib/moderator.ts';
import { createGongkaiRouter } from '../router.ts';
import ModeratePage from './ModeratePage.vue';

type Op = {
  query: { definitions: { name?: { value: string } }[] };
  variables: Record<string, unknown>;
};
const nameOf = (op: Op) => op.query.definitions[0]?.name?.value;

const REPORT = '440100-aaaaaaaaaa-2021';

/** The value as it reads now; 12 is the item's basis. */
function value(current: number | null = 12) {
  return {
    __typename: 'IndicatorValue',
    id: globalId('IndicatorValue', 'v-1'),
    label: '收到申请数',
    unit: '件',
    current,
  };
}

function item(n: number, over: Record<string, unknown> = {}) {
  return {
    __typename: 'Correction',
    id: globalId('Correction', `c-${n}`),
    code: 'requests.received',
    basis: 12,
    proposed: 21,
    evidence: `原文第 ${n} 页表三`,
    contact: n === 1 ? 'a@b.cn' : null,
    createdAt: '2024-01-02T03:04:05Z',
    value: value(),
    report: {
      __typename: 'Report',
      id: globalId('Report', REPORT),
      reportId: REPORT,
      year: 2021,
      agency: {
        __typename: 'Agency',
        id: globalId('Agency', '440100-aaaaaaaaaa'),
        name: '甲市教育局',
      },
    },
    ...over,
  };
}

function page(
  items: ReturnType<typeof item>[],
  hasNextPage = false,
  endCursor: string | null = null,
) {
  return {
    moderationQueue: {
      __typename: 'QueryModerationQueueConnection',
      edges: items.map((node) => ({ __typename: 'QueryModerationQueueConnectionEdge', node })),
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
    },
  };
}

interface Answers {
  queue: (op: Op) => { data?: unknown; error?: CombinedError };
  review?: (op: Op) => unknown;
}

function makeClient(answers: Answers) {
  return {
    executeQuery: vi.fn((op: Op) => {
      const name = nameOf(op);
      if (name === 'ModerationQueue') return fromValue({ operation: op, ...answers.queue(op) });
      return never;
    }),
    executeMutation: vi.fn((op: Op) =>
      fromValue({ operation: op, data: { reviewCorrection: answers.review?.(op) } }),
    ),
    executeSubscription: vi.fn(),
  };
}

// Pages share the sign-in state: a page left mounted would react to the next test's sign-in.
const mounted: { unmount: () => void }[] = [];

async function mountPage(client: ReturnType<typeof makeClient>) {
  const router = createGongkaiRouter(createMemoryHistory());
  await router.push('/moderate');
  await router.isReady();
  const w = mount(ModeratePage, {
    attachTo: document.body,
    global: { plugins: [router], provide: { $urql: ref(client) } },
  });
  mounted.push(w);
  await flushPromises();
  return w;
}

type Wrapper = Awaited<ReturnType<typeof mountPage>>;

const queueCalls = (client: ReturnType<typeof makeClient>) =>
  client.executeQuery.mock.calls
    .filter(([op]) => nameOf(op) === 'ModerationQueue')
    .map(([op]) => op.variables);

const button = (w: Wrapper, name: string) => {
  const found = w.findAll('button').find((b) => b.text() === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
};

async function review(w: Wrapper, reason: string, decision: '采纳' | '驳回', index = 0) {
  const card = w.findAll('article')[index];
  if (!card) throw new Error('no card');
  await card.get('textarea').setValue(reason);
  const b = card.findAll('button').find((x) => x.text() === decision);
  await b?.trigger('click');
  await flushPromises();
  return card;
}

beforeEach(() => signOut());
afterEach(() => {
  for (const w of mounted.splice(0)) w.unmount();
  signOut();
  document.body.innerHTML = '';
});

describe('ModeratePage', () => {
  it('signs in with the token typed, kept in this tab, and then asks for the queue', async () => {
    const client = makeClient({ queue: () => ({ data: page([item(1)]) }) });
    const w = await mountPage(client);
    expect(queueCalls(client)).toEqual([]);
    expect(w.get('label[for="moderator-token"]').text()).toBe('审核令牌');
    expect(w.get('#moderator-token').attributes('type')).toBe('password');
    expect(w.text()).toContain('sessionStorage');

    await w.get('form').trigger('submit');
    expect(w.get('#moderator-token-error').text()).toBe('请输入审核令牌。');
    expect(queueCalls(client)).toEqual([]);

    await w.get('#moderator-token').setValue('  tok-123 ');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(moderatorToken.value).toBe('tok-123');
    expect(sessionStorage.getItem('gongkai.moderatorToken')).toBe('tok-123');
    expect(queueCalls(client)).toEqual([{ first: 20, after: null }]);
    expect(w.findAll('article')).toHaveLength(1);
  });

  it('signs out and says so when the API refuses the token', async () => {
    signIn('expired');
    const client = makeClient({
      queue: () => ({
        error: new CombinedError({
          graphQLErrors: [
            {
              message: 'Sign in as a moderator: the token has expired.',
              extensions: { code: 'UNAUTHENTICATED' },
            },
          ],
        }),
      }),
    });
    const w = await mountPage(client);
    expect(moderatorToken.value).toBeNull();
    expect(w.get('[role="alert"]').text()).toBe('令牌无效或已过期，请重新输入。');
    expect(w.find('#moderator-token').exists()).toBe(true);
  });

  it('shows each pending correction with what it changes, the evidence and the contact', async () => {
    signIn('tok');
    const client = makeClient({ queue: () => ({ data: page([item(1)]) }) });
    const w = await mountPage(client);
    const card = w.get('article');
    // The label comes with the queue: no second request.
    expect(client.executeQuery.mock.calls.map(([op]) => nameOf(op))).toEqual(['ModerationQueue']);
    expect(card.get('h2').text()).toBe('甲市教育局 2021 年 · 收到申请数');
    expect(card.text()).toContain('requests.received');
    expect(card.text()).toContain('12 → 改为21');
    expect(card.text()).toContain('原文第 1 页表三');
    expect(card.text()).toContain('a@b.cn');
    expect(card.get('a').attributes('href')).toBe(`/reports/${REPORT}?v=requests.received`);
    expect(card.get(`label[for="${card.get('textarea').attributes('id')}"]`).text()).toBe(
      '审核理由（公开显示）',
    );
    expect(card.text()).not.toContain('只能驳回');
    expect(
      card
        .findAll('button')
        .find((b) => b.text() === '采纳')
        ?.attributes('disabled'),
    ).toBeUndefined();
  });

  it('names the item by its code when the API no longer has the value', async () => {
    signIn('tok');
    const client = makeClient({ queue: () => ({ data: page([item(1, { value: null })]) }) });
    const w = await mountPage(client);
    const card = w.get('article');
    expect(card.get('h2').text()).toBe('甲市教育局 2021 年 · requests.received');
    expect(card.text()).toContain('12 → 改为21');
    expect(card.text()).not.toContain('只能驳回');
    expect(
      card
        .findAll('button')
        .find((b) => b.text() === '采纳')
        ?.attributes('disabled'),
    ).toBeUndefined();
  });

  it('says so when nothing is pending', async () => {
    signIn('tok');
    const w = await mountPage(makeClient({ queue: () => ({ data: page([]) }) }));
    expect(w.text()).toContain('没有待审核的更正。');
  });

  it('only lets a correction be rejected once the value has moved since it was proposed', async () => {
    signIn('tok');
    const w = await mountPage(
      makeClient({ queue: () => ({ data: page([item(1, { value: value(13) })]) }) }),
    );
    const card = w.get('article');
    expect(card.text()).toContain('13：提交后数值已改变，只能驳回');
    const buttons = card.findAll('button');
    expect(buttons.find((b) => b.text() === '采纳')?.attributes('disabled')).toBeDefined();
    expect(buttons.find((b) => b.text() === '驳回')?.attributes('disabled')).toBeUndefined();
  });

  it('also counts a value now blank as moved', async () => {
    signIn('tok');
    const w = await mountPage(
      makeClient({ queue: () => ({ data: page([item(1, { value: value(null) })]) }) }),
    );
    const card = w.get('article');
    expect(card.text()).toContain('空白：提交后数值已改变，只能驳回');
    expect(
      card
        .findAll('button')
        .find((b) => b.text() === '采纳')
        ?.attributes('disabled'),
    ).toBeDefined();
  });

  it('requires a reason before sending', async () => {
    signIn('tok');
    const client = makeClient({ queue: () => ({ data: page([item(1)]) }) });
    const w = await mountPage(client);
    const card = await review(w, '  ', '采纳');
    expect(client.executeMutation).not.toHaveBeenCalled();
    expect(card.get('.field-error').text()).toBe('请填写审核理由：它会公开显示在更正页上。');
    expect(card.get('textarea').attributes('aria-invalid')).toBe('true');
  });

  it('accepts with the right input, removes the item and links to the updated value', async () => {
    signIn('tok');
    const client = makeClient({
      queue: () => ({ data: page([item(1), item(2)]) }),
      review: () => ({
        __typename: 'MutationReviewCorrectionSuccess',
        data: {
          __typename: 'Correction',
          id: globalId('Correction', 'c-1'),
          status: 'ACCEPTED',
          reason: 'ok',
          reviewedAt: 'x',
        },
      }),
    });
    const w = await mountPage(client);
    await review(w, ' 原文确为 21 ', '采纳');
    expect(client.executeMutation.mock.calls.map(([op]) => op.variables)).toEqual([
      {
        input: {
          correction: globalId('Correction', 'c-1'),
          decision: 'ACCEPT',
          reason: '原文确为 21',
        },
      },
    ]);
    expect(w.findAll('article')).toHaveLength(1);
    expect(w.get('article').text()).toContain('原文第 2 页表三');
    const notice = w.get('.notice');
    expect(notice.text()).toContain('已采纳，报告已更新。');
    expect(notice.get('a').attributes('href')).toBe(`/reports/${REPORT}?v=requests.received`);
    expect(document.activeElement).toBe(notice.element);
  });

  it('rejects with decision REJECT', async () => {
    signIn('tok');
    const client = makeClient({
      queue: () => ({ data: page([item(1)]) }),
      review: () => ({
        __typename: 'MutationReviewCorrectionSuccess',
        data: {
          __typename: 'Correction',
          id: globalId('Correction', 'c-1'),
          status: 'REJECTED',
          reason: 'no',
          reviewedAt: 'x',
        },
      }),
    });
    const w = await mountPage(client);
    await review(w, '原文不是这样', '驳回');
    expect(client.executeMutation.mock.calls[0]?.[0].variables).toMatchObject({
      input: { decision: 'REJECT' },
    });
    expect(w.get('.notice').text()).toContain('已驳回');
    expect(w.get('.notice a').attributes('href')).toBe('/corrections/c-1');
    expect(w.text()).toContain('没有待审核的更正。');
  });

  it('explains that one cannot review one’s own correction, and keeps it', async () => {
    signIn('tok');
    const client = makeClient({
      queue: () => ({ data: page([item(1)]) }),
      review: () => ({
        __typename: 'ForbiddenError',
        message: 'A correction must be reviewed by someone else.',
      }),
    });
    const w = await mountPage(client);
    const card = await review(w, '原文确为 21', '采纳');
    expect(card.get('[role="alert"]').text()).toBe(
      '不能审核自己提交的更正（包括从本机地址提交的）：请交由其他审核员处理。',
    );
    expect(w.findAll('article')).toHaveLength(1);
    expect((card.get('textarea').element as HTMLTextAreaElement).value).toBe('原文确为 21');
  });

  it('reloads the queue when the correction was reviewed meanwhile', async () => {
    signIn('tok');
    let pending = [item(1), item(2)];
    const client = makeClient({
      queue: () => ({ data: page(pending) }),
      review: () => ({
        __typename: 'ConflictError',
        message: 'The correction is already accepted.',
      }),
    });
    const w = await mountPage(client);
    pending = [item(2)];
    await review(w, '原文确为 21', '采纳');
    expect(w.get('.notice').text()).toContain('这条更正已被审核');
    expect(queueCalls(client)).toHaveLength(2);
    expect(w.findAll('article')).toHaveLength(1);
  });

  it('signs out when the API no longer accepts the token for a review', async () => {
    signIn('tok');
    const client = makeClient({
      queue: () => ({ data: page([item(1)]) }),
      review: () => ({ __typename: 'NotAuthenticatedError', message: 'Sign in as a moderator.' }),
    });
    const w = await mountPage(client);
    await review(w, '原文确为 21', '采纳');
    expect(moderatorToken.value).toBeNull();
    expect(w.get('[role="alert"]').text()).toBe('登录已失效，请重新输入审核令牌。');
  });

  it('shows the reason problem the API gives on the field', async () => {
    signIn('tok');
    const client = makeClient({
      queue: () => ({ data: page([item(1)]) }),
      review: () => ({
        __typename: 'InvalidInputError',
        message: 'The reason is longer than 1000 characters.',
      }),
    });
    const w = await mountPage(client);
    const card = await review(w, '原文确为 21', '驳回');
    expect(card.get('.field-error').text()).toBe('审核理由最多 1000 个字。');
  });

  it('loads more, oldest first, after the last cursor', async () => {
    signIn('tok');
    const client = makeClient({
      queue: (op) =>
        op.variables.after === 'cur-1'
          ? { data: page([item(3)]) }
          : { data: page([item(1), item(2)], true, 'cur-1') },
    });
    const w = await mountPage(client);
    expect(w.findAll('article')).toHaveLength(2);
    await button(w, '加载更多').trigger('click');
    await flushPromises();
    expect(queueCalls(client)).toEqual([
      { first: 20, after: null },
      { first: 20, after: 'cur-1' },
    ]);
    expect(w.findAll('article h2')).toHaveLength(3);
    expect(w.findAll('button').some((b) => b.text() === '加载更多')).toBe(false);
  });

  it('signs out with the button', async () => {
    signIn('tok');
    const w = await mountPage(makeClient({ queue: () => ({ data: page([item(1)]) }) }));
    await button(w, '退出登录').trigger('click');
    expect(moderatorToken.value).toBeNull();
    expect(sessionStorage.getItem('gongkai.moderatorToken')).toBeNull();
    expect(w.find('#moderator-token').exists()).toBe(true);
  });
});
