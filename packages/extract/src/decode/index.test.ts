import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  type DecodedInput,
  decodeInput,
  type ExtractErrorCode,
  isExtractError,
  MAX_INPUT_BYTES,
} from './index.ts';

const REPORT_HTML = `<!DOCTYPE html>
<html><head><meta charset="gbk"><title>年度报告</title><script>var _hmt = [];</script></head>
<body>
<div class="breadcrumb">首页 &gt; 政务公开 &gt; 年度报告</div>
<h1>某县人民政府2023年政府信息公开工作年度报告</h1>
<p>　　本年度共收到政府信息公开申请１２３件，办结率９８．５％。</p>
<table border="1">
<tr><td colspan="3">（一）本年新收政府信息公开申请数量</td><td>45</td><td>&nbsp;</td></tr>
<tr><td rowspan="2">二、上年结转</td><td>６</td><td></td></tr>
</table>
<div id="footer">主办：某县人民政府办公室</div>
</body></html>`;

/** `source.slice` of the span of `probe` in the output. */
const spanOf = (d: DecodedInput, probe: string, nth = 0): string => {
  let a = -1;
  for (let i = 0; i <= nth; i++) a = d.text.indexOf(probe, a + 1);
  expect(a).toBeGreaterThanOrEqual(0);
  return d.source.slice(d.offsets[a], d.offsets[a + probe.length]);
};

