import { describe, expect, it } from 'vitest';
import {
  extractJsStrings,
  htmlToText,
  isHtmlDocument,
  looksLikeHtml,
  unwrapEscapedHtml,
} from './html.ts';

describe('looksLikeHtml / isHtmlDocument', () => {
  it.each<[string, string, boolean, boolean]>([
    ['a document', '<!DOCTYPE html><html><body>x</body></html>', true, true],
    [
      'a document after crawler headers',
      'URL: http://x.gov.cn/a.html\nDate: 2024-01-01\n\n<html>\n<body>',
      true,
      true,
    ],
    ['a fragment', '<p>一、总体情况</p><table><tr><td>1</td></tr></table>', true, false],
    ['plain text', '一、总体情况\n收到申请12件。', false, false],
    ['text with a comparison', '办结率 < 90% 且 > 80%', false, false],
    ['two stray tags are not enough', 'a <b>粗体</b> b', false, false],
    [
      'escaped markup is not markup',
      'document.write("\\u003ctable\\u003e\\u003ctr\\u003e")',
      false,
      false,
    ],
  ])('%s', (_name, text, html, document) => {
    expect(looksLikeHtml(text)).toBe(html);
    expect(isHtmlDocument(text)).toBe(document);
  });
});

const TABLE = `<table border="1">
  <tr><td colspan="4">申请人情况</td></tr>
  <tr><td colspan="2" rowspan="2">&nbsp;</td><td>自然人</td><td>法人</td></tr>
  <tr><td>一、本年新收政府信息公开申请数量</td><td>12</td><td>&nbsp;</td><td></td><td> 3 </td></tr>
  <tr><td>二、上年结转</td><td>&nbsp;&nbsp;</td><td>&#12288;</td><td>0</td></tr>
  <tr><td></td><td>&nbsp;</td></tr>
</table>`;

