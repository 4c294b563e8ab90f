import { CombinedError } from '@urql/core';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { fromValue, never } from 'wonka';
import { globalId } from '../../lib/ids.ts';
import { createGongkaiRouter } from '../../router.ts';
import CorrectionForm from './CorrectionForm.vue';

const REPORT = '440100-aaaaaaaaaa-2021';

function makeClient(answer: () => unknown) {
  return {
    executeQuery: vi.fn(() => never),
    executeMutation: vi.fn((op: { variables: Record<string, unknown> }) =>
      fromValue({ operation: op, ...(answer() as object) }),
    ),
    executeSubscription: vi.fn(),
  };
}

async function mountForm(client: ReturnType<typeof makeClient>, current: number | null = 12) {
  const router = createGongkaiRouter(createMemoryHistory());
  await router.push(`/reports/${REPORT}/correct/requests.received`);
  await router.isReady();
  const w = mount(CorrectionForm, {
    props: { reportId: REPORT, code: 'requests.received', current, unit: '件' },
    attachTo: document.body,
    global: { plugins: [router], provide: { $urql: ref(client) } },
  });
  await flushPromises();
  return { w, router };
}

type Wrapper = Awaited<ReturnType<typeof mountForm>>['w'];

async function fill(
  w: Wrapper,
  fields: { value?: string; blank?: boolean; evidence?: string; contact?: string },
) {
  if (fields.value !== undefined) await w.get('#correction-value').setValue(fields.value);
  if (fields.blank !== undefined) await w.get('#correction-blank').setValue(fields.blank);
  if (fields.evidence !== undefined) await w.get('#correction-evidence').setValue(fields.evidence);
  if (fields.contact !== undefined) await w.get('#correction-contact').setValue(fields.contact);
}

async function submit(w: Wrapper) {
  await w.get('form').trigger('submit');
  await flushPromises();
}

const sent = (client: ReturnType<typeof makeClient>) =>
  client.executeMutation.mock.calls.map(([op]) => op.variables);

