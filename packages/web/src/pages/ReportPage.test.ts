import { CombinedError } from '@urql/core';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { fromValue, never } from 'wonka';
import { globalId } from '../lib/ids.ts';
import { createGongkaiRouter } from '../router.ts';
import ReportPage from './ReportPage.vue';

const REPORT_ID = '440100-abcdefghij-2021';

type Op = {
  kind: string;
  query: { definitions: { name?: { value: string } }[] };
  variables: Record<string, unknown>;
};
const opName = (op: Op) => op.query.definitions[0]?.name?.value;

const G21 = ['GOV_2021'];
const GOV = ['GOV_2019', 'GOV_2021'];
const OLD = ['PROVINCIAL', 'NATIONAL_2014'];

const ind = (code: string, label: string, section: string, forms: string[], unit = '件') => ({
  id: `ind-${code}`,
  code,
  label,
  section,
  unit,
  forms,
});

const catalog = [
  ind('requests.received', '(一)收到申请数', 'requests', OLD),
  ind('fees.processing', '信息处理费', 'fees', G21, '元'),
  ind('requests.new:natural', '一、本年新收政府信息公开申请数量 · 自然人', 'requests', GOV),
  ind('requests.new:total', '一、本年新收政府信息公开申请数量 · 总计', 'requests', GOV),
  ind('requests.granted:total', '(一)予以公开 · 总计', 'requests', GOV),
  ind('review.total', '行政复议数量', 'review', [...OLD, ...GOV]),
];

const val = (
  code: string,
  label: string,
  current: number | null,
  over: Record<string, unknown> = {},
) => ({
  id: `val-${code}`,
  code,
  label,
  unit: '件',
  current,
  extracted: current,
  corrected: false,
  confidence: 0.9,
  source: 'TABLE',
  ...over,
});

function reportData(over: Record<string, unknown> = {}) {
  return {
    report: {
      id: globalId('Report', REPORT_ID),
      reportId: REPORT_ID,
      year: 2021,
      form: 'GOV_2021',
      publishedAt: '2022-01-20',
      sourceUrl: 'https://example.gov.cn/2021.html',
      currentVersion: 2,
      versionCount: 2,
      agency: { id: 'a', agencyId: '440100-abcdefghij', name: '测试市测试局' },
      findings: [
        {
          rule: 'review.total',
          severity: 'WARNING',
          scope: 'REPORT',
          message: 'review.total is 0, but parts make 3',
          codes: ['review.total'],
          expected: 3,
          printed: 0,
        },
      ],
      metrics: [
        {
          metric: 'REQUESTS_RECEIVED',
          label: '收到申请',
          value: 0,
          unit: '件',
          comparable: true,
          missing: [],
        },
      ],
      values: [
        val('requests.new:total', '一、本年新收政府信息公开申请数量 · 总计', 0),
        val('requests.new:natural', '一、本年新收政府信息公开申请数量 · 自然人', null),
        val('review.total', '行政复议数量', 0),
        val('fees.processing', '信息处理费', 120, {
          unit: '元',
          corrected: true,
          extracted: 12,
          source: 'PROSE',
        }),
      ],
      ...over,
    },
  };
}

const provenance = {
  report: {
    id: globalId('Report', REPORT_ID),
    value: {
      ...val('fees.processing', '信息处理费', 120, {
        unit: '元',
        corrected: true,
        extracted: 12,
        source: 'PROSE',
      }),
      context: { before: '全年收取信息处理费', text: '120', after: '元。' },
      history: [
        {
          at: '2024-03-01T08:00:00Z',
          kind: 'CORRECTED',
          from: 12,
          to: 120,
          reason: '原文为 120 元',
          version: 2,
        },
      ],
      span: { start: 100, end: 103 },
    },
  },
};

function makeClient(report: unknown = reportData(), value: unknown = provenance) {
  return {
    executeQuery: vi.fn((op: Op, _context?: Record<string, unknown>) => {
      const name = opName(op);
      if (name === 'ReportPage') {
        if (report === 'pending') return never;
        if (report === 'error') {
          return fromValue({
            operation: op,
            error: new CombinedError({ networkError: new Error('down') }),
          });
        }
        return fromValue({ operation: op, data: report });
      }
      if (name === 'IndicatorCatalog')
        return fromValue({ operation: op, data: { indicators: catalog } });
      if (name === 'ValueProvenance') return fromValue({ operation: op, data: value });
      throw new Error(`unexpected query ${name}`);
    }),
    executeMutation: vi.fn(),
    executeSubscription: vi.fn(),
  };
}

