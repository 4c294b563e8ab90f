/** Bad input gets a clear result or error, in bounded time, and never a crash or a hang. */

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ExtractError, extract } from '../../packages/extract/src/index.ts';

const codeOf = (input: Uint8Array | string) => {
  try {
    extract(input);
    return 'ok';
  } catch (e) {
    if (e instanceof ExtractError) return e.code;
    throw e;
  }
};

const bytes = (...xs: number[]) => new Uint8Array(xs);
const REPORT =
  '某县人民政府2016年政府信息公开工作年度报告\n统计指标 | 单位 | 统计数 |\n(一)收到申请数 | 件 | 3 |\n1.当面申请数 | 件 | 1 |\n2.传真申请数 | 件 | 0 |\n3.网络申请数 | 件 | 2 |\n4.信函申请数 | 件 | 0 |\n';

describe('bad input', () => {
  it.each([
    ['an empty file', bytes(), 'empty'],
    ['whitespace only', new TextEncoder().encode(' \n\t \n'), 'empty'],
    ['PDF bytes', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'binary'],
    ['PNG bytes', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), 'binary'],
    ['a ZIP/DOCX', bytes(0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0), 'binary'],
    [
      'a page with no report in it',
      '<html><body><nav>首页</nav><p>欢迎访问本站，今日天气晴。</p></body></html>',
      'not-a-report',
    ],
  ])('%s → %s', (_name, input, code) => {
    expect(codeOf(input)).toBe(code);
  });

  it('reads GBK bytes as well as UTF-8', () => {
    const gbk = extract(iconv.encode(REPORT, 'gbk'));
    expect(gbk.values).toEqual(extract(REPORT).values);
  });

  it('reads invalid UTF-8 that is mostly text, losing nothing around the bad bytes', () => {
    const good = new TextEncoder().encode(REPORT);
    const broken = new Uint8Array([...good.slice(0, 10), 0xff, 0xfe, ...good.slice(10)]);
    const report = extract(broken);
    expect(report.values.find((v) => v.code === 'requests.received')?.value).toBe(3);
  });

  it('gives a narrative-only report the form none, with its prose figures', () => {
    const report = extract(
      '某局2016年政府信息公开工作年度报告。本年度主动公开政府信息172条,未收到政府信息公开申请,未发生行政复议和行政诉讼案件。',
    );
    expect(report.form).toBe('none');
    expect(report.values.map((v) => [v.code, v.value, v.source])).toEqual(
      expect.arrayContaining([['requests.received', 0, 'prose']]),
    );
  });

  it('keeps a table with a missing cell and flags the broken identity', () => {
    const text = REPORT.replace('2.传真申请数 | 件 | 0 |\n', '2.传真申请数 | 件 | |\n').replace(
      '3.网络申请数 | 件 | 2 |',
      '3.网络申请数 | 件 | 5 |',
    );
    const report = extract(text);
    expect(report.values.find((v) => v.code === 'requests.received.fax')?.value).toBeNull();
    expect(report.findings.map((f) => f.rule)).toContain('requests.received.sum');
  });

  it('handles a table with extra cells without shifting the values', () => {
    const report = extract(REPORT.replace('| 件 | 3 |', '| 件 | 3 | 备注 | 9 |'));
    expect(report.values.find((v) => v.code === 'requests.received')?.value).toBe(3);
    expect(report.values.find((v) => v.code === 'requests.received.inPerson')?.value).toBe(1);
  });

  it('survives HTML junk and hostile strings in bounded time', () => {
    const junk = [
      '<'.repeat(200_000),
      '<table><tr><td>'.repeat(20_000),
      `${'1'.repeat(100_000)}条`,
      `主动公开信息数条${'0'.repeat(5000)}`,
      '\u0000\u0001'.repeat(1000) + REPORT,
      `${'一、本年新收政府信息公开申请数量'.repeat(3000)}`,
    ];
    for (const input of junk) {
      const t0 = performance.now();
      const code = codeOf(input);
      expect(['ok', 'not-a-report', 'binary', 'empty']).toContain(code);
      expect(performance.now() - t0).toBeLessThan(10_000);
    }
  });

  it('refuses input over the size limit with a clear error, before doing any work', () => {
    const t0 = performance.now();
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x20);
    big.set(new TextEncoder().encode(REPORT));
    const code = codeOf(big);
    expect(code).toBe('too-large');
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});
