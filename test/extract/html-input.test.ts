/** Reports published as web pages: the table structure survives, blanks stay blank, spans point into the page. */
import { describe, expect, it } from 'vitest';
import { extractDetailed } from '../../packages/extract/src/index.ts';

const ROWS: [string, (number | null)[]][] = [
  ['一、本年新收政府信息公开申请数量', [12, 1, 0, 0, 0, 0, 13]],
  ['二、上年结转政府信息公开申请数量', [1, 0, 0, 0, 0, 0, 1]],
  ['（一）予以公开', [8, 1, 0, 0, 0, 0, 9]],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', [2, 0, 0, 0, 0, 0, 2]],
  ['（七）总计', [10, 1, 0, 0, 0, 0, 11]],
  ['四、结转下年度继续办理', [3, null, 0, 0, 0, 0, 3]],
];

const cell = (v: number | null) => `<td>${v === null ? '&nbsp;' : v}</td>`;

const PAGE = `<!DOCTYPE html><html><head><title>某市2021年政府信息公开工作年度报告</title><script>var x="<td>777</td>";</script></head>
<body><div class="nav">首页 &gt; 政务公开</div>
<h1>某市人民政府2021年政府信息公开工作年度报告</h1>
<p>三、收到和处理政府信息公开申请情况</p>
<table>
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
${ROWS.map(([label, vs]) => `<tr><td colspan="3">${label}</td>${vs.map(cell).join('')}</tr>`).join('\n')}
</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table><tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
<tr>${[1, 0, 0, 0, 1, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0].map(cell).join('')}</tr></table>
<p>五、存在的主要问题及改进情况</p></body></html>`;

describe('HTML input', () => {
  const { report, source, html } = extractDetailed(PAGE);
  const byCode = new Map(report.values.map((v) => [v.code, v]));

  it('reads the table through colspan, rowspan and &nbsp; blanks', () => {
    expect(html).toBe(true);
    expect(byCode.get('requests.new:total')?.value).toBe(13);
    expect(byCode.get('requests.partlyGranted:natural')?.value).toBe(2);
    expect(byCode.get('requests.carriedForward:business')?.value).toBeNull();
    expect(byCode.get('litigation.direct.total')?.value).toBe(2);
  });

  it('points spans at the numbers in the page source', () => {
    for (const v of report.values) {
      if (v.source === 'table' && v.value !== null)
        expect(Number(source.slice(v.span[0], v.span[1]))).toBe(v.value);
    }
  });

  it('ignores markup in scripts and page furniture', () => {
    expect(report.values.some((v) => v.value === 777)).toBe(false);
  });

  it('reads a page that only exists as a JavaScript string', () => {
    const escaped = `<html><body><script>document.write("${PAGE.replace(/<!DOCTYPE html>/, '')
      .replace(/\n/g, '\\n')
      .replace(/"/g, '\\"')
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')}");</script></body></html>`;
    const r = extractDetailed(escaped).report;
    expect(new Map(r.values.map((v) => [v.code, v.value])).get('requests.new:total')).toBe(13);
  });
});