describe('htmlToText: output', () => {
  it.each<[string, string, string]>([
    ['paragraphs become lines', '<p>一、总体情况</p><p>收到申请</p>', '一、总体情况\n收到申请'],
    [
      'inline elements do not break lines',
      '<p>收到<b>申请</b><span>12</span>件</p>',
      '收到申请12件',
    ],
    [
      '<br> breaks a line',
      '第一行<br>第二行<br/>第三行</br>第四行',
      '第一行\n第二行\n第三行\n第四行',
    ],
    ['whitespace collapses', '<p>  收到 \n\t 申请  </p>\n\n<p>\n办结</p>', '收到 申请\n办结'],
    [
      'entities are decoded',
      '<p>&lt;条例&gt; A&amp;B &#20013;&#x6587; &quot;x&quot; &copy;</p>',
      '<条例> A&B 中文 "x" ©',
    ],
    [
      'table rows become pipe lines with empty cells; spans are not expanded',
      TABLE,
      [
        '| 申请人情况 |',
        '|  | 自然人 | 法人 |',
        '| 一、本年新收政府信息公开申请数量 | 12 |  |  | 3 |',
        '| 二、上年结转 |  |  | 0 |',
      ].join('\n'),
    ],
    [
      'missing </td> and </tr> are implied',
      '<table><tr><td>a<td>1<tr><th>b<th>2</table>',
      '| a | 1 |\n| b | 2 |',
    ],
    ['cells without a row', '<table><td>a</td><td>1</td></table>', '| a | 1 |'],
    [
      'a cell keeps its blocks on one line',
      '<table><tr><td><p>收到</p><p>申请</p></td><td>1<br>2</td></tr></table>',
      '| 收到 申请 | 1 2 |',
    ],
    [
      'text around a table',
      '<p>前言</p><table><tr><td>a</td></tr></table>后记',
      '前言\n| a |\n后记',
    ],
    [
      'a layout table around a data table',
      '<table><tr><td>标题栏</td></tr><tr><td class="content"><p>正文</p><table><tr><td>收到申请</td><td>5</td></tr></table><p>结尾</p></td><td>侧栏</td></tr></table>',
      '| 标题栏 |\n正文\n| 收到申请 | 5 |\n结尾\n侧栏',
    ],
    [
      'a stray </div> in a cell does not end the cell',
      '<div><table><tr><td>a</div>b</td><td>1</td></tr></table></div>',
      '| ab | 1 |',
    ],
    ['upper-case tags', '<TABLE><TR><TD>A</TD><TD>1</TD></TR></TABLE>', '| A | 1 |'],
    ['<pre> keeps its lines', '<pre>一  12\n二  3</pre>', '一 12\n二 3'],
    [
      'scripts, styles and the head are dropped',
      '<html><head><title>报告</title><style>p{color:red}</style><script>var s="<p>x</p>";</script></head><body><noscript>请开启JavaScript</noscript><template><p>模板</p></template><iframe src="x">框架</iframe><p>正文</p></body></html>',
      '正文',
    ],
    [
      'comments are dropped',
      '<p>收到<!-- 注释 -->申请</p><!--[if IE]><p>IE</p><![endif]-->',
      '收到申请',
    ],
    [
      'navigation, header, footer, aside, form controls are dropped',
      '<header>网站首页 | 政务公开</header><nav><a>首页</a></nav><p>正文</p><aside>相关链接</aside><form><select><option>部门网站</option></select><button>搜索</button></form><footer>版权所有</footer>',
      '正文',
    ],
    [
      'furniture marked by class or id is dropped',
      '<div class="bread-crumb">当前位置：首页 &gt; 政务公开</div><div class="dqwz">首页</div><p>正文</p><div class="bdsharebuttonbox">分享到</div><div id="footer">主办单位</div><div class="share_box">微信</div>',
      '正文',
    ],
    [
      'a header inside an article is content',
      '<article><header><h1>2023年度报告</h1></header><p>正文</p></article>',
      '2023年度报告\n正文',
    ],
    [
      'a page-wide form (ASP.NET) is kept',
      `<form id="form1"><div class="nav">导航</div><p>${'收到申请12件。'.repeat(500)}</p></form>`,
      '收到申请12件。'.repeat(500),
    ],
    [
      'an unclosed footer that swallowed the report is kept',
      `<p>前言</p><div class="footer"><p>${'办结11件。'.repeat(600)}</p>`,
      `前言\n${'办结11件。'.repeat(600)}`,
    ],
    [
      'a row of blank cells is skipped',
      '<table><tr><td>&nbsp;</td><td> </td></tr><tr><td>a</td></tr></table>',
      '| a |',
    ],
    [
      'Word-generated HTML',
      '<p class=MsoNormal><![if !supportLists]><span>1.</span><![endif]><span lang=EN-US>收到申请<o:p></o:p></span></p>',
      '1.收到申请',
    ],
    [
      'a body without <body> after <head>',
      '<html><head><meta charset="gbk"><title>t</title><p>正文</p>',
      '正文',
    ],
    ['text straight after </head>', '<head><title>t</title></head>正文', '正文'],
    ['content after </body> is kept', '<body><p>正文</p></body></html><p>尾部</p>', '正文\n尾部'],
    [
      'document.write with escaped markup is read',
      '<p>前言</p><script>document.write("\\u003ctable\\u003e\\u003ctr\\u003e\\u003ctd\\u003e收到\\u003c/td\\u003e\\u003ctd\\u003e7\\u003c/td\\u003e\\u003c/tr\\u003e\\u003c/table\\u003e");</script><p>后记</p>',
      '前言\n| 收到 | 7 |\n后记',
    ],
    [
      'document.write with concatenated literals',
      '<script type="text/javascript">\ndocument.write("<table><tr>" +\n  "<td>收到<\\/td><td class=\\"n\\">8<\\/td>" + \'</tr></table>\');\n</script>',
      '| 收到 | 8 |',
    ],
    [
      'other scripts stay dropped',
      '<script>var html = "<p>模板</p>"; render(html);</script><p>正文</p>',
      '正文',
    ],
    ['empty input', '', ''],
  ])('%s', (_name, html, expected) => {
    expect(htmlToText(html).text).toBe(expected);
  });
});

