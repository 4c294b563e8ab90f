import { describe, expect, it } from 'vitest';
import { type AgencyLevel, pinyinTokens } from './agency-identity.ts';
import {
  AgencySearchIndex,
  type SearchEntry,
  type SearchHit,
  type SearchOptions,
} from './agency-search.ts';

const e = (
  id: string,
  name: string,
  regionCode: string | null = '440100',
  level: AgencyLevel = 'department',
  aliases?: string[],
): SearchEntry => ({ id, name, regionCode, level, ...(aliases ? { aliases } : {}) });

const FIXTURE: SearchEntry[] = [
  e('gz-edu', '广州市教育局'),
  e('gz-gov', '广州市人民政府', '440100', 'city'),
  e('gz-gov-office', '广州市人民政府办公厅'),
  e('gz-fin', '广州市财政局'),
  e('th-edu', '天河区教育局', '440106'),
  e('th-gov', '天河区人民政府', '440106', 'county'),
  e('cq-edu', '重庆市教育委员会', '500000'),
  e('cs-edu', '长沙市教育局', '430100'),
  e('edu', '教育局', null),
  e('lh', '林和街道办事处', '440106', 'township'),
  e('cbd', '广州市CBD管委会', '440100', 'department', [
    '珠江新城管委会',
    '天河中央商务区管理委员会',
  ]),
  e('sz-edu', '深圳市教育局（深圳市语言文字工作委员会）', '440300'),
];

const ids = (hits: SearchHit[]) => hits.map((h) => h.id);

