import { describe, expect, it } from 'vitest';
import {
  compareQuery,
  defaultPair,
  findingsBadge,
  otherNames,
  regionLine,
  type YearReport,
} from './agency-reports.ts';

const r = (year: number): YearReport => ({ reportId: `350128-abcdefghij-${year}`, year });

describe('findingsBadge', () => {
  it.each([
    [3, '3 项疑点'],
    [1, '1 项疑点'],
    [0, null],
    [null, null],
    [undefined, null],
  ])('%s → %s', (count, expected) => {
    expect(findingsBadge(count)).toBe(expected);
  });
});

describe('defaultPair', () => {
  it.each<[string, YearReport[], [string, string] | null]>([
    [
      'the two newest, older first',
      [r(2022), r(2021), r(2019)],
      [r(2021).reportId, r(2022).reportId],
    ],
    [
      'order of the input does not matter',
      [r(2019), r(2022), r(2021)],
      [r(2021).reportId, r(2022).reportId],
    ],
    ['one report cannot be compared', [r(2022)], null],
    ['no reports', [], null],
  ])('%s', (_name, reports, expected) => {
    expect(defaultPair(reports)).toEqual(expected);
  });
});

describe('compareQuery', () => {
  const reports = [r(2022), r(2021), r(2019)];
  it.each<[string, string[], { reports: string } | null]>([
    [
      'older year first',
      [r(2022).reportId, r(2019).reportId],
      { reports: `${r(2019).reportId},${r(2022).reportId}` },
    ],
    [
      'already in order',
      [r(2021).reportId, r(2022).reportId],
      { reports: `${r(2021).reportId},${r(2022).reportId}` },
    ],
    ['the same year twice', [r(2021).reportId, r(2021).reportId], null],
    ['an unknown report', [r(2021).reportId, 'x'], null],
    ['only one chosen', [r(2021).reportId], null],
    ['three chosen', [r(2019).reportId, r(2021).reportId, r(2022).reportId], null],
  ])('%s', (_name, chosen, expected) => {
    expect(compareQuery(reports, chosen)).toEqual(expected);
  });
});

describe('regionLine and otherNames', () => {
  it.each([
    [['福建省', '福州市', '平潭县'], '福建省 · 福州市 · 平潭县'],
    [[], ''],
  ])('%j', (path, expected) => {
    expect(regionLine(path)).toBe(expected);
  });

  it.each([
    ['甲局', ['甲局'], []],
    ['甲局', ['甲局', '甲市甲局', '甲市甲局'], ['甲市甲局']],
    ['甲局', [], []],
  ])('%s %j', (name, aliases, expected) => {
    expect(otherNames(name, aliases)).toEqual(expected);
  });
});