describe('htmlToText: offsets', () => {
  const page = `<html><head><title>t</title></head><body>
<div class="nav">首页</div>
<h1>某市2023年政府信息公开工作年度报告</h1>
<p>本年度收到申请&nbsp;<b>123</b>&nbsp;件，办结&#49;&#50;件。</p>
${TABLE}
<script>document.write("\\u003cp\\u003e脚本里的45件\\u003c/p\\u003e");</script>
</body></html>`;
  const m = htmlToText(page);

  it('has one offset per character plus the end', () => {
    expect(m.offsets.length).toBe(m.text.length + 1);
    expect(m.offsets[m.text.length]).toBe(page.length);
    for (let i = 1; i < m.offsets.length; i++) {
      expect(m.offsets[i]).toBeGreaterThanOrEqual(0);
      expect(m.offsets[i]).toBeLessThanOrEqual(page.length);
    }
  });

  it.each<[string, string]>([
    ['某市2023年政府信息公开工作年度报告', '某市2023年政府信息公开工作年度报告'],
    ['123', '123'],
    ['一、本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请数量'],
    ['| 12 |', '12'],
    ['45', '45'],
  ])('%j maps back to source containing %j', (probe, visible) => {
    const a = m.text.indexOf(probe);
    expect(a).toBeGreaterThanOrEqual(0);
    const source = page.slice(m.offsets[a], m.offsets[a + probe.length]);
    expect(source).toContain(visible);
  });

  it.each<[number, string]>([
    [2, '&#49;'],
    [3, '&#50;'],
  ])('a decoded entity (办结12件 index %i) points at its %j', (index, entity) => {
    const at = m.offsets[m.text.indexOf('办结12件') + index] as number;
    expect(page.slice(at, at + entity.length)).toBe(entity);
  });
});

describe('unwrapEscapedHtml', () => {
  it.each<[string, string, string | null]>([
    ['plain text', '收到申请12件', null],
    ['an HTML fragment', '<p>收到</p><p>申请</p><p>12</p>', null],
    ['a couple of escapes are not a page', 'a \\u003cb\\u003e c', null],
    [
      'document.write with \\u003c',
      'document.write("\\u003cp\\u003e收到\\u003c/p\\u003e\\u003cp\\u003e12\\u003c/p\\u003e");',
      '<p>收到</p><p>12</p>',
    ],
    [
      'document.write with \\x3c and \\/',
      "document.write('\\x3ctable\\x3e\\x3ctr\\x3e\\x3ctd\\x3e1<\\/td><\\/tr><\\/table>')",
      '<table><tr><td>1</td></tr></table>',
    ],
    [
      'a JSON body (keys dropped)',
      '{"title":"2023年报","content":"\\u003cp class=\\"a\\"\\u003e收到\\u003c/p\\u003e\\u003cp\\u003e12\\u003c/p\\u003e","id":7}',
      '2023年报\n<p class="a">收到</p><p>12</p>',
    ],
    [
      'escapes inside ordinary text',
      '抓取时间 2024\n\\u003cp\\u003e收到\\u003c/p\\u003e\\u003cp\\u003e12\\u003c/p\\u003e\\n',
      '抓取时间 2024\n<p>收到</p><p>12</p>\n',
    ],
    [
      'an entity-encoded page',
      '&lt;table&gt;&lt;tr&gt;&lt;td&gt;收到&amp;办结&lt;/td&gt;&lt;td&gt;&amp;nbsp;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;',
      '<table><tr><td>收到&办结</td><td>&nbsp;</td></tr></table>',
    ],
    [
      'numeric entities',
      '&#60;p&#62;a&#x3c;/p&#x3e;&#60;p&#62;b&#60;/p&#62;&#60;br&#62;',
      '<p>a</p><p>b</p><br>',
    ],
  ])('%s', (_name, input, expected) => {
    expect(unwrapEscapedHtml(input)?.text ?? null).toBe(expected);
  });

  it('maps unescaped characters to their escapes', () => {
    const input = 'x="\\u003cp\\u003e收到\\u003c/p\\u003e\\u003cp\\u003e\\u003c/p\\u003e"';
    const m = unwrapEscapedHtml(input);
    expect(m?.text).toBe('<p>收到</p><p></p>');
    if (!m) return;
    expect(input.slice(m.offsets[0], m.offsets[1])).toBe('\\u003c');
    const a = m.text.indexOf('收到');
    expect(input.slice(m.offsets[a], m.offsets[a + 2])).toBe('收到');
    expect(m.offsets[m.text.length]).toBe(input.length);
  });
});