describe('AgencySearchIndex.search', () => {
  const index = new AgencySearchIndex(FIXTURE);

  it.each<[string, SearchOptions, string[]]>([
    // Han substrings: exact > prefix > earlier substring; ties by shorter name, then id.
    ['广州市教育局', {}, ['gz-edu']],
    ['教育局', {}, ['edu', 'cs-edu', 'gz-edu', 'th-edu', 'sz-edu']],
    ['教育', {}, ['edu', 'cs-edu', 'gz-edu', 'th-edu', 'cq-edu', 'sz-edu']],
    ['广州市', {}, ['gz-edu', 'gz-fin', 'gz-gov', 'cbd', 'gz-gov-office']],
    ['人民政府', {}, ['gz-gov', 'th-gov', 'gz-gov-office']],
    ['  广州 市教育局 ', {}, ['gz-edu']],
    ['语言文字', {}, ['sz-edu']],
    ['(深圳市语言文字工作委员会)', {}, ['sz-edu']],
    // Aliases rank below names.
    ['珠江新城', {}, ['cbd']],
    ['管委会', {}, ['cbd']],
    ['管理委员会', {}, ['cbd']],
    // ASCII in a name, case-insensitive and width-insensitive.
    ['cbd', {}, ['cbd']],
    ['ＣＢＤ', {}, ['cbd']],
    // Pinyin, from any syllable.
    ['jiaoyu', {}, ['edu', 'cs-edu', 'gz-edu', 'th-edu', 'cq-edu', 'sz-edu']],
    ['guangzhoushi', {}, ['gz-edu', 'gz-fin', 'gz-gov', 'cbd', 'gz-gov-office']],
    ['GuangZhou Shi', {}, ['gz-edu', 'gz-fin', 'gz-gov', 'cbd', 'gz-gov-office']],
    ['guangzhoushijiaoyuju', {}, ['gz-edu']],
    ['chongqing', {}, ['cq-edu']],
    ['changsha', {}, ['cs-edu']],
    ['linhejiedao', {}, ['lh']],
    ['jiaoy', {}, ['edu', 'cs-edu', 'gz-edu', 'th-edu', 'cq-edu', 'sz-edu']],
    ['cbdguan', {}, ['cbd']],
    // Initials.
    ['gzsjy', {}, ['gz-edu']],
    ['jyj', {}, ['edu', 'cs-edu', 'gz-edu', 'th-edu', 'sz-edu']],
    ['thqrmzf', {}, ['th-gov']],
    // Filters and limits.
    ['教育', { regionPrefix: '4401' }, ['gz-edu', 'th-edu']],
    ['教育', { regionPrefix: '440106' }, ['th-edu']],
    ['教育', { regionPrefix: '9' }, []],
    ['人民政府', { level: 'city' }, ['gz-gov']],
    ['人民政府', { level: 'township' }, []],
    ['教育', { limit: 2 }, ['edu', 'cs-edu']],
    ['教育', { limit: 0 }, ['edu']],
    ['教育', { limit: -5 }, ['edu']],
    ['教育', { limit: Number.NaN }, ['edu', 'cs-edu', 'gz-edu', 'th-edu', 'cq-edu', 'sz-edu']],
    // Nothing.
    ['北京', {}, []],
    ['zzzz', {}, []],
    ['', {}, []],
    ['   \u3000\t', {}, []],
  ])('%j %j', (query, opts, expected) => {
    expect(ids(index.search(query, opts))).toEqual(expected);
  });

  it.each<[string, string, SearchHit['matched']]>([
    ['广州市教育局', 'gz-edu', 'name'],
    ['珠江新城', 'cbd', 'alias'],
    ['jiaoyu', 'gz-edu', 'pinyin'],
    ['gzsjy', 'gz-edu', 'initials'],
    ['cbd', 'cbd', 'name'],
  ])('%j finds %s by %s', (query, id, matched) => {
    const hit = index.search(query).find((h) => h.id === id);
    expect(hit?.matched).toBe(matched);
    expect(hit?.name).toBe(FIXTURE.find((x) => x.id === id)?.name);
  });

  it('ranks exact > prefix > substring > alias > pinyin > initials', () => {
    const rank = new AgencySearchIndex([
      e('exact', '林业局'),
      e('prefix', '林业局办公室'),
      e('sub1', '市林业局'),
      e('sub2', '广州市林业局'),
      e('alias', '某某局', null, 'department', ['林业局']),
    ]);
    const hits = rank.search('林业局');
    expect(ids(hits)).toEqual(['exact', 'prefix', 'sub1', 'sub2', 'alias']);
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(new Set(scores).size).toBe(scores.length);
  });

  it.each<[string, [string, string][], string, [string, SearchHit['matched']][]]>([
    [
      'pinyin above initials',
      [
        ['i', '爱宁局'],
        ['p', '安局'],
      ],
      'an',
      [
        ['p', 'pinyin'],
        ['i', 'initials'],
      ],
    ],
    [
      'syllables across tokens or within one',
      [
        ['x', '西安市'],
        ['y', '县局'],
      ],
      'xian',
      [
        ['y', 'pinyin'],
        ['x', 'pinyin'],
      ],
    ],
    [
      'one letter is a syllable prefix',
      [
        ['a', '西安'],
        ['b', '西'],
      ],
      'x',
      [
        ['b', 'pinyin'],
        ['a', 'pinyin'],
      ],
    ],
    [
      'earlier syllable first',
      [
        ['late', '市教育局'],
        ['early', '教育局'],
      ],
      'jiaoyu',
      [
        ['early', 'pinyin'],
        ['late', 'pinyin'],
      ],
    ],
    [
      'earlier initial first',
      [
        ['g', '广州教育'],
        ['j', '教育'],
      ],
      'jy',
      [
        ['j', 'initials'],
        ['g', 'initials'],
      ],
    ],
    [
      'initials ties by id',
      [
        ['c', '蓝鹰办'],
        ['b', '林业局'],
        ['a', '刘一局'],
      ],
      'ly',
      [
        ['a', 'initials'],
        ['b', 'initials'],
        ['c', 'initials'],
      ],
    ],
    [
      'no partial-syllable match inside a syllable',
      [
        ['l', '林业局'],
        ['o', '老一家'],
      ],
      'inye',
      [],
    ],
  ])('%s', (_name, entries, query, expected) => {
    const idx = new AgencySearchIndex(entries.map(([id, name]) => e(id, name)));
    expect(idx.search(query).map((h) => [h.id, h.matched])).toEqual(expected);
  });

  it('does not throw on hostile input', () => {
    const hostile = [
      '.*',
      '(((',
      '[a-z]+$',
      '\\',
      '%',
      '%_%',
      "' OR 1=1 --",
      '\u0000\u0001\u001f',
      '\ud800',
      '\udfff教育',
      '𠀀',
      '👍',
      '\u202e教育',
      '教'.repeat(100_000),
      'a'.repeat(1_000_000),
      'x|y',
      '|',
      '__proto__',
      'constructor',
      'ü',
    ];
    for (const q of hostile) {
      expect(() => index.search(q)).not.toThrow();
      expect(() => index.search(q, { regionPrefix: q, limit: 1e9 })).not.toThrow();
    }
    expect(index.search('教'.repeat(100_000))).toEqual([]);
    expect(ids(index.search('\u202e教育局'))).toEqual([
      'edu',
      'cs-edu',
      'gz-edu',
      'th-edu',
      'sz-edu',
    ]);
    expect(index.search('教育', { level: '__proto__' as AgencyLevel })).toEqual([]);
    expect(index.search(undefined as unknown as string)).toEqual([]);
  });

  it('truncates queries to 64 characters', () => {
    const long = '甲'.repeat(64);
    const idx = new AgencySearchIndex([e('long', long)]);
    expect(ids(idx.search(`${long}乙乙乙`))).toEqual(['long']);
    expect(ids(idx.search(`${'甲'.repeat(63)}乙`))).toEqual([]);
  });

  it('caps the limit at 100', () => {
    const many = new AgencySearchIndex(
      Array.from({ length: 150 }, (_, i) => e(`id${String(i).padStart(3, '0')}`, `第${i}教育局`)),
    );
    expect(many.search('教育局', { limit: 1000 })).toHaveLength(100);
    expect(many.search('教育局')).toHaveLength(20);
  });
});

