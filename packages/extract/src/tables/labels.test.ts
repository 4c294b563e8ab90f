import { describe, expect, it } from 'vitest';
import { compactView, findLabels, labelKey } from './labels.ts';

describe('labelKey', () => {
  it.each([
    ['一、本年新收政府信息公开申请数量', '本年新收政府信息公开申请数量'],
    ['(一)予以公开', '予以公开'],
    ['2.其他法律行政法规禁止公开', '其他法律行政法规禁止公开'],
    ['其中:1.网站公开', '网站公开'],
    ['其中：主动公开规范性文件数', '主动公开规范性文件数'],
    ['社会公益 组织', '社会公益组织'],
  ])('%s → %s', (label, key) => expect(labelKey(label)).toBe(key));
});

const find = (
  text: string,
  targets: { target: string; keys: string[]; ordinal?: number; numbered?: boolean }[],
) => findLabels(compactView(text), targets).map((h) => [h.target, text.slice(h.start, h.end)]);

describe('findLabels', () => {
  it('takes the expected ordinal, not a glued value digit, as numbering', () => {
    const text = '1.属于国家秘密00000002.其他法律行政法规禁止公开0000000';
    expect(
      find(text, [
        { target: 'a', keys: ['属于国家秘密'], ordinal: 1 },
        { target: 'b', keys: ['其他法律行政法规禁止公开'], ordinal: 2 },
      ]),
    ).toEqual([
      ['a', '1.属于国家秘密'],
      ['b', '2.其他法律行政法规禁止公开'],
    ]);
  });

  it('does not take a two-digit value as an unknown ordinal', () => {
    // 网站公开条4181509 then 2.政府公报公开: only the single digit before the dot is numbering.
    expect(
      find('网站公开条41815092.政府公报公开条77', [{ target: 'g', keys: ['政府公报公开'] }]),
    ).toEqual([['g', '2.政府公报公开']]);
  });

  it('matches labels broken by spaces and line breaks', () => {
    expect(
      find('三、本年度办 理结果\n社会公益\n组织', [{ target: 'x', keys: ['社会公益组织'] }]),
    ).toEqual([['x', '社会公益\n组织']]);
  });

  it('prefers the longest key where keys overlap', () => {
    expect(
      find('对申请的答复总数条00', [
        { target: 'short', keys: ['对申请的答复数'] },
        { target: 'long', keys: ['对申请的答复总数'] },
      ]),
    ).toEqual([['long', '对申请的答复总数']]);
  });

  it('needs the numbering for a two-character key of a numbered label', () => {
    const targets = [{ target: 'resolved', keys: ['总计'], numbered: true }];
    expect(find('其他结果尚未审结总计', targets)).toEqual([]);
    expect(find('(七)总计630020469', targets)).toEqual([['resolved', '(七)总计']]);
  });

  it('takes a parenthesised remark into the label unless cells wrapped into it', () => {
    const t = [{ target: 'p', keys: ['主动公开政府信息数'] }];
    expect(find('主动公开政府信息数(不同渠道和方式公开相同信息计1条) | 条 | 0 |', t)).toEqual([
      ['p', '主动公开政府信息数(不同渠道和方式公开相同信息计1条)'],
    ]);
    expect(
      find('部分公开(区分处理的,只计这一情\n 447 7 0 0 0 0 454\n 形)', [
        { target: 'q', keys: ['部分公开'] },
      ]),
    ).toEqual([['q', '部分公开']]);
  });
});
