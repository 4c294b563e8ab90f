import { describe, expect, it } from 'vitest';
import {
  addRecent,
  forgetRecentAgencies,
  parseRecent,
  RECENT_KEY,
  RECENT_MAX,
  type RecentAgency,
  recentAgencies,
  rememberAgency,
} from './recent.ts';

const a = (n: number, region: string | null = '甲省乙市'): RecentAgency => ({
  agencyId: `440100-aaaaaaaaa${n}`,
  name: `机构${n}`,
  region,
});
const ids = (list: RecentAgency[]) => list.map((x) => x.agencyId.slice(-1));

/** A Storage backed by a Map, optionally refusing every call. */
function memoryStorage(
  refuse: 'none' | 'write' | 'all' = 'none',
): Storage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  const fail = () => {
    throw new DOMException('refused', 'QuotaExceededError');
  };
  return {
    map,
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => (refuse === 'all' ? fail() : (map.get(k) ?? null)),
    setItem: (k: string, v: string) => (refuse === 'none' ? void map.set(k, v) : fail()),
    removeItem: (k: string) => (refuse === 'none' ? void map.delete(k) : fail()),
  };
}

describe('addRecent', () => {
  it.each<[string, RecentAgency[], RecentAgency, string[]]>([
    ['adds to an empty list', [], a(1), ['1']],
    ['puts the newest first', [a(1), a(2)], a(3), ['3', '1', '2']],
    ['moves a known agency to the front', [a(1), a(2), a(3)], a(3), ['3', '1', '2']],
    [
      'keeps at most the cap',
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => a(n)),
      a(9),
      ['9', '1', '2', '3', '4', '5', '6', '7'],
    ],
    ['ignores an entry without an id', [a(1)], { agencyId: '', name: 'x', region: null }, ['1']],
  ])('%s', (_what, list, agency, expected) => {
    expect(ids(addRecent(list, agency))).toEqual(expected);
  });

  it('takes the newest name and region of an agency seen again', () => {
    const list = addRecent([a(1, '旧')], { ...a(1), name: '新名', region: '新' });
    expect(list).toEqual([{ agencyId: a(1).agencyId, name: '新名', region: '新' }]);
  });

  it('stores an empty region as none', () => {
    expect(addRecent([], a(1, ''))[0]?.region).toBeNull();
  });
});

describe('parseRecent', () => {
  it.each<[string, string | null, string[]]>([
    ['nothing stored', null, []],
    ['empty string', '', []],
    ['not JSON', '{oops', []],
    ['not an array', '{"agencyId":"x"}', []],
    ['a valid list', JSON.stringify([a(1), a(2)]), ['1', '2']],
    [
      'drops malformed entries',
      JSON.stringify([a(1), { name: 'x' }, 3, null, { ...a(2), region: 5 }, a(3)]),
      ['1', '3'],
    ],
    ['drops duplicates', JSON.stringify([a(1), a(2), a(1)]), ['1', '2']],
    [
      'caps an over-long list',
      JSON.stringify([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => a(n))),
      ['1', '2', '3', '4', '5', '6', '7', '8'],
    ],
  ])('%s', (_what, stored, expected) => {
    expect(ids(parseRecent(stored))).toEqual(expected);
  });

  it('keeps only the known fields', () => {
    expect(parseRecent(JSON.stringify([{ ...a(1), extra: 1 }]))).toEqual([a(1)]);
  });
});

describe('storage', () => {
  it('remembers newest first and forgets', () => {
    const s = memoryStorage();
    rememberAgency(a(1), s);
    rememberAgency(a(2), s);
    rememberAgency(a(1), s);
    expect(ids(recentAgencies(s))).toEqual(['1', '2']);
    expect(JSON.parse(s.map.get(RECENT_KEY) ?? '[]')).toHaveLength(2);
    forgetRecentAgencies(s);
    expect(recentAgencies(s)).toEqual([]);
  });

  it('recovers from malformed stored data', () => {
    const s = memoryStorage();
    s.setItem(RECENT_KEY, 'not json');
    expect(recentAgencies(s)).toEqual([]);
    rememberAgency(a(1), s);
    expect(ids(recentAgencies(s))).toEqual(['1']);
  });

  it.each(['write', 'all'] as const)('never throws when storage refuses (%s)', (refuse) => {
    const s = memoryStorage(refuse);
    expect(() => rememberAgency(a(1), s)).not.toThrow();
    expect(() => forgetRecentAgencies(s)).not.toThrow();
    expect(recentAgencies(s)).toEqual([]);
  });

  it('works where the browser offers no storage', () => {
    const none = null as unknown as Storage;
    expect(() => rememberAgency(a(1), none)).not.toThrow();
    expect(() => forgetRecentAgencies(none)).not.toThrow();
    expect(recentAgencies(none)).toEqual([]);
  });

  it('uses localStorage by default', () => {
    localStorage.removeItem(RECENT_KEY);
    rememberAgency(a(5));
    expect(ids(recentAgencies())).toEqual(['5']);
    forgetRecentAgencies();
    expect(recentAgencies()).toEqual([]);
  });

  it(`caps the stored list at ${RECENT_MAX}`, () => {
    const s = memoryStorage();
    for (let n = 0; n < 12; n++) rememberAgency({ ...a(0), agencyId: `440100-aaaaaaaa${n}x` }, s);
    expect(recentAgencies(s)).toHaveLength(RECENT_MAX);
  });
});
