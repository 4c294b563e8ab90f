import { describe, expect, it } from 'vitest';
import {
  type AgencyLevel,
  agencyId,
  agencyLevel,
  isGovernmentReport,
  normalizeAgencyName,
  pinyinKeys,
  pinyinTokens,
} from './agency-identity.ts';

describe('normalizeAgencyName', () => {
  it.each([
    ['广州市教育局', '广州市教育局'],
    ['广州市 教育局', '广州市教育局'],
    ['\u3000广州市\t教育局\n', '广州市教育局'],
    ['广州市\u200B教育局', '广州市教育局'],
    ['广州市教育局(广州市语言文字工作委员会)', '广州市教育局（广州市语言文字工作委员会）'],
    ['广州市教育局（广州市语言文字工作委员会）', '广州市教育局（广州市语言文字工作委员会）'],
    ['ＡＢＣ管委会', 'ABC管委会'],
    ['广州市教育局政府信息公开工作年度报告', '广州市教育局'],
    ['广州市教育局政府信息公开年度报告', '广州市教育局'],
    ['广州市教育局年度报告', '广州市教育局'],
    ['2023年广州市教育局政府信息公开工作年度报告', '广州市教育局'],
    ['2023年度广州市教育局', '广州市教育局'],
    ['广州市教育局2023年政府信息公开工作年度报告', '广州市教育局'],
    ['广州市教育局2023年度政府信息公开工作年度报告', '广州市教育局'],
    ['《广州市教育局2023年政府信息公开工作年度报告》', '广州市教育局'],
    ['“广州市教育局”。', '广州市教育局'],
    ['—广州市教育局—', '广州市教育局'],
    ['（广州市）教育局', '（广州市）教育局'],
    ['（广州市）教育局（分局）', '（广州市）教育局（分局）'],
    ['《（广州市）教育局》', '（广州市）教育局'],
    ['中共广州市委（广州市人民政府）', '中共广州市委（广州市人民政府）'],
    ['广州市教育局）', '广州市教育局'],
    ['年度报告', '年度报告'],
    ['', ''],
    ['   ', ''],
    ['。，、', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeAgencyName(input)).toBe(expected);
  });
});

describe('agencyId', () => {
  const base = agencyId('440100', '广州市教育局');
  it('has the region, a dash and 10 base32 characters', () => {
    expect(base).toMatch(/^440100-[a-z2-7]{10}$/);
  });
  it.each([
    ['440100', '广州市 教育局', true],
    ['440100', '广州市教育局2023年政府信息公开工作年度报告', true],
    ['440100', '　广州市教育局　', true],
    ['440100', '广州市教育局。', true],
    ['440200', '广州市教育局', false],
    [null, '广州市教育局', false],
    ['440100', '广州市财政局', false],
  ] as const)('(%s, %j) same as 440100 广州市教育局: %s', (region, name, same) => {
    expect(agencyId(region, name) === base).toBe(same);
  });
  it('uses 000000 for an unknown region', () => {
    expect(agencyId(null, '某局')).toMatch(/^000000-[a-z2-7]{10}$/);
  });
  it('is stable (a fixed vector)', () => {
    // sha256("abc") = ba7816bf…; its base32 starts xj4bnp4pah.
    expect(agencyId('110000', 'abc')).toBe('110000-xj4bnp4pah');
  });
  it('bracket width does not matter', () => {
    expect(agencyId('1', 'A局(B)')).toBe(agencyId('1', 'A局（B）'));
  });
});

describe('agencyLevel', () => {
  it.each<[string, 'province' | 'city' | 'county' | null, AgencyLevel]>([
    ['广东省人民政府', 'province', 'province'],
    ['广州市人民政府', 'city', 'city'],
    ['天河区人民政府', 'county', 'county'],
    ['天河区 人民政府', 'county', 'county'],
    ['广州市人民政府办公厅', 'city', 'department'],
    ['广州市人民政府办公室', 'city', 'department'],
    ['广州市人民政府国有资产监督管理委员会', 'city', 'department'],
    ['广州市教育局', 'city', 'department'],
    ['广州开发区管委会', 'city', 'department'],
    ['新塘镇人民政府', 'county', 'township'],
    ['某某乡人民政府', 'county', 'township'],
    ['某某乡政府', null, 'township'],
    ['某某镇政府', 'county', 'township'],
    ['林和街道办事处', 'county', 'township'],
    ['林和街道办事处', null, 'township'],
    ['广州市人民政府', null, 'department'],
    ['广州市人民政府2023年政府信息公开工作年度报告', 'city', 'city'],
    ['', 'city', 'department'],
  ])('%j (%s) → %s', (name, region, expected) => {
    expect(agencyLevel(name, region)).toBe(expected);
  });
});

describe('isGovernmentReport', () => {
  it.each([
    ['广州市人民政府', true],
    ['广州市 人民政府', true],
    ['新塘镇人民政府', true],
    ['广州市人民政府2023年政府信息公开工作年度报告', true],
    ['广州市人民政府办公厅', false],
    ['广州市人民政府办公室', false],
    ['广州市人民政府国有资产监督管理委员会', false],
    ['广州市教育局', false],
    ['林和街道办事处', false],
    ['', false],
  ])('%j → %s', (name, expected) => {
    expect(isGovernmentReport(name)).toBe(expected);
  });
});

describe('pinyinKeys', () => {
  it.each([
    ['广州市教育局', 'guangzhoushijiaoyuju', 'gzsjyj'],
    ['重庆市', 'chongqingshi', 'cqs'],
    ['长沙市', 'changshashi', 'css'],
    ['绿化局', 'lvhuaju', 'lhj'],
    ['广州市 教育局', 'guangzhoushijiaoyuju', 'gzsjyj'],
    ['G20峰会办', 'g20fenghuiban', 'g20fhb'],
    ['ＣＢＤ管委会', 'cbdguanweihui', 'cbdgwh'],
    ['某局（第2分局）', 'moujudi2fenju', 'mjd2fj'],
    ['！@#￥%……&*', '', ''],
    ['', '', ''],
  ])('%j → %s / %s', (name, full, initials) => {
    expect(pinyinKeys(name)).toEqual({ full, initials });
  });
});

describe('pinyinTokens', () => {
  it.each([
    [
      '广州市',
      [
        ['guang', true],
        ['zhou', true],
        ['shi', true],
      ],
    ],
    [
      'A区12号',
      [
        ['a', false],
        ['qu', true],
        ['12', false],
        ['hao', true],
      ],
    ],
    ['、。', []],
  ] as const)('%j', (name, expected) => {
    expect(pinyinTokens(name).map((t) => [t.text, t.han])).toEqual(expected);
  });
});
