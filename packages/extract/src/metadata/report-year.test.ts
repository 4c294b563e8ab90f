import { describe, expect, it } from 'vitest';
import { findReportYear, type ReportYearSource } from './report-year.ts';
import { normalize, randomCjk, timed } from './test-helpers.ts';

type Case = [name: string, text: string, year: number | null, source?: ReportYearSource];

describe('findReportYear', () => {
  it.each<Case>([
    [
      'title with agency and 年',
      '平潭县人民政府2011年政府信息公开工作年度报告\n本报告…统计期限自2011年1月1日起至2011年12月31日。',
      2011,
      'title',
    ],
    ['title with 年度', '平潭综合实验区2016年度政府信息公开工作年度报告\n正文', 2016, 'title'],
    [
      'title in Chinese numerals',
      '二〇一九年政府信息公开工作年度报告\n一、总体情况',
      2019,
      'title',
    ],
    ['title with ○', normalize('二○一二年度政府信息公开工作年度报告\n'), 2012, 'title'],
    ['pdftotext spaces', '兴庆区 2015 年政府信息公开年度工作报告\n', 2015, 'title'],
    ['name on the line above', '洪泽区人民政府\n2023 年政府信息公开工作年度报告\n', 2023, 'title'],
    [
      'title wrapped over two lines',
      '正文\n2024 年上海市科委政府信息公开工作\n年度报告\n',
      2024,
      'title',
    ],
    [
      'crawler header',
      '标题: 平潭综合实验区2021年度政府信息公开工作年度报告\n发布时间: 2022-02-08 16:34\n',
      2021,
      'title',
    ],
    [
      'flattened page with breadcrumbs',
      '当前位置: 首页政务公开政府信息公开政府信息公开年报 平潭综合实验区2011年政府信息公开工作年度报告 来源:平潭综合实验区管委会办公室 时间:2012-04-11 00:00',
      2011,
      'title',
    ],
    ['year after the phrase', 'XX市XX局政府信息公开工作年度报告(2016年度)\n', 2016, 'title'],
    ['情况的报告 wording', '关于2018年度政府信息公开工作情况的报告\n', 2018, 'title'],
    [
      'title beats a previous-year comparison and the publication year',
      'XX区2020年政府信息公开工作年度报告\n发布日期:2021-03-01\n与2019年相比,2019年…2019年…',
      2020,
      'title',
    ],
    [
      '统计期限 when there is no title; the notice year in 《》 is ignored',
      '根据《关于做好2016年政府信息公开工作年度报告有关事项的通知》要求,本报告所列数据的统计期限自2015年1月1日起至2015年12月31日止。',
      2015,
      'period',
    ],
    [
      '统计时限 wording',
      '本报告中所列数据统计时限为2022年1月1日至2022年12月31日。',
      2022,
      'period',
    ],
    [
      '统计周期 with pdf spaces',
      '数据的统计周期\n为 2024 年 1 月 1 日至 12 月 31 日。',
      2024,
      'period',
    ],
    [
      '统计期限 in Chinese numerals',
      '统计期限自二〇一二年一月一日至二〇一二年十二月三十一日。',
      2012,
      'period',
    ],
    [
      'table title with agency',
      '二〇一二年二月二十日 附件1:平潭县人民政府2011年政府信息公开情况统计表 指标名称',
      2011,
      'table',
    ],
    [
      'table title, year after',
      '兴义市工业贸易和科学技术局政府信息公开情况统计表\n(2016年度)\n',
      2016,
      'table',
    ],
    ['table title, year after with spaces', '政府信息公开情况统计表( 2016 年度)\n', 2016, 'table'],
    [
      'table title with 年度',
      '现报告如下。\n2017年度政府信息公开情况统计表 | ||\n填报日期:2018年2月8日',
      2017,
      'table',
    ],
    ['Fujian column header', '指标名称 计量 单位 2011 年度 历年累计 主动公开信息数', 2011, 'table'],
    [
      'title-like phrase inside a sentence',
      '现将我局2016年开展政府信息公开工作年度报告如下:\n一、总体工作情况',
      2016,
      'sentence',
    ],
    [
      'links to other reports are not titles',
      '上一篇:XX县2015年政府信息公开工作年度报告\n下一篇:XX县2017年政府信息公开工作年度报告\n',
      null,
    ],
    [
      'most frequent year as a last resort',
      '2016年,我局…。2016年全年…。2016年还…。2015年…',
      2016,
      'mentions',
    ],
    ['no dominant year', '2016年,我局…。2015年全年…。', null],
    [
      'document numbers and plans are not report years',
      '国办公开办函〔2019〕60号;2035年远景目标。',
      null,
    ],
    ['empty', '', null],
    ['no dates', '政府信息公开工作年度报告', null],
  ])('%s', (_name, text, year, source) => {
    const r = findReportYear(text);
    expect(r?.year ?? null).toBe(year);
    if (source) expect(r?.source).toBe(source);
    if (r) {
      // The span points at the printed year.
      const printed = text.slice(...r.span);
      expect(printed).toMatch(/^(?:[0-9]{4}|[〇零一二三四五六七八九]{4})$/);
    }
  });

  it.each<[string, () => string]>([
    ['1 MB random CJK', () => randomCjk(1_000_000)],
    ['repeated titles', () => '政府信息公开工作年度报告'.repeat(80_000)],
    ['repeated year tokens', () => '2016年'.repeat(150_000)],
    ['repeated 统计期限', () => '统计期限'.repeat(200_000)],
    ['repeated 统计表', () => '2016年统计表('.repeat(100_000)],
    ['blanks', () => `2016${' '.repeat(1_000_000)}年政府信息公开工作年度报告`],
    ['book titles', () => `${'《'.repeat(500_000)}2016年政府信息公开工作年度报告`],
  ])('is fast on hostile input: %s', (_name, make) => {
    const text = make();
    const { ms } = timed(() => findReportYear(text));
    expect(ms).toBeLessThan(10_000);
  });

  it('returns null on 1 MB of random CJK', () => {
    expect(findReportYear(randomCjk(1_000_000))).toBeNull();
  });
});