describe('AgencySearchIndex updates', () => {
  it('adds, replaces and removes', () => {
    const idx = new AgencySearchIndex([]);
    expect(idx.size).toBe(0);
    expect(idx.search('教育')).toEqual([]);
    idx.add(e('a', '广州市教育局'));
    idx.add(e('b', '广州市财政局'));
    expect(idx.size).toBe(2);
    expect(ids(idx.search('教育'))).toEqual(['a']);
    // Upsert: the old name no longer matches, the new one does.
    idx.add(e('a', '广州市体育局'));
    expect(idx.size).toBe(2);
    expect(idx.search('教育')).toEqual([]);
    expect(ids(idx.search('tiyu'))).toEqual(['a']);
    expect(idx.remove('a')).toBe(true);
    expect(idx.remove('a')).toBe(false);
    expect(idx.has('a')).toBe(false);
    expect(idx.size).toBe(1);
    expect(idx.search('体育')).toEqual([]);
    expect(ids(idx.search('广州'))).toEqual(['b']);
  });

  it('ranks entries added after the build among the others', () => {
    const idx = new AgencySearchIndex([e('b', '甲局'), e('d', '甲局'), e('e', '乙甲局')]);
    idx.add(e('a', '甲局'));
    idx.add(e('c', '甲局'));
    idx.add(e('f', '丙甲局'));
    expect(ids(idx.search('甲局'))).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(ids(idx.search('甲局', { limit: 2 }))).toEqual(['a', 'b']);
    expect(ids(idx.search('jiaju', { limit: 3 }))).toEqual(['a', 'b', 'c']);
    expect(ids(idx.search('jj'))).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('keeps the last of duplicate ids given to the constructor', () => {
    const idx = new AgencySearchIndex([e('a', '甲局'), e('a', '乙局')]);
    expect(idx.size).toBe(1);
    expect(idx.search('甲')).toEqual([]);
    expect(ids(idx.search('乙'))).toEqual(['a']);
  });

  it('stays correct across compaction', () => {
    const idx = new AgencySearchIndex(
      Array.from({ length: 3000 }, (_, i) => e(`n${i}`, `${i % 2 ? '天河' : '越秀'}区第${i}局`)),
    );
    for (let i = 0; i < 2500; i++) idx.remove(`n${i}`);
    idx.add(e('n10', '越秀区新局'));
    expect(idx.size).toBe(501);
    const hits = idx.search('越秀', { limit: 100 });
    expect(hits[0]?.id).toBe('n10');
    expect(hits.every((h) => h.id === 'n10' || Number(h.id.slice(1)) >= 2500)).toBe(true);
    expect(idx.search('第2499局')).toEqual([]);
    expect(ids(idx.search('第2500局'))).toEqual(['n2500']);
    expect(ids(idx.search('yuexiuquxinju'))).toEqual(['n10']);
  });
});

// --- 300,000 synthetic agencies, checked against a brute-force scan ---------------------------

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (s: string): string[] => s.split(' ');
const CITIES = words(
  '广州市 深圳市 重庆市 长沙市 成都市 西安市 杭州市 南京市 武汉市 厦门市 银川市 哈尔滨市 榆林市 石嘴山市 六安市 蚌埠市 珠海市 佛山市 东莞市 中山市 苏州市 无锡市 宁波市 温州市 合肥市 福州市 南昌市 济南市 青岛市 郑州市',
);
const DISTRICTS = [
  '',
  ...words(
    '天河区 越秀区 海珠区 朝阳区 海淀区 浦东新区 黄浦区 江北区 渝中区 岳麓区 雁塔区 西湖区 鼓楼区 思明区 南岗区 大武口区 单县 长乐区 江宁区 武昌区 洪山区 龙岗区 南山区 福田区 宝安区 香洲区 禅城区 顺德区 吴中区 姑苏区',
  ),
];
const SUFFIXES = words(
  '教育局 财政局 公安局 人民政府 人民政府办公室 交通运输局 生态环境局 市场监督管理局 卫生健康委员会 发展和改革局 民政局 司法局 自然资源局 住房和城乡建设局 水务局 农业农村局 商务局 文化广电旅游体育局 应急管理局 审计局 统计局 医疗保障局 林业局 人力资源和社会保障局 退役军人事务局 科学技术局 档案馆 街道办事处 镇人民政府 G20办 CBD管委会',
);
const TOWNS = words(
  '石牌 林和 新塘 沙河 龙华 南头 长安 虎门 石龙 黄埔 永和 太平 和平 建设 胜利 城关 中心 开发',
);
const LEVELS: readonly AgencyLevel[] = ['province', 'city', 'county', 'township', 'department'];

/** Agencies from pools of places and suffixes, with aliases, ASCII, odd and missing regions. */
function synthetic(n: number, rnd: () => number): SearchEntry[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const region = () => String(110000 + Math.floor(rnd() * 540000));
  const out: SearchEntry[] = [];
  for (let i = 0; i < n; i++) {
    const parts = [pick(CITIES), pick(DISTRICTS), rnd() < 0.4 ? pick(TOWNS) : '', pick(SUFFIXES)];
    const name = parts.join('') + (i % 11 === 0 ? `第${i % 23}分局` : '');
    const r = rnd();
    const regionCode = r < 0.01 ? null : r < 0.02 ? `X${Math.floor(rnd() * 100)}` : region();
    const aliases = rnd() < 0.03 ? [parts.slice(1).join(''), pick(TOWNS) + pick(SUFFIXES)] : null;
    out.push({
      id: `${region()}-${(Math.imul(i, 2654435761) >>> 0).toString(36)}`,
      name,
      regionCode,
      level: rnd() < 0.001 ? 'province' : pick(LEVELS),
      ...(aliases ? { aliases } : {}),
    });
  }
  return out;
}

interface Pinyin {
  full: string;
  bounds: number[];
  initials: string;
  /** The token each initials character comes from. */
  initialToken: number[];
}

const pinyinMemo = new Map<string, Pinyin>();
function pinyinOf(name: string): Pinyin {
  let v = pinyinMemo.get(name);
  if (!v) {
    let full = '';
    let initials = '';
    const bounds: number[] = [];
    const initialToken: number[] = [];
    pinyinTokens(name).forEach((t, i) => {
      bounds.push(full.length);
      full += t.text;
      const init = t.han ? t.text.charAt(0) : t.text;
      initials += init;
      for (const _ of init) initialToken.push(i);
    });
    v = { full, bounds, initials, initialToken };
    pinyinMemo.set(name, v);
  }
  return v;
}

const normMemo = new Map<string, string>();
function norm(s: string): string {
  let v = normMemo.get(s);
  if (v === undefined) {
    v = s
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\p{Cc}\p{Cf}]+/gu, '');
    normMemo.set(s, v);
  }
  return v;
}

