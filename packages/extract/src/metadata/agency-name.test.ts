import { describe, expect, it } from 'vitest';
import { type AgencySource, findAgencyName } from './agency-name.ts';
import { normalize, randomCjk, timed } from './test-helpers.ts';

const BODY = '一、总体情况\n我局认真贯彻落实《条例》,推进政府信息公开工作。\n'.repeat(10);

type Case = [name: string, text: string, expected: string | null, source?: AgencySource];

describe('findAgencyName', () => {
  it.each<Case>([
    [
      'title with the agency before the year',
      '平潭县人民政府2011年政府信息公开工作年度报告\n',
      '平潭县人民政府',
      'title',
    ],
    [
      'crawler 标题 line',
      '标题: 某某市人民政府办公室2016年政府信息公开工作年度报告\n发布机构: \n',
      '某某市人民政府办公室',
      'title',
    ],
    [
      'agency between year and phrase',
      '正文\n2024 年上海市科委政府信息公开工作\n年度报告\n',
      '上海市科委',
      'title',
    ],
    [
      'agency on the line above the title; the compiling office in the preamble is not taken',
      '洪泽区人民政府\n2023 年政府信息公开工作年度报告\n本报告由淮安市洪泽区人民政府办公室根据《条例》要求编制此报告。',
      '洪泽区人民政府',
      'title',
    ],
    [
      'pdftotext -layout indentation',
      '            淮安市人民政府\n     2024 年政府信息公开工作年度报告\n',
      '淮安市人民政府',
      'title',
    ],
    [
      '人民 lent to 政府信息公开',
      '淮安市人民政府信息公开工作年度报告\n',
      '淮安市人民政府',
      'title',
    ],
    [
      'title with 关于',
      '某某县财政局关于2016年度政府信息公开工作情况的报告\n',
      '某某县财政局',
      'title',
    ],
    [
      'year after the phrase',
      '某某市交通运输局政府信息公开工作年度报告(2016年度)\n',
      '某某市交通运输局',
      'title',
    ],
    [
      'breadcrumbs are cut off',
      '当前位置:首页>政务公开>年报>某某县人民政府2015年政府信息公开工作年度报告\n',
      '某某县人民政府',
      'title',
    ],
    [
      'place-only title expanded by the table title',
      '当前位置: 首页政务公开政府信息公开政府信息公开年报 平潭综合实验区2011年政府信息公开工作年度报告 来源:平潭综合实验区管委会办公室 时间:2012-04-11 00:00\n…\n附件1:平潭综合实验区管委会2011年政府信息公开情况统计表 指标名称',
      '平潭综合实验区管委会',
      'table',
    ],
    [
      'place-only title kept when 来源 names another body',
      '平潭综合实验区2021年度政府信息公开工作年度报告 来源:平潭县人民政府 时间:2022-02-08 16:34',
      '平潭综合实验区',
      'title',
    ],
    [
      'place-only title expanded by the header line and signature',
      `兴庆区2015年政府信息公开年度工作报告\n\n发布日期:2015-12-02\n\n银川市兴庆区人民政府办公室\n\n兴庆区 2015 年政府信息公开年度工作报告\n${BODY}\n银川市兴 庆区人民政府办公室\n2015 年12月2日`,
      '银川市兴庆区人民政府办公室',
    ],
    [
      'relative short form expanded by 填报单位; a website 来源 is not the issuer',
      `当前位置:首页 > 政府信息公开 > 政府信息公开年报\n区机关后勤2016年政府信息公开工作年度报告\n发布日期:2017年04月05日 来源:大武口区政府网\n${BODY}政府信息公开情况统计表( 2016 年度)\n填报单位(盖章):大武口机关后勤服务中心\n`,
      '大武口机关后勤服务中心',
      'filler',
    ],
    [
      'table title when there is no report title; an empty 填报单位 does not take the next line',
      `现将我局2016年开展政府信息公开工作年度报告如下:\n${BODY}附件1:\n兴义市工业贸易和科学技术局政府信息公开情况统计表\n(2016年度)\n填报单位(盖章):\n统 计 指 标 |\n`,
      '兴义市工业贸易和科学技术局',
      'table',
    ],
    [
      'signature, with a parenthetical second line',
      `发布时间:\n2018-02-08 16:44\n信息来源:\n市行政服务中心\n${BODY}驻马店市行政服务中心\n(公共资源交易中心)\n2018年2月8日\n2017年度政府信息公开情况统计表 | ||\n填报单位(盖章):驻马店市行政服务中心 |`,
      '驻马店市行政服务中心',
      'signature',
    ],
    [
      'signature beats a site footer',
      `2016年政府信息公开工作年度报告\n来源:市机关事务管理局    时间:2017-03-21\n${BODY}\n                             榆林市机关事务管理局\n\n                                  2017年3月3日\n\n榆林市机关事务服务中心主办   网站地图`,
      '榆林市机关事务管理局',
      'signature',
    ],
    ['customs office', '上海海关2019年政府信息公开工作年度报告\n', '上海海关', 'title'],
    ['federation', '标题: 某某市残联2020年政府信息公开工作年度报告\n', '某某市残联', 'title'],
    [
      'place-only title glued to 政府信息公开 reads as the place government',
      '某某县政府信息公开工作年度报告(2016年度)\n',
      '某某县政府',
      'title',
    ],
    [
      '发布机构 field',
      '发布机构: 某某市生态环境局\n栏目: 年报\n正文',
      '某某市生态环境局',
      'publisher',
    ],
    ['empty 发布机构 does not take the next label', '发布机构: \n栏目: 政府信息公开年报\n', null],
    ['填报单位 field', '填报单位(盖章):驻马店市行政服务中心 |\n', '驻马店市行政服务中心', 'filler'],
    [
      'preamble 本报告由',
      '本报告由某某市人民政府办公室根据《条例》规定编制。',
      '某某市人民政府办公室',
      'preamble',
    ],
    ['preamble XX编制了本报告', '根据要求,某某区司法局编制了本报告。', '某某区司法局', 'preamble'],
    [
      'title-like phrase in a sentence',
      '根据我局实际,编制2016年度榆林市机关事务管理局信息公开工作年度报告。',
      '榆林市机关事务管理局',
      'preamble',
    ],
    ['来源 naming a body', '来源:市机关事务管理局 时间:2017-03-21', '市机关事务管理局', 'source'],
    ['来源 naming a website only', '来源:大武口区政府网\n', null],
    [
      'contact office as a last resort',
      '如对本报告有疑问,请与某某县人民政府办公室联系(地址:…)。',
      '某某县人民政府办公室',
      'contact',
    ],
    [
      'names in 《》 are not titles',
      '根据《某某市人民政府办公室关于做好2016年政府信息公开工作年度报告的通知》要求',
      null,
    ],
    [
      'full-width input after normalisation',
      normalize('填报单位（盖章）：某某县水利局　'),
      '某某县水利局',
      'filler',
    ],
    ['empty', '', null],
    ['no names', BODY, null],
  ])('%s', (_name, text, expected, source) => {
    const r = findAgencyName(text);
    expect(r?.name ?? null).toBe(expected);
    if (source) expect(r?.source).toBe(source);
    if (r) {
      expect(r.candidates[0]).toBe(r.name);
      // The span covers the name as printed (blanks inside removed).
      expect(text.slice(...r.span).replace(/\s/g, '')).toContain(r.name.slice(0, 2));
    }
  });

  it('lists the other names found as candidates', () => {
    const text =
      '平潭综合实验区2011年政府信息公开工作年度报告 来源:平潭综合实验区管委会办公室 时间:2012-04-11\n附件1:平潭综合实验区管委会2011年政府信息公开情况统计表';
    expect(findAgencyName(text)?.candidates).toEqual([
      '平潭综合实验区管委会',
      '平潭综合实验区',
      '平潭综合实验区管委会办公室',
    ]);
  });

  it.each<[string, () => string]>([
    ['1 MB random CJK', () => randomCjk(1_000_000)],
    ['repeated titles', () => '某某局2016年政府信息公开工作年度报告\n'.repeat(40_000)],
    ['repeated field labels', () => '来源:'.repeat(300_000)],
    ['repeated 统计表', () => '某某局统计表'.repeat(150_000)],
    ['repeated preamble', () => '本报告由'.repeat(250_000)],
    ['repeated contact', () => '请与某某局联系'.repeat(120_000)],
    ['giant first line', () => '局'.repeat(1_000_000)],
    ['names and dates', () => '某某局\n2017年3月3日\n'.repeat(60_000)],
  ])('is fast on hostile input: %s', (_name, make) => {
    const text = make();
    const { ms } = timed(() => findAgencyName(text));
    expect(ms).toBeLessThan(10_000);
  });

  it('returns null on 1 MB of random CJK', () => {
    expect(findAgencyName(randomCjk(1_000_000))).toBeNull();
  });
});
