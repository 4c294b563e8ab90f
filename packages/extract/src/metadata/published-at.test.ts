import { describe, expect, it } from 'vitest';
import { findPublishedAt, type PublishedAt } from './published-at.ts';
import { normalize, randomCjk, timed } from './test-helpers.ts';

/** Narrative filler, so that a signature sits near the end of the text. */
const BODY = '一、总体情况\n我局认真贯彻落实《条例》,推进政府信息公开工作。\n'.repeat(10);

type Case = [name: string, text: string, date: string | null, source?: PublishedAt['source']];

describe('findPublishedAt', () => {
  it.each<Case>([
    ['crawler header', '标题: XX报告\n发布时间: 2022-02-08 16:34\n文号: \n', '2022-02-08', 'page'],
    [
      'page furniture 来源/时间',
      '平潭综合实验区2011年政府信息公开工作年度报告 来源:平潭综合实验区管委会办公室 时间:2012-04-11 00:00 微信 微博',
      '2012-04-11',
      'page',
    ],
    [
      '发布日期 in Chinese form',
      '区机关后勤2016年…报告\n发布日期:2017年04月05日 来源:大武口区政府网\n',
      '2017-04-05',
      'page',
    ],
    [
      'label and date on separate lines',
      '发布时间:\n2018-02-08 16:44\n信息来源:\n市行政服务中心\n',
      '2018-02-08',
      'page',
    ],
    [
      'full-width label after normalisation',
      normalize('发布日期：２０１５－１２－０２　'),
      '2015-12-02',
      'page',
    ],
    [
      'padded furniture',
      '来源:市机关事务管理局    时间:2017-03-21     点击:1425次',
      '2017-03-21',
      'page',
    ],
    [
      'page date preferred over the signature',
      `发布时间: 2012-04-18 00:00\n${BODY}日常化。 二〇一二年二月二十日 附件1:统计表`,
      '2012-04-18',
      'page',
    ],
    [
      '发布 label preferred over 更新',
      '更新时间:2017-05-01 发布时间:2017-04-01',
      '2017-04-01',
      'page',
    ],
    ['成文日期 when nothing better', '成文日期:2017-03-01\n正文', '2017-03-01', 'page'],
    [
      'signature under the agency name',
      `${BODY}\n\n                             榆林市机关事务管理局\n\n                                  2017年3月3日\n\n榆林市机关事务服务中心主办`,
      '2017-03-03',
      'signature',
    ],
    [
      'signature, name split by pdftotext',
      `${BODY}\n\n银川市兴 庆区人民政府办公室\n2015 年12月2日\n`,
      '2015-12-02',
      'signature',
    ],
    [
      'signature with a parenthetical second name line',
      `${BODY}驻马店市行政服务中心\n(公共资源交易中心)\n2018年2月8日\n2017年度政府信息公开情况统计表 | ||\n填报日期:2018年2月8日 | |`,
      '2018-02-08',
      'signature',
    ],
    [
      'flattened signature after the last sentence, Chinese numerals with ○',
      normalize(
        `${BODY.replaceAll('\n', ' ')}日常化。 二○一二年二月二十日 附件1:平潭县人民政府2011年政府信息公开情况统计表`,
      ),
      '2012-02-20',
      'signature',
    ],
    [
      'flattened signature after the agency',
      `${BODY.replaceAll('\n', ' ')}工作。 平潭县人民政府 二〇一二年二月二十日 附件1:统计表`,
      '2012-02-20',
      'signature',
    ],
    [
      'month-precision signature gives no day',
      `${BODY}某某县人民政府办公室\n二〇一三年一月\n`,
      null,
    ],
    [
      '填报日期 is a fill-in date, never a publication date',
      `${BODY}单位负责人:李成贵 审核人:田祥 填报人: 李雯 |\n联系电话: 0859-2290003 填报日期:2017年2月28日 |`,
      null,
    ],
    ['填表日期 as well', `${BODY}填表日期: 2017年2月28日\n`, null],
    ['统计时间 is not a page date', `统计时间:2017-01-01\n${BODY}`, null],
    [
      'dates inside sentences',
      `${BODY}2017年3月1日,我局召开会议。截至2017年12月31日,共发布信息。\n`,
      null,
    ],
    [
      'period sentence',
      `${BODY}统计期限自 2023 年 1 月 1 日\n起至 2023 年 12 月 31 日止。\n`,
      null,
    ],
    [
      'a date on its own line inside a table is not a signature',
      `${BODY}成立时间 |\n2016年5月1日 |\n`,
      null,
    ],
    ['empty', '', null],
    ['no dates', BODY, null],
  ])('%s', (_name, text, date, source) => {
    const r = findPublishedAt(text);
    expect(r?.date ?? null).toBe(date);
    if (source) expect(r?.source).toBe(source);
    if (r) expect(findPublishedAt(text.slice(r.span[0], r.span[1]))).toBeNull(); // a bare date is not labelled
  });

  it('ignores dates before the covered year when the report year is given', () => {
    const text = `发布时间: 2010-01-01 00:00\n${BODY}某某局\n2017年3月3日\n`;
    expect(findPublishedAt(text)?.date).toBe('2010-01-01');
    expect(findPublishedAt(text, { reportYear: 2016 })).toEqual({
      date: '2017-03-03',
      span: [text.lastIndexOf('2017'), text.lastIndexOf('日') + 1],
      source: 'signature',
    });
  });

  it.each<[string, () => string]>([
    ['1 MB random CJK', () => randomCjk(1_000_000)],
    ['repeated labels', () => '发布时间: '.repeat(150_000)],
    ['repeated bare labels', () => ' 时间:'.repeat(200_000)],
    ['repeated dates on lines', () => '2017年3月3日\n'.repeat(80_000)],
    ['repeated flattened dates', () => '。 2017年3月3日 '.repeat(80_000)],
    ['long blank runs', () => `XX局${' '.repeat(500_000)}2017年3月3日${' '.repeat(500_000)}`],
    [
      'one giant line then dates',
      () => `${'局'.repeat(500_000)}\n${'2017年3月3日\n'.repeat(10_000)}`,
    ],
  ])('is fast on hostile input: %s', (_name, make) => {
    const text = make();
    const { ms } = timed(() => findPublishedAt(text));
    expect(ms).toBeLessThan(10_000);
  });

  it('returns null on 1 MB of random CJK', () => {
    expect(findPublishedAt(randomCjk(1_000_000))).toBeNull();
  });
});