interface Row {
  entry: SearchEntry;
  key: string;
  aliasKeys: string[];
  py: Pinyin;
}

const rowMemo = new WeakMap<SearchEntry, Row>();
function rowsOf(entries: Iterable<SearchEntry>): Row[] {
  const rows: Row[] = [];
  for (const entry of entries) {
    let row = rowMemo.get(entry);
    if (!row) {
      const key = norm(entry.name);
      const aliasKeys = (entry.aliases ?? []).map(norm).filter((a) => a !== key);
      row = { entry, key, aliasKeys, py: pinyinOf(entry.name) };
      rowMemo.set(entry, row);
    }
    rows.push(row);
  }
  return rows;
}

/** The specified ranking, computed the slow way. */
function bruteForce(
  rows: readonly Row[],
  query: string,
  opts: SearchOptions,
): { id: string; score: number }[] {
  const q = norm(query);
  const pq = /[^\x20-\x7e]/.test(q) ? '' : q.replace(/[^a-z0-9]/g, '');
  const scored: { id: string; score: number; len: number }[] = [];
  for (const { entry: x, key, aliasKeys, py } of rows) {
    if (opts.level && x.level !== opts.level) continue;
    if (opts.regionPrefix && !(x.regionCode ?? '\u0000').startsWith(opts.regionPrefix)) continue;
    let score = -1;
    const pos = key.indexOf(q);
    if (pos === 0) score = key.length === q.length ? 1000 : 900;
    else if (pos > 0) score = 800 - Math.min(pos, 99);
    if (score < 0) {
      for (const a of aliasKeys) {
        const p = a.indexOf(q);
        const s =
          p === 0 ? (a.length === q.length ? 650 : 600) : p > 0 ? 500 - Math.min(p, 99) : -1;
        score = Math.max(score, s);
      }
    }
    if (score < 0 && pq !== '') {
      let i = 0;
      while (i < py.bounds.length && !py.full.startsWith(pq, py.bounds[i] as number)) i++;
      if (i < py.bounds.length) score = 300 - Math.min(i, 63);
      else if (pq.length >= 2) {
        const p = py.initials.indexOf(pq);
        if (p >= 0) score = 200 - Math.min(py.initialToken[p] as number, 63);
      }
    }
    if (score >= 0) scored.push({ id: x.id, score, len: key.length });
  }
  scored.sort((a, b) => b.score - a.score || a.len - b.len || (a.id < b.id ? -1 : 1));
  return scored.slice(0, Math.min(opts.limit ?? 20, 100)).map(({ id, score }) => ({ id, score }));
}

