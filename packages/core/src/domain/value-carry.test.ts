import { describe, expect, it } from 'vitest';
import { type CarryResult, carryReadings, type StoredReading } from './value-carry.ts';

const s = (code: string, extracted: number | null, current: number | null): StoredReading => ({
  code,
  extracted,
  current,
  unit: '件',
});
const n = (code: string, value: number | null) => ({ code, value });

describe('carryReadings', () => {
  it.each<{
    name: string;
    previous: StoredReading[] | null;
    next: { code: string; value: number | null }[];
    current: [string, number | null][];
    changes: CarryResult['changes'];
  }>([
    {
      name: 'first version: current = extracted, no changes',
      previous: null,
      next: [n('a', 1), n('b', null)],
      current: [
        ['a', 1],
        ['b', null],
      ],
      changes: [],
    },
    {
      name: 'first version, empty',
      previous: null,
      next: [],
      current: [],
      changes: [],
    },
    {
      name: 'same extraction, no corrections',
      previous: [s('a', 1, 1), s('b', 2, 2)],
      next: [n('a', 1), n('b', 2)],
      current: [
        ['a', 1],
        ['b', 2],
      ],
      changes: [],
    },
    {
      name: 'correction carries when the cell did not change',
      previous: [s('a', 1, 10)],
      next: [n('a', 1)],
      current: [['a', 10]],
      changes: [],
    },
    {
      name: 'correction dropped when the source changed the cell',
      previous: [s('a', 1, 10)],
      next: [n('a', 2)],
      current: [['a', 2]],
      changes: [{ code: 'a', from: 1, to: 2 }],
    },
    {
      name: 'correction to blank carries',
      previous: [s('a', 5, null)],
      next: [n('a', 5)],
      current: [['a', null]],
      changes: [],
    },
    {
      name: 'correction of a blank carries while still blank',
      previous: [s('a', null, 7)],
      next: [n('a', null)],
      current: [['a', 7]],
      changes: [],
    },
    {
      name: 'blank filled in by the source',
      previous: [s('a', null, 7)],
      next: [n('a', 3)],
      current: [['a', 3]],
      changes: [{ code: 'a', from: null, to: 3 }],
    },
    {
      name: 'value blanked by the source',
      previous: [s('a', 3, 3)],
      next: [n('a', null)],
      current: [['a', null]],
      changes: [{ code: 'a', from: 3, to: null }],
    },
    {
      name: 'added and removed codes',
      previous: [s('a', 1, 1), s('gone', 4, 9)],
      next: [n('a', 1), n('new', 0)],
      current: [
        ['a', 1],
        ['new', 0],
      ],
      changes: [
        { code: 'new', from: undefined, to: 0 },
        { code: 'gone', from: 4, to: undefined },
      ],
    },
    {
      name: 'everything removed',
      previous: [s('a', 1, 2)],
      next: [],
      current: [],
      changes: [{ code: 'a', from: 1, to: undefined }],
    },
    {
      name: 'zero is not blank',
      previous: [s('a', 0, 5)],
      next: [n('a', null)],
      current: [['a', null]],
      changes: [{ code: 'a', from: 0, to: null }],
    },
    {
      name: 'duplicate code in next: last wins',
      previous: [s('a', 1, 10)],
      next: [n('a', 2), n('a', 1)],
      current: [['a', 10]],
      changes: [],
    },
  ])('$name', ({ previous, next, current, changes }) => {
    const r = carryReadings(previous, next);
    expect([...r.current]).toEqual(current);
    expect(r.changes).toEqual(changes);
  });

  it('does not mutate its inputs', () => {
    const previous = [s('a', 1, 10)];
    const next = [n('a', 2)];
    const copy = JSON.stringify([previous, next]);
    carryReadings(previous, next);
    expect(JSON.stringify([previous, next])).toBe(copy);
  });
});