async function mountPage(client: ReturnType<typeof makeClient>, path = `/reports/${REPORT_ID}`) {
  const router = createGongkaiRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const w = mount(ReportPage, {
    attachTo: document.body,
    global: { plugins: [router], provide: { $urql: ref(client) } },
  });
  await flushPromises();
  return { w, router };
}

const calls = (client: ReturnType<typeof makeClient>, name: string) =>
  client.executeQuery.mock.calls.map(([op]) => op).filter((op) => opName(op) === name);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ReportPage', () => {
  it('asks for the report by its global id, fresh on return', async () => {
    const client = makeClient();
    await mountPage(client);
    const call = client.executeQuery.mock.calls.find(([op]) => opName(op) === 'ReportPage');
    expect(call?.[0].variables).toEqual({ id: globalId('Report', REPORT_ID) });
    expect(call?.[1]?.requestPolicy).toBe('cache-and-network');
  });

  it('shows zeros as 0, blanks as empty (spoken 空白) and codes the report lacks as 未报告', async () => {
    const { w } = await mountPage(makeClient());
    expect(w.get('h1').text()).toBe('测试市测试局 2021 年度报告');
    const zero = w.get('[data-value-code="requests.new:total"]');
    expect(zero.element.tagName).toBe('BUTTON');
    expect(zero.text()).toBe('一、本年新收政府信息公开申请数量 · 总计 0');
    expect(zero.get('.num').text()).toBe('0');

    const blank = w.get('[data-value-code="requests.new:natural"]');
    expect(blank.text()).toBe('一、本年新收政府信息公开申请数量 · 自然人 空白');
    expect(blank.find('.num').exists()).toBe(false);
    expect(blank.get('.visually-hidden:last-child').text()).toBe('空白');

    const rows = w.findAll('tr').map((tr) => tr.text());
    expect(rows.find((t) => t.startsWith('(一)予以公开'))).toContain('未报告');
    expect(w.find('[data-value-code="requests.granted:total"]').exists()).toBe(false);
    // A code of the older tables is not 'missing' from a 2021 report.
    expect(w.text()).not.toContain('收到申请数');
  });

  it('lays the sections out in the official order', async () => {
    const { w } = await mountPage(makeClient());
    expect(w.findAll('h2').map((h) => h.text())).toEqual([
      '主要数字',
      '疑点（1 项）',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '六、其他需要报告的事项',
    ]);
  });

  it('marks corrected values and shows the source, form and versions', async () => {
    const { w } = await mountPage(makeClient());
    const fee = w.get('[data-value-code="fees.processing"]');
    expect(fee.text()).toBe('信息处理费 120 元 已更正');
    const source = w.get('a[href="https://example.gov.cn/2021.html"]');
    expect(source.text()).toContain('2022年1月20日');
    expect(w.text()).toContain('2021 年新表（2021 年起）');
    expect(w.text()).toContain('第 2 版（共 2 版）');
  });

  it('lists findings in Chinese and badges the cells they involve', async () => {
    const { w } = await mountPage(makeClient());
    const finding = w.get('#finding-0');
    expect(finding.text()).toContain('表内数字对不上');
    expect(finding.text()).toContain('印出的数为 0，按表格的勾稽关系应为 3。');
    const badge = w.get('.finding-badge');
    expect(badge.attributes('aria-label')).toBe('疑点：表内数字对不上（行政复议 · 总计）');
    await badge.trigger('click');
    expect(document.activeElement).toBe(finding.element);
  });

  it('opens a number’s provenance: ?v= in the address, the lazy query, the marked span', async () => {
    const client = makeClient();
    const { w, router } = await mountPage(client);
    expect(calls(client, 'ValueProvenance')).toHaveLength(0);

    const fee = w.get('[data-value-code="fees.processing"]');
    await fee.trigger('click');
    await flushPromises();

    expect(router.currentRoute.value.query.v).toBe('fees.processing');
    const [op] = calls(client, 'ValueProvenance');
    expect(op?.variables).toEqual({ id: globalId('Report', REPORT_ID), code: 'fees.processing' });

    const dialog = w.get('dialog');
    expect((dialog.element as HTMLDialogElement).open).toBe(true);
    expect(dialog.get('h2').text()).toBe('信息处理费');
    expect(dialog.get('mark').text()).toBe('120');
    expect(dialog.get('blockquote').text()).toBe('全年收取信息处理费120元。');
    expect(dialog.text()).toContain('正文句子');
    expect(dialog.text()).toContain('90%');
    expect(dialog.text()).toContain('原文读数12 元');
    expect(dialog.text()).toContain('采纳更正：12 元 → 120 元');
    const correct = dialog.get('a.button');
    expect(correct.text()).toBe('提出更正');
    expect(correct.attributes('href')).toBe(`/reports/${REPORT_ID}/correct/fees.processing`);

    await dialog.get('button.close').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query.v).toBeUndefined();
    expect((dialog.element as HTMLDialogElement).open).toBe(false);
    await new Promise((r) => setTimeout(r, 5));
    expect(document.activeElement).toBe(fee.element);
  });

  it('opens the value a shared ?v= link names', async () => {
    const client = makeClient();
    const { w } = await mountPage(client, `/reports/${REPORT_ID}?v=fees.processing`);
    expect(calls(client, 'ValueProvenance')[0]?.variables).toEqual({
      id: globalId('Report', REPORT_ID),
      code: 'fees.processing',
    });
    expect((w.get('dialog').element as HTMLDialogElement).open).toBe(true);
    expect(w.get('dialog mark').text()).toBe('120');
  });

  it('explains the findings on a value inside its provenance', async () => {
    const reviewValue = {
      report: {
        id: 'r',
        value: {
          ...val('review.total', '行政复议数量', 0),
          context: null,
          history: [],
          span: null,
        },
      },
    };
    const { w } = await mountPage(makeClient(reportData(), reviewValue));
    await w.get('[data-value-code="review.total"]').trigger('click');
    await flushPromises();
    const dialog = w.get('dialog');
    expect(dialog.get('h2').text()).toBe('行政复议 · 总计');
    expect(dialog.text()).toContain('警告 表内数字对不上：印出的数为 0，按表格的勾稽关系应为 3。');
    expect(dialog.text()).toContain('没有可对照的原文位置');
    expect(dialog.text()).toContain('没有变更');
    expect(dialog.find('mark').exists()).toBe(false);
  });

  it('says so when ?v= names a code the report does not have', async () => {
    const { w } = await mountPage(
      makeClient(reportData(), { report: { id: 'r', value: null } }),
      `/reports/${REPORT_ID}?v=nope`,
    );
    expect(w.get('dialog').text()).toContain('这份报告没有这个数字');
    expect(w.get('dialog').find('a.button').exists()).toBe(false);
  });

  it.each([
    ['an unknown report', { report: null }, '这份报告不存在'],
    ['a malformed address', null, '这个地址不是有效的报告地址'],
  ])('shows a not-found state for %s', async (_name, data, text) => {
    const client = makeClient(data);
    const { w } = await mountPage(client, data ? `/reports/${REPORT_ID}` : '/reports/nonsense');
    expect(w.text()).toContain(text);
    expect(w.get('h1').text()).toBe('没有找到这份报告');
    if (!data) expect(client.executeQuery).not.toHaveBeenCalled();
  });

  it('shows an error with a retry that goes to the network', async () => {
    const client = makeClient('error');
    const { w } = await mountPage(client);
    expect(w.get('[role="alert"]').text()).toContain('无法连接服务器');
    await w.get('[role="alert"] button').trigger('click');
    await flushPromises();
    const retried = client.executeQuery.mock.calls
      .filter(([op]) => opName(op) === 'ReportPage')
      .at(-1);
    expect(retried?.[1]?.requestPolicy).toBe('network-only');
  });

  it('shows a skeleton while loading', async () => {
    const { w } = await mountPage(makeClient('pending'));
    expect(w.get('[role="status"]').attributes('aria-label')).toBe('正在加载报告');
  });
});
