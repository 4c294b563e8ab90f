import { describe, expect, it } from 'vitest';
import { readGovTables } from './gov-tables.ts';

const values = (text: string) =>
  Object.fromEntries(readGovTables(text).values.map((v) => [v.code, v.value]));
const row = (vals: Record<string, number | null>, code: string) =>
  ['natural', 'business', 'research', 'nonprofit', 'legal', 'other', 'total'].map(
    (c) => vals[`${code}:${c}`],
  );

// Table 三 of the 2021 format flattened with no separators, as some sites publish it.
const GLUED_2021 =
  '三、收到和处理政府信息公开申请情况(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他' +
  '一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量0000000三、本年度办理结果(一)予以公开270020130(二)部分公开(区分处理的,只计这一情形,不计其他情形)500000 5' +
  '(三)不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”00000004.保护第三方合法权益00000005.属于三类内部事务信息10000016.属于四类过程性信息00000007.属于行政执法案卷60000068.属于行政查询事项1000001' +
  '(四)无法提供1.本机关不掌握相关政府信息2200003252.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000(五)不予处理1.信访举报投诉类申请00000002.重复申请00000003.要求提供公开出版物00000004.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000' +
  '(六)其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请00000002.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请00000003.其他1000001(七)总计630020469四、结转下年度继续办理1000001 ' +
  '四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计10203120001200000五、存在的主要问题及改进情况';

describe('readGovTables', () => {
  it('splits glued rows by the row and column identities', () => {
    const r = readGovTables(GLUED_2021);
    expect(r.form).toBe('gov-2021');
    const v = values(GLUED_2021);
    expect(row(v, 'requests.new')).toEqual([64, 0, 0, 2, 0, 4, 70]);
    // 2/7/0/0/20/1/30 also sums, but would break the 商业企业 column.
    expect(row(v, 'requests.granted')).toEqual([27, 0, 0, 2, 0, 1, 30]);
    expect(row(v, 'requests.unavailable.notHeld')).toEqual([22, 0, 0, 0, 0, 3, 25]);
    expect(row(v, 'requests.denied.deliberative')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(v, 'requests.carriedForward')).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it('splits 17 digits into the 15 cells of table 四 by the group totals', () => {
    const v = values(GLUED_2021);
    expect([
      v['review.upheld'],
      v['review.other'],
      v['review.total'],
      v['litigation.direct.upheld'],
      v['litigation.direct.total'],
      v['litigation.afterReview.total'],
    ]).toEqual([1, 2, 3, 12, 12, 0]);
  });

  it('reads a 2019 table 二 with glued cells through plausibility, with lower confidence', () => {
    const text =
      '二、主动公开政府信息情况 第二十条第(一)项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件898989第二十条第(五)项信息内容上一年项目数量本年增/减处理决定数量行政许可3960181其他对外管理服务事项100153第二十条第(八)项信息内容上一年项目数量本年增/减行政事业性收费350第二十条第(九)项信息内容采购项目数量采购总金额政府集中采购13575394432.52元三、收到和处理政府信息公开申请情况';
    const r = readGovTables(text);
    expect(r.form).toBe('gov-2019');
    const v = Object.fromEntries(r.values.map((x) => [x.code, x]));
    expect([
      v['art20.normativeDocs.made']?.value,
      v['art20.normativeDocs.published']?.value,
      v['art20.normativeDocs.total']?.value,
    ]).toEqual([89, 89, 89]);
    expect([
      v['art20.licensing.previous']?.value,
      v['art20.licensing.change']?.value,
      v['art20.licensing.decisions']?.value,
    ]).toEqual([396, 0, 181]);
    expect([
      v['art20.otherServices.previous']?.value,
      v['art20.otherServices.change']?.value,
    ]).toEqual([10, 0]);
    expect([v['art20.fees.previous']?.value, v['art20.fees.change']?.value]).toEqual([35, 0]);
    expect(v['art20.procurement.amount']).toMatchObject({ value: 75394432.52, unit: '元' });
    expect(v['art20.licensing.decisions']?.confidence).toBeLessThan(1);
  });

  it('keeps blanks as null and a blank total with its row', () => {
    const text = `申请人情况\n| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n| 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 |  |\n| (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n| (七)总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n四、政府信息公开行政复议、行政诉讼情况\n`;
    const v = values(text);
    expect(row(v, 'requests.carriedOver')).toEqual([1, 0, 0, 0, 0, 0, null]);
  });

  it('finds nothing in a narrative-only report', () => {
    expect(readGovTables('2015年本机关未收到政府信息公开申请,无行政复议。').values).toEqual([]);
  });
});
