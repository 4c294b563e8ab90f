import { describe, expect, it } from 'vitest';
import { detectRowForm, readRowTable } from './row-table.ts';

const values = (text: string, form: 'provincial' | 'national-2014') =>
  Object.fromEntries(readRowTable(text, form).values.map((v) => [v.code, v.value]));

describe('readRowTable', () => {
  it('splits a glued two-column local table by its 其中 rows', () => {
    const text =
      '附件1:平潭县人民政府2011年政府信息公开情况统计表 指标名称计量单位2011年度历年累计主动公开信息数条4251516其中:1.网站公开条41815092.政府公报公开条77受理依申请公开信息总数条00其中:1.当面申请数条002.传真申请数条00行政复议数条00';
    expect(values(text, 'provincial')).toMatchObject({
      'proactive.items': 425,
      'proactive.items:cumulative': 1516,
      'proactive.channels.website': 418,
      'proactive.channels.website:cumulative': 1509,
      'proactive.channels.gazette': 7,
      'requests.received.fax': 0,
      'review.total:cumulative': 0,
    });
  });

  it('reads one cell per line, blanks as null, and leaves out section rows without a figure', () => {
    const text =
      '统计指标 |\n单位 |\n统计数 |\n一、主动公开情况 |\n— |\n4236 |\n(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条) |\n条 |\n2320 |\n1.政府公报公开政府信息数 |\n条 |\n|\n三、依申请公开情况 |\n— |\n|\n(一)收到申请数 |\n件 |\n|\n四、行政复议数量 |\n件 |\n2 |\n(一)维持具体行政行为数 |\n件 |\n1 |\n(二)被依法纠错数 |\n件 |\n1 |\n五、行政诉讼数量 |\n件 |\n0 |\n(二)被依法纠错数 |\n件 |\n0 |\n';
    const v = values(text, 'national-2014');
    expect(v).toMatchObject({
      'proactive.sectionTotal': 4236,
      'proactive.items': 2320,
      'proactive.channels.gazette': null,
      'requests.received': null,
      'review.corrected': 1,
      'litigation.corrected': 0,
    });
    expect(v).not.toHaveProperty('requests.sectionTotal');
  });

  it('tells the national table from a local one', () => {
    const national =
      '统计指标 | 单位 | 统计数 |\n(一)收到申请数 | 件 | 0 |\n(二)申请办结数 | 件 | 0 |\n1.按时办结数 | 件 | 0 |\n(三)申请答复数 | 件 | 0 |\n2.同意公开答复数 | 件 | 0 |\n';
    expect(detectRowForm(national)?.form).toBe('national-2014');
    const local =
      '指标名称 计量单位 2011年度 历年累计 主动公开信息数 条 5 9 受理依申请公开信息总数 条 0 0 其中:1.当面申请数 条 0 0 3.电子邮件申请数 条 0 0 否决公开答复数 条 0 0';
    expect(detectRowForm(local)?.form).toBe('provincial');
  });
});
