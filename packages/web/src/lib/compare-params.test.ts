import { describe, expect, it } from 'vitest';
import {
  type CompareSlot,
  chosenReportIds,
  compareLocation,
  defaultReportId,
  missingReportIds,
  parseCompareParam,
  pickerProblem,
  slotsFromIds,
} from './compare-params.ts';

const A = '440100-abcdefghij-2021';
const B = '440100-abcdefghij-2019';
const C = '350128-ei4mvy7sod-2022';
const D = '350128-ei4mvy7sod-2021';
const E = '350128-ei4mvy7sod-2020';
const F = '350128-ei4mvy7sod-2019';

describe('parseCompareParam', () => {
  it.each<[string, Parameters<typeof parseCompareParam>[0], string[], string[], string[]]>([
    ['nothing', undefined, [], [], []],
    ['null', null, [], [], []],
    ['empty', '', [], [], []],
    ['two ids', `${A},${B}`, [A, B], [], []],
    ['order kept', `${B},${A}`, [B, A], [], []],
    ['repeats once', `${A},${A},${B}`, [A, B], [], []],
    ['spaces and empty parts', ` ${A} ,, ${B} ,`, [A, B], [], []],
    ['full-width comma', `${A}，${B}`, [A, B], [], []],
    ['upper case typed', `${A.toUpperCase()},${B}`, [A, B], [], []],
    ['repeated parameter', [A, B], [A, B], [], []],
    ['array with null', [A, null, B], [A, B], [], []],
    ['one valid', A, [A], [], []],
    ['invalid kept apart', `${A},nope,440100-abc-2021`, [A], ['nope', '440100-abc-2021'], []],
    ['agency id is not a report id', `${A},440100-abcdefghij`, [A], ['440100-abcdefghij'], []],
    ['more than five', [A, B, C, D, E, F].join(','), [A, B, C, D, E], [], [F]],
  ])('%s', (_name, raw, ids, invalid, dropped) => {
    expect(parseCompareParam(raw)).toEqual({ ids, invalid, dropped });
  });
});

describe('compareLocation', () => {
  it.each<[string[], unknown]>([
    [[], { path: '/compare' }],
    [[A], { path: '/compare', query: { reports: A } }],
    [[A, B], { path: '/compare', query: { reports: `${A},${B}` } }],
    [[A, B, A], { path: '/compare', query: { reports: `${A},${B}` } }],
  ])('%j', (ids, location) => {
    expect(compareLocation(ids)).toEqual(location);
  });
});

const slot = (key: number, reportId: string | null): CompareSlot => ({
  key,
  agencyId: reportId ? reportId.slice(0, 17) : null,
  reportId,
});

describe('slotsFromIds', () => {
  it.each<[string[], CompareSlot[]]>([
    [[], [slot(0, null), slot(1, null)]],
    [[A], [slot(0, A), slot(1, null)]],
    [
      [A, C, D],
      [slot(0, A), slot(1, C), slot(2, D)],
    ],
  ])('%j', (ids, slots) => {
    expect(slotsFromIds(ids)).toEqual(slots);
  });

  it('takes the agency from the report id', () => {
    expect(slotsFromIds([C])[0]?.agencyId).toBe('350128-ei4mvy7sod');
  });
});

describe('chosenReportIds and pickerProblem', () => {
  it.each<[string, CompareSlot[], string[], string | null]>([
    ['none chosen', [slot(0, null), slot(1, null)], [], '请至少选择两份报告。'],
    ['one chosen', [slot(0, A), slot(1, null)], [A], '请至少选择两份报告。'],
    ['two chosen', [slot(0, A), slot(1, B)], [A, B], null],
    [
      'the same twice',
      [slot(0, A), slot(1, A)],
      [A],
      '选了同一份报告两次：请为其中一处换一个年度或机构。',
    ],
    ['gap in the middle', [slot(0, A), slot(1, null), slot(2, C)], [A, C], null],
  ])('%s', (_name, slots, ids, problem) => {
    expect(chosenReportIds(slots)).toEqual(ids);
    expect(pickerProblem(slots)).toBe(problem);
  });
});

describe('defaultReportId', () => {
  it.each<[string[], string[], string | null]>([
    [[], [], null],
    [[C, D, E], [], C],
    [[C, D, E], [C], D],
    [[C, D, E], [C, D], E],
    [[C, D], [C, D], C],
  ])('from %j, taken %j → %s', (reports, taken, expected) => {
    expect(defaultReportId(reports, taken)).toBe(expected);
  });
});

describe('missingReportIds', () => {
  it.each<[string[], string, string[]]>([
    [[A, B], `report ${B} was not found`, [B]],
    [[A, B], `report ${A}, ${B} was not found`, [A, B]],
    [[A, B], 'was not found', []],
  ])('%j in %j', (ids, message, missing) => {
    expect(missingReportIds(ids, message)).toEqual(missing);
  });
});
