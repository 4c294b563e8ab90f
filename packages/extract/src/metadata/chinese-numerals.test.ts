import { describe, expect, it } from 'vitest';
import {
  dateAt,
  findDates,
  isValidDate,
  parseChineseNumber,
  parseDate,
  parseDateParts,
} from './chinese-numerals.ts';
import { randomCjk, timed } from './test-helpers.ts';

describe('parseChineseNumber', () => {
  it.each<[string, number | null]>([
    ['〇', 0],
    ['○', 0],
    ['零', 0],
    ['一', 1],
    ['两', 2],
    ['九', 9],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['三十一', 31],
    ['一十二', 12],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['九百九十九', 999],
    ['一千零十', 1010],
    ['两千零一十二', 2012],
    ['三万五千', 35000],
    ['一万零一', 10001],
    ['二〇一二', 2012],
    ['二○一三', 2013],
    ['二零一九', 2019],
    ['一九九九', 1999],
    ['2017', 2017],
    [' 二十 ', 20],
    ['', null],
    ['   ', null],
    ['十十', null],
    ['二二十', null],
    ['百十', null],
    ['十百', null],
    ['一百十', null],
    ['万', null],
    ['二十a', null],
    ['年', null],
    ['12a', null],
  ])('%j → %j', (input, expected) => {
    expect(parseChineseNumber(input)).toBe(expected);
  });
});

describe('parseDate', () => {
  it.each<[string, string | null]>([
    ['2017年04月05日', '2017-04-05'],
    ['2017年4月5日', '2017-04-05'],
    ['2017年4月5号', '2017-04-05'],
    ['2015 年12月2日', '2015-12-02'],
    ['2023 年 12 月 31 日', '2023-12-31'],
    ['2017-04-05', '2017-04-05'],
    ['2017/4/5', '2017-04-05'],
    ['2017.04.05', '2017-04-05'],
    ['二〇一二年二月二十日', '2012-02-20'],
    ['二○一二年二月二十日', '2012-02-20'],
    ['二〇一二年十二月三十一日', '2012-12-31'],
    ['二〇二〇年二月二十九日', '2020-02-29'],
    ['2020年2月29日', '2020-02-29'],
    // month precision: no day, so no YYYY-MM-DD (see parseDateParts)
    ['二〇一三年一月', null],
    ['二○一三年一月', null],
    ['2013年1月', null],
    // invalid calendar dates
    ['2017年2月30日', null],
    ['2019-02-29', null],
    ['1900-02-29', null],
    ['2017年13月1日', null],
    ['2017年0月1日', null],
    ['2017年4月0日', null],
    ['2017年4月31日', null],
    ['二〇一二年二月三十日', null],
    ['二〇一二年十三月一日', null],
    // not dates
    ['2017-4/5', null],
    ['17-04-05', null],
    ['2017年', null],
    ['', null],
    ['明天', null],
    ['二〇一二年二月二十日下午', null],
  ])('%j → %j', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each<[string, ReturnType<typeof parseDateParts>]>([
    ['二〇一三年一月', { year: 2013, month: 1, day: null }],
    ['二○一三年十二月', { year: 2013, month: 12, day: null }],
    ['2013年1月', { year: 2013, month: 1, day: null }],
    ['2013年1月5日', { year: 2013, month: 1, day: 5 }],
    ['2013年13月', null],
  ])('parseDateParts(%j) → %j', (input, expected) => {
    expect(parseDateParts(input)).toEqual(expected);
  });

  it.each<[number, number, number | null, boolean]>([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [2000, 2, 29, true],
    [2100, 2, 29, false],
    [2017, 6, 31, false],
    [2017, 6, null, true],
    [1800, 1, 1, false],
  ])('isValidDate(%i, %i, %j) → %j', (y, m, d, expected) => {
    expect(isValidDate(y, m, d)).toBe(expected);
  });
});

describe('findDates', () => {
  it.each<[string, (string | null)[]]>([
    ['发布时间: 2022-02-08 16:34', ['2022-02-08']],
    ['来源:X 时间:2012-04-11 00:00 微信', ['2012-04-11']],
    ['发布日期:2017年04月05日 来源:', ['2017-04-05']],
    ['日常化。 二〇一二年二月二十日 附件1:', ['2012-02-20']],
    ['办公室\n二○一三年一月\n', [null]],
    ['统计期限自 2023 年 1 月 1 日\n起至 2023 年 12 月 31 日止', ['2023-01-01', '2023-12-31']],
    ['自2021年1月1日起至2021年12月31日止', ['2021-01-01', '2021-12-31']],
    ['统计周期为 2024 年 1 月 1 日至 12 月 31 日', ['2024-01-01']],
    ['电话:0517-87222589,邮编:223100', []],
    ['费用24252.311082万元', []],
    ['〔2019〕60号, 2035年远景目标', []],
    ['2017年2月30日', []],
    ['12017-01-01', []],
    ['2017/4/5 and 2017/4-5', ['2017-04-05']],
  ])('%j', (text, expected) => {
    expect(findDates(text).map((d) => d.iso)).toEqual(expected);
  });

  it('reports spans of the printed date', () => {
    const text = '附件 二〇一二年二月二十日 完';
    const [d] = findDates(text);
    expect(d?.span).toEqual([3, 13]);
    expect(text.slice(...(d?.span ?? [0, 0]))).toBe('二〇一二年二月二十日');
  });

  it('dateAt reads only a date starting at the position', () => {
    expect(dateAt('时间:2012-04-11 00:00', 3)?.iso).toBe('2012-04-11');
    expect(dateAt('时间: 2012-04-11', 3)).toBeNull();
  });

  it.each<[string, () => string]>([
    ['empty', () => ''],
    ['1 MB random CJK', () => randomCjk(1_000_000)],
    ['1 MB of digits', () => '2'.repeat(1_000_000)],
    ['1 MB of 年', () => '2017年'.repeat(200_000)],
    ['Chinese digits', () => '二〇一二年二月'.repeat(150_000)],
    ['blanks', () => `2017${' '.repeat(1_000_000)}年`],
  ])('is linear on hostile input: %s', (_name, make) => {
    const text = make();
    const { ms } = timed(() => findDates(text));
    expect(ms).toBeLessThan(10_000);
  });
});