/** A query cut from a random entry's name, pinyin or initials, with random filters. */
function randomQuery(entries: readonly SearchEntry[], rnd: () => number): [string, SearchOptions] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const name = pick(entries).name;
  const py = pinyinOf(name);
  const cut = (s: string, at: number) => s.slice(at, at + 1 + Math.floor(rnd() * 10));
  const kind = Math.floor(rnd() * 3);
  const q =
    kind === 0
      ? cut(name, Math.floor(rnd() * name.length)).slice(0, 1 + Math.floor(rnd() * 5))
      : kind === 1
        ? cut(py.full, pick(py.bounds))
        : cut(py.initials, Math.floor(rnd() * py.initials.length)).slice(0, 5);
  const opts: SearchOptions = {};
  const f = rnd();
  if (f < 0.2)
    opts.regionPrefix = String(110000 + Math.floor(rnd() * 540000)).slice(
      0,
      1 + Math.floor(rnd() * 6),
    );
  else if (f < 0.3) opts.level = pick(LEVELS);
  else if (f < 0.35) opts.regionPrefix = 'X';
  if (rnd() < 0.2) opts.limit = 100;
  return [q, opts];
}

describe('AgencySearchIndex at 300,000 agencies', () => {
  it('returns what a full scan returns, before and after incremental updates', {
    timeout: 600_000,
  }, () => {
    const rnd = mulberry32(20240501);
    const entries = synthetic(300_000, rnd);
    const index = new AgencySearchIndex(entries);
    expect(index.size).toBe(300_000);
    const live = new Map(entries.map((x) => [x.id, x]));
    let rows = rowsOf(entries);

    const check = (query: string, opts: SearchOptions) => {
      const got = index.search(query, opts).map(({ id, score }) => ({ id, score }));
      expect({ query, opts, got }).toEqual({ query, opts, got: bruteForce(rows, query, opts) });
    };

    const fixed: [string, SearchOptions][] = [
      ['教育', {}],
      ['教育局', {}],
      ['广州市教育局', {}],
      ['广州市天河区教育局', { limit: 100 }],
      ['市', {}],
      ['局', { limit: 100 }],
      ['人民政府', {}],
      ['天河区人民政府', {}],
      ['林和街道办事处', { level: 'township' }],
      ['人民政府', { level: 'province' }],
      ['人民政府', { level: 'county', regionPrefix: '2' }],
      ['教育', { regionPrefix: '4401' }],
      ['教育', { regionPrefix: 'X1' }],
      ['CBD', {}],
      ['g20', {}],
      ['cbdguan', {}],
      ['jiaoyu', {}],
      ['jiaoyuju', { limit: 50 }],
      ['guangzhoushi', {}],
      ['guangzhoushitianhequ', {}],
      ['chongqing', {}],
      ['xian', { limit: 100 }],
      ['shiju', {}],
      ['shishishi', {}],
      ['shi', {}],
      ['s', {}],
      ['g', { regionPrefix: '1' }],
      ['z', { regionPrefix: '5' }],
      ['gzsjy', {}],
      ['jyj', {}],
      ['rmzf', { limit: 100 }],
      ['q', {}],
      ['不存在', {}],
      ['zzzzq', {}],
    ];
    for (const [q, o] of fixed) check(q, o);
    for (let i = 0; i < 30; i++) check(...randomQuery(entries, rnd));

    // Refresh incrementally: new agencies, renames (upserts) and removals.
    for (let u = 0; u < 1500; u++) {
      const r = rnd();
      const old = entries[Math.floor(rnd() * entries.length)] as SearchEntry;
      if (r < 0.4) {
        const e = {
          ...old,
          id: `new-${u}`,
          name: `${old.name.slice(0, 3)}新区${old.name.slice(3)}`,
        };
        index.add(e);
        live.set(e.id, e);
      } else if (r < 0.7) {
        const e = { ...old, name: `${TOWNS[u % TOWNS.length]}${old.name}` };
        index.add(e);
        live.set(e.id, e);
      } else {
        index.remove(old.id);
        live.delete(old.id);
      }
    }
    expect(index.size).toBe(live.size);
    rows = rowsOf(live.values());
    for (const [q, o] of fixed.slice(0, 12)) check(q, o);
    check('xinqu', {});
    check('新区', { limit: 100 });
    for (let i = 0; i < 15; i++) check(...randomQuery([...live.values()], rnd));
  });
});

describe('regionCounts', () => {
  it('counts live agencies per region code, and follows additions and removals', () => {
    const index = new AgencySearchIndex([
      { id: 'a', name: '甲局', regionCode: '440106', level: 'department' },
      { id: 'b', name: '乙局', regionCode: '440106', level: 'department' },
      { id: 'c', name: '丙局', regionCode: null, level: 'department' },
    ]);
    expect([...index.regionCounts()]).toEqual([['440106', 2]]);
    index.add({ id: 'd', name: '丁局', regionCode: '350128', level: 'department' });
    expect(index.regionCounts().get('350128')).toBe(1);
    index.remove('a');
    expect(index.regionCounts().get('440106')).toBe(1);
  });
});