describe('decodeInput', () => {
  it('decodes a GBK HTML report into pipe rows mapped to the decoded page', () => {
    const d = decodeInput(iconv.encode(REPORT_HTML, 'gbk'));
    expect(d).toMatchObject({ encoding: 'gb18030', lossy: false, html: true, source: REPORT_HTML });
    expect(d.text).toBe(
      [
        '某县人民政府2023年政府信息公开工作年度报告',
        '本年度共收到政府信息公开申请123件,办结率98.5%。',
        '| (一)本年新收政府信息公开申请数量 | 45 |  |',
        '| 二、上年结转 | 6 |  |',
      ].join('\n'),
    );
    expect(d.offsets.length).toBe(d.text.length + 1);
    expect(spanOf(d, '123')).toBe('１２３');
    expect(spanOf(d, '98.5%')).toBe('９８．５％');
    expect(spanOf(d, '45')).toBe('45');
    expect(spanOf(d, '6')).toBe('６');
    expect(spanOf(d, '(一)本年新收')).toBe('（一）本年新收');
    expect(spanOf(d, '2023年政府信息公开工作年度报告')).toBe('2023年政府信息公开工作年度报告');
  });

  it.each<[string, Uint8Array | string, Partial<DecodedInput>, string]>([
    [
      'a UTF-8 text file with BOM',
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('收到申请１２件\r\n')]),
      { encoding: 'utf-8', html: false },
      '收到申请12件\n',
    ],
    [
      'a UTF-16LE file',
      new Uint8Array([0xff, 0xfe, 0x74, 0x5e, 0x32, 0, 0x31, 0]),
      { encoding: 'utf-16le', html: false },
      '年21',
    ],
    [
      'a string',
      '（二）办结８件',
      { encoding: 'string', lossy: false, html: false },
      '(二)办结8件',
    ],
    [
      'an HTML string',
      '<p>收到</p><p>申请</p><p>12件</p>',
      { encoding: 'string', html: true },
      '收到\n申请\n12件',
    ],
    [
      'a page behind crawler headers',
      'URL: http://www.example.gov.cn/art/2024/1/1/art_1.html\nFetched: 2024-01-02\n\n<html><body><p>收到申请12件</p></body></html>',
      { html: true },
      'URL: http://www.example.gov.cn/art/2024/1/1/art_1.html Fetched: 2024-01-02\n收到申请12件',
    ],
    [
      'a JavaScript-escaped page',
      'document.write("\\u003ctable\\u003e\\u003ctr\\u003e\\u003ctd\\u003e收到申请\\u003c/td\\u003e\\u003ctd\\u003e12\\u003c/td\\u003e\\u003c/tr\\u003e\\u003c/table\\u003e");',
      { html: true },
      '| 收到申请 | 12 |',
    ],
    [
      'a JSON body',
      '{"code":0,"data":{"title":"2023年报告","html":"\\u003cp\\u003e收到申请12件\\u003c/p\\u003e\\u003cp\\u003e办结\\u003c/p\\u003e\\u003cbr\\u003e"}}',
      { html: true },
      '2023年报告\n收到申请12件\n办结',
    ],
    [
      'an entity-encoded body inside a real page',
      '<html><body><div class="content">&lt;p&gt;收到申请12件&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;办结&lt;/td&gt;&lt;td&gt;&amp;nbsp;&lt;/td&gt;&lt;td&gt;3&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</div></body></html>',
      { html: true },
      '收到申请12件\n| 办结 |  | 3 |',
    ],
    [
      'a page that writes its report with document.write',
      '<html><body><p>前言</p><script>document.write("<table><tr><td>收到申请<\\/td><td>１２<\\/td><\\/tr><\\/table>");</script></body></html>',
      { html: true },
      '前言\n| 收到申请 | 12 |',
    ],
  ])('%s', (_name, input, meta, text) => {
    const d = decodeInput(input);
    expect(d).toMatchObject(meta);
    expect(d.text).toBe(text);
    expect(d.offsets.length).toBe(d.text.length + 1);
    expect(d.offsets[d.text.length]).toBeLessThanOrEqual(d.source.length);
  });

  it('maps escaped and entity-encoded pages back to the escapes', () => {
    const js =
      'x("\\u003cp\\u003e收到申请\\u003c/p\\u003e\\u003cp\\u003e１２件\\u003c/p\\u003e\\u003cbr\\u003e")';
    const d = decodeInput(js);
    expect(d.text).toBe('收到申请\n12件');
    expect(spanOf(d, '收到申请')).toBe('收到申请');
    expect(spanOf(d, '12')).toBe('１２');

    const page = '<div>&lt;p&gt;办结&amp;amp;3件&lt;/p&gt;&lt;p&gt;x&lt;/p&gt;&lt;br&gt;</div>';
    const e = decodeInput(page);
    expect(e.text).toBe('办结&3件\nx');
    expect(spanOf(e, '&')).toBe('&amp;amp;');
    expect(spanOf(e, '3件')).toBe('3件');
  });

  it.each<[string, ExtractErrorCode, Uint8Array | string]>([
    ['an empty string', 'empty', ''],
    ['a whitespace string', 'empty', ' \n\u3000\t'],
    [
      'a page with nothing visible',
      'empty',
      '<html><head><title>x</title></head><body><script>a()</script></body></html>',
    ],
    ['no bytes', 'empty', new Uint8Array(0)],
    ['a PDF', 'binary', new TextEncoder().encode('%PDF-1.5\n')],
    ['a PDF read as a string', 'binary', '%PDF-1.5\n%âãÏÓ'],
    [
      'a binary file read as a string',
      'binary',
      'PK\u0003\u0004\u0014\u0000\u0006\u0000\u0008\u0000\u0000\u0000!\u0000',
    ],
    [
      'undecodable bytes',
      'unreadable',
      Uint8Array.from({ length: 300 }, (_, i) => [0x80, 0xff, 0xa0][i % 3] as number),
    ],
  ])('refuses %s (%s)', (_name, code, input) => {
    let caught: unknown;
    try {
      decodeInput(input);
    } catch (e) {
      caught = e;
    }
    expect(isExtractError(caught, code)).toBe(true);
  });

  it('refuses a string over the limit', () => {
    expect(() => decodeInput('a'.repeat(MAX_INPUT_BYTES + 1))).toThrow(/MiB limit/);
  });
});