const ok = () => ({
  data: {
    submitCorrection: {
      __typename: 'MutationSubmitCorrectionSuccess',
      data: { __typename: 'Correction', id: globalId('Correction', 'c-123'), status: 'PENDING' },
    },
  },
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('CorrectionForm', () => {
  it('labels every field', async () => {
    const { w } = await mountForm(makeClient(ok));
    const label = (id: string) => w.get(`label[for="${id}"]`).text();
    expect(label('correction-value')).toBe('正确的数值');
    expect(label('correction-blank')).toBe('此处应为空白');
    expect(label('correction-evidence')).toBe('依据');
    expect(label('correction-contact')).toBe('联系方式（选填）');
    expect(w.get('#correction-value').attributes('inputmode')).toBe('decimal');
    expect(w.get('#correction-contact-hint').text()).toContain('只有审核员能看到');
  });

  it('checks before sending: messages on the fields, a summary that takes focus', async () => {
    const client = makeClient(ok);
    const { w } = await mountForm(client);
    await submit(w);
    expect(client.executeMutation).not.toHaveBeenCalled();

    const value = w.get('#correction-value');
    expect(value.attributes('aria-invalid')).toBe('true');
    expect(value.attributes('aria-describedby')).toBe(
      'correction-value-hint correction-value-error',
    );
    expect(w.get('#correction-value-error').text()).toBe(
      '请填写正确的数值，或勾选“此处应为空白”。',
    );
    expect(w.get('#correction-evidence').attributes('aria-invalid')).toBe('true');
    expect(w.get('#correction-evidence-error').text()).toBe(
      '请说明依据：原文第几页、哪张表、哪一行。',
    );
    expect(w.get('#correction-contact').attributes('aria-invalid')).toBeUndefined();

    const summary = w.get('.error-summary');
    expect(document.activeElement).toBe(summary.element);
    expect(summary.findAll('li').map((li) => li.text())).toEqual([
      '数值：请填写正确的数值，或勾选“此处应为空白”。',
      '依据：请说明依据：原文第几页、哪张表、哪一行。',
    ]);
  });

  it('refuses a proposal equal to the current reading', async () => {
    const client = makeClient(ok);
    const { w } = await mountForm(client, 12);
    await fill(w, { value: '12', evidence: '原文第三页表二' });
    await submit(w);
    expect(client.executeMutation).not.toHaveBeenCalled();
    expect(w.get('#correction-value-error').text()).toBe('与当前数值相同，无需更正。');
  });

  it('sends a number and goes to the correction with a confirmation flag', async () => {
    const client = makeClient(ok);
    const { w, router } = await mountForm(client);
    await fill(w, { value: '1,234', evidence: ' 原文第三页表二第一行 ', contact: ' a@b.cn ' });
    await submit(w);
    expect(sent(client)).toEqual([
      {
        input: {
          report: globalId('Report', REPORT),
          code: 'requests.received',
          value: 1234,
          blank: false,
          evidence: '原文第三页表二第一行',
          contact: 'a@b.cn',
        },
      },
    ]);
    // The correction page loads on demand before the navigation completes.
    await vi.waitFor(() =>
      expect(router.currentRoute.value.fullPath).toBe('/corrections/c-123?submitted=1'),
    );
  });

  it('sends a blank as blank: true without a value', async () => {
    const client = makeClient(ok);
    const { w } = await mountForm(client);
    await fill(w, { value: '7', blank: true, evidence: '原文这一格是空的' });
    expect(w.get('#correction-value').attributes('disabled')).toBeDefined();
    await submit(w);
    expect(sent(client)[0]).toMatchObject({ input: { value: null, blank: true, contact: null } });
  });

  it('puts the API’s field issues on the fields and keeps what was typed', async () => {
    const client = makeClient(() => ({
      data: {
        submitCorrection: {
          __typename: 'InvalidInputError',
          message: 'evidence: Evidence must be at least 5 characters.',
          issues: [
            {
              __typename: 'InputIssue',
              field: 'evidence',
              message: 'Evidence must be at least 5 characters.',
            },
            {
              __typename: 'InputIssue',
              field: 'contact',
              message: 'Contact contains control characters.',
            },
          ],
        },
      },
    }));
    const { w, router } = await mountForm(client);
    await fill(w, { value: '3', evidence: '第三页表二', contact: 'x' });
    await submit(w);
    expect(w.get('#correction-evidence-error').text()).toBe('依据至少 5 个字。');
    expect(w.get('#correction-evidence').attributes('aria-invalid')).toBe('true');
    expect(w.get('#correction-contact-error').text()).toBe(
      '联系方式中有无法显示的控制字符，请删除。',
    );
    expect(w.find('#correction-value-error').exists()).toBe(false);
    expect((w.get('#correction-value').element as HTMLInputElement).value).toBe('3');
    expect((w.get('#correction-evidence').element as HTMLTextAreaElement).value).toBe('第三页表二');
    expect(document.activeElement).toBe(w.get('.error-summary').element);
    expect(router.currentRoute.value.path).toBe(`/reports/${REPORT}/correct/requests.received`);
  });

  it('says when to try again after too many submissions', async () => {
    const client = makeClient(() => ({
      data: {
        submitCorrection: { __typename: 'RateLimitedError', message: 'Too many', retryAfter: 1500 },
      },
    }));
    const { w } = await mountForm(client);
    await fill(w, { value: '3', evidence: '原文第三页表二' });
    await submit(w);
    expect(w.get('.error-summary').text()).toContain('提交过于频繁，请在 25 分钟后再试。');
    expect((w.get('#correction-evidence').element as HTMLTextAreaElement).value).toBe(
      '原文第三页表二',
    );
    expect(w.get('button[type="submit"]').attributes('disabled')).toBeUndefined();
  });

  it('reports a value that is gone, and a network failure', async () => {
    let answer: unknown = {
      data: { submitCorrection: { __typename: 'NotFoundError', message: 'value x was not found' } },
    };
    const client = makeClient(() => answer);
    const { w } = await mountForm(client);
    await fill(w, { value: '3', evidence: '原文第三页表二' });
    await submit(w);
    expect(w.get('.error-summary').text()).toContain('找不到这份报告或这个数值');

    answer = { error: new CombinedError({ networkError: new Error('offline') }) };
    await submit(w);
    expect(w.get('.error-summary').text()).toContain('无法连接服务器，请稍后重试。');
    expect(client.executeMutation).toHaveBeenCalledTimes(2);
  });

  it('disables the button while sending', async () => {
    const client = makeClient(ok);
    client.executeMutation.mockImplementation(() => never);
    const { w } = await mountForm(client);
    await fill(w, { value: '3', evidence: '原文第三页表二' });
    await w.get('form').trigger('submit');
    await flushPromises();
    const button = w.get('button[type="submit"]');
    expect(button.attributes('disabled')).toBeDefined();
    expect(button.text()).toBe('正在提交…');
    await w.get('form').trigger('submit');
    expect(client.executeMutation).toHaveBeenCalledTimes(1);
  });
});