describe('extractJsStrings', () => {
  it.each<[string, string, string]>([
    ['concatenation joins', '"a" + \'b\' +\n `c`', 'abc'],
    ['separate statements separate', 'x("a"); y("b");', 'a\nb'],
    ['comments are skipped', '// "no"\n/* "no" */ "yes"', 'yes'],
    ['escapes', '"\\t\\"\\\\\\/\\u4e2d\\x41\\u{1F600}"', '\t"\\/中A😀'],
    ['an unterminated literal ends at the line', '"abc\nd("e")', 'abc\ne'],
  ])('%s', (_name, source, expected) => {
    expect(extractJsStrings(source, 0, source.length).text).toBe(expected);
  });
});

/** Deterministic pseudo-random text, with plenty of `<`, `&`, quotes and high characters. */
function junk(length: number, seed = 42): string {
  const alphabet = '<<>>&&;#/"\'=!-abcdxy 数字\n\u0000\u00A0\uFFFD\\u003c';
  let x = seed;
  const parts: string[] = [];
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    parts.push(alphabet[x % alphabet.length] as string);
  }
  return parts.join('');
}

describe('hostile input stays linear', () => {
  const MB = 1024 * 1024;
  it.each<[string, () => string]>([
    ['10 MB of <', () => '<'.repeat(10 * MB)],
    ['2 M unclosed <div>', () => '<div>'.repeat(2 * MB)],
    ['2 M unclosed <td>', () => '<td>'.repeat(2 * MB)],
    ['nested tables in cells', () => '<table><tr><td>x'.repeat(600_000)],
    ['many rows', () => `<table>${'<tr><td>a<td>1'.repeat(700_000)}`],
    [
      'end tags that cannot close anything',
      () => `<em><table><tr><td>${'<span>'.repeat(1000)}${'</em>'.repeat(2 * MB)}`,
    ],
    ['implied paragraph ends', () => '<p>'.repeat(3 * MB)],
    ['furniture inside furniture', () => '<div class="nav">'.repeat(500_000)],
    ['an unclosed attribute', () => `<a href="${'x'.repeat(10 * MB)}`],
    ['an unclosed comment', () => `<!--${'x'.repeat(10 * MB)}`],
    ['an unclosed script', () => `<script>document.write("${'\\u003cp'.repeat(MB)}`],
    ['ampersands', () => '&&#&#x&lt'.repeat(MB)],
    ['binary-ish garbage', () => junk(5 * MB)],
    [
      'ampersands in an entity-encoded page',
      () => `&lt;p&gt;&lt;p&gt;&lt;p&gt;${'&'.repeat(5 * MB)}`,
    ],
    [
      'unfinished \\u{ escapes in a JavaScript-escaped page',
      () => `\\u003c\\u003c\\u003c${'\\u{'.repeat(2 * MB)}`,
    ],
    [
      'an unterminated template literal',
      () => `document.write(\`\\u003cp\\u003e<\\/p><\\/p>${'x'.repeat(5 * MB)}`,
    ],
  ])(
    '%s',
    (_name, make) => {
      const input = make();
      const started = performance.now();
      const m = htmlToText(input);
      const unwrapped = unwrapEscapedHtml(input);
      const ms = performance.now() - started;
      expect(m.offsets.length).toBe(m.text.length + 1);
      if (unwrapped) expect(unwrapped.offsets.length).toBe(unwrapped.text.length + 1);
      expect(ms).toBeLessThan(10_000);
    },
    30_000,
  );
});
