/**
 * Resolves the GB/T 2260 code (行政区划代码) of the place a government agency belongs to, from
 * the agency's name and, when the name is not enough, the text of its report.
 */
import { type Division, getTables, type RegionLevel } from './data.ts';
import {
  BLOCKERS,
  FALSE_CONTINUATION,
  GENERIC_CHARS,
  GENERIC_FULL,
  SHORT_STOP,
} from './lexicon.ts';
import { ZONES } from './zones.ts';

export type { RegionLevel } from './data.ts';

/** A resolved place. */
export interface RegionMatch {
  /** Six-digit GB/T 2260 code. */
  code: string;
  name: string;
  /** Names from the province down, e.g. ['宁夏回族自治区', '石嘴山市', '大武口区']. */
  path: string[];
  level: RegionLevel;
  /**
   * Set when the name fits several divisions that the text could not tell apart: their codes.
   * `code` is then their closest common ancestor (e.g. the province of two 新华区).
   */
  ambiguous?: string[];
}

/** One step of a division's path. */
export interface RegionPathStep {
  code: string;
  name: string;
  level: RegionLevel;
}

type Kind = 'full' | 'short' | 'weak' | 'generic';

interface Hit {
  code: string;
  kind: Kind;
  level: RegionLevel;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  hits?: Hit[];
  block?: boolean;
}

interface Mention {
  start: number;
  end: number;
  hits: Hit[];
}

interface Index {
  divisions: Map<string, Division>;
  root: TrieNode;
}

/** The 55 minority names, stripped from 自治州/自治县 names to get the names people use. */
const ETHNIC = [
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
].map((e) => `${e}族`);

const LEVEL_RANK: Record<RegionLevel, number> = { province: 0, city: 1, county: 2 };

/** Beyond this a "name" is not an agency name; the rest is ignored. */
const MAX_NAME = 500;
/** Context scanned: its head and its tail (where title and signature are). */
const CONTEXT_HEAD = 50_000;
const CONTEXT_TAIL = 10_000;
/** Mentions this close to the start (title) or end (signature) weigh double. */
const TITLE_SPAN = 300;
const SIGNATURE_SPAN = 400;
/** Characters of the agency's name looked for after a place (机关事务 of 机关事务管理局). */
const AGENCY_KEY = 4;

/**
 * What a name without a place says by its first word: 市科委 belongs to some 市 (a municipality,
 * prefecture or county-level city), 区机关 to a county-level 区, 自治区… to a region.
 */
interface Hint {
  prefix: string;
  suffix: string;
  levels: RegionLevel[];
}

const HINTS: Hint[] = [
  { prefix: '自治区', suffix: '自治区', levels: ['province'] },
  { prefix: '自治州', suffix: '自治州', levels: ['city'] },
  { prefix: '地区', suffix: '地区', levels: ['city'] },
  { prefix: '省', suffix: '省', levels: ['province'] },
  { prefix: '市', suffix: '市', levels: ['province', 'city', 'county'] },
  { prefix: '州', suffix: '州', levels: ['city'] },
  { prefix: '盟', suffix: '盟', levels: ['city'] },
  { prefix: '区', suffix: '区', levels: ['county'] },
  { prefix: '县', suffix: '县', levels: ['county'] },
  { prefix: '旗', suffix: '旗', levels: ['county'] },
];

let index: Index | undefined;

function getIndex(): Index {
  index ??= buildIndex();
  return index;
}

function insert(root: TrieNode, word: string): TrieNode {
  let node = root;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    let child = node.next.get(c);
    if (!child) {
      child = { next: new Map() };
      node.next.set(c, child);
    }
    node = child;
  }
  return node;
}

function addHit(root: TrieNode, word: string, hit: Hit): void {
  const node = insert(root, word);
  node.hits ??= [];
  if (!node.hits.some((h) => h.code === hit.code && h.kind === hit.kind)) node.hits.push(hit);
}

function stripEthnic(stem: string): string {
  let s = stem;
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of ETHNIC) {
      if (s.endsWith(e) && s.length - e.length >= 2) {
        s = s.slice(0, -e.length);
        changed = true;
      }
    }
  }
  return s;
}

/** Forms a division goes by besides its full name: [alias, kind]. */
function aliases(d: Division): [string, Kind][] {
  const out: [string, Kind][] = [];
  const name = d.name;
  let stem: string | undefined;
  const auto = /自治(区|州|县|旗)$/.exec(name);
  if (auto) {
    stem = stripEthnic(name.slice(0, -3));
    // 黔西南州, 石柱县: the usual way autonomous divisions are named in agency names.
    if (auto[1] !== '区') out.push([stem + auto[1], 'full']);
  } else if (name.endsWith('特别行政区')) {
    stem = name.slice(0, -5);
  } else if (/(地区|新区|特区)$/.test(name) || (name.endsWith('林区') && name.length >= 5)) {
    stem = name.slice(0, -2);
  } else if (/[省市区县旗盟州]$/.test(name)) {
    stem = name.slice(0, -1);
  }
  if (stem && stem.length >= 2 && stem !== name) {
    if (d.level === 'province') out.push([stem, 'short']);
    else if (SHORT_STOP.has(stem)) {
      // a common word: the full name still matches
    } else if ([...stem].every((c) => GENERIC_CHARS.includes(c))) out.push([stem, 'generic']);
    else out.push([stem, 'short']);
  }
  return out;
}

function buildIndex(): Index {
  const { divisions, statsZones } = getTables();
  const root: TrieNode = { next: new Map() };
  for (const d of divisions.values()) {
    const kind: Kind = GENERIC_FULL.has(d.name) ? 'generic' : d.name.length <= 2 ? 'weak' : 'full';
    addHit(root, d.name, { code: d.code, kind, level: d.level });
    for (const [alias, k] of aliases(d))
      addHit(root, alias, { code: d.code, kind: k, level: d.level });
  }
  const zoneNames: [string, string][] = statsZones.map((z) => [z.name, z.code]);
  for (const z of ZONES) {
    zoneNames.push([z.name, z.code]);
    for (const a of z.aliases ?? []) zoneNames.push([a, z.code]);
  }
  for (const [name, code] of zoneNames) {
    const d = divisions.get(code);
    if (d) addHit(root, name, { code, kind: 'full', level: d.level });
  }
  for (const b of BLOCKERS) insert(root, b).block = true;
  // A short form shared by several levels (吉林, 朝阳) means the highest one: 吉林 is the province.
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    for (const child of node.next.values()) stack.push(child);
    const hits = node.hits;
    if (!hits) continue;
    const shorts = hits.filter((h) => h.kind === 'short');
    if (shorts.length < 2) continue;
    const top = Math.min(...shorts.map((h) => LEVEL_RANK[h.level]));
    node.hits = hits.filter((h) => h.kind !== 'short' || LEVEL_RANK[h.level] === top);
  }
  return { divisions, root };
}

function isAncestor(divisions: Map<string, Division>, anc: string, code: string): boolean {
  for (let p = divisions.get(code)?.parent; p; p = divisions.get(p)?.parent) {
    if (p === anc) return true;
  }
  return false;
}

function ancestorsOrSelf(divisions: Map<string, Division>, code: string): string[] {
  const out: string[] = [];
  for (let c: string | null | undefined = code; c; c = divisions.get(c)?.parent) out.push(c);
  return out;
}

/**
 * Finds place mentions, longest match first, left to right. In a name ('name'), a county's short
 * form counts at the very start (洪泽人民政府) or right after its parent (淮安洪泽); in running
 * text ('context') only after its parent, since two-character stems are too often plain words.
 */
function scan(idx: Index, text: string, mode: 'name' | 'context'): Mention[] {
  const out: Mention[] = [];
  const { root, divisions } = idx;
  const ends: number[] = [];
  const nodes: TrieNode[] = [];
  let prev: Mention | undefined;
  let i = 0;
  while (i < text.length) {
    let node = root.next.get(text.charCodeAt(i));
    if (!node) {
      i++;
      continue;
    }
    ends.length = 0;
    nodes.length = 0;
    for (let j = i + 1; node; j++) {
      if (node.hits || node.block) {
        ends.push(j);
        nodes.push(node);
      }
      node = j < text.length ? node.next.get(text.charCodeAt(j)) : undefined;
    }
    let consumed = i + 1;
    for (let k = nodes.length - 1; k >= 0; k--) {
      const n = nodes[k] as TrieNode;
      const end = ends[k] as number;
      if (n.block) {
        consumed = end;
        break;
      }
      const chain = prev && prev.end === i ? prev : undefined;
      const hits = accept(divisions, n.hits ?? [], text, i, end, mode, chain);
      if (hits.length > 0) {
        prev = { start: i, end, hits };
        out.push(prev);
        consumed = end;
        break;
      }
    }
    i = consumed;
  }
  return out;
}

function accept(
  divisions: Map<string, Division>,
  hits: Hit[],
  text: string,
  start: number,
  end: number,
  mode: 'name' | 'context',
  chain: Mention | undefined,
): Hit[] {
  const stops = FALSE_CONTINUATION[text[end - 1] ?? ''];
  if (stops && end < text.length && stops.includes(text[end] ?? '')) return [];
  const atStart = mode === 'name' && start === 0;
  const ok: Hit[] = [];
  const chained: Hit[] = [];
  for (const h of hits) {
    const isChained = !!chain?.hits.some((p) => isAncestor(divisions, p.code, h.code));
    let good: boolean;
    if (h.kind === 'full') good = true;
    else if (h.kind === 'generic') good = isChained;
    else if (h.kind === 'weak') good = isChained || atStart;
    else good = h.level !== 'county' || isChained || atStart;
    if (!good) continue;
    ok.push(h);
    if (isChained) chained.push(h);
  }
  // 福州市鼓楼区: the parent just before picks the right 鼓楼区.
  const picked = chained.length > 0 ? chained : ok;
  // A full name beats someone else's short form spelled the same.
  return picked.some((h) => h.kind !== 'short') ? picked.filter((h) => h.kind !== 'short') : picked;
}

function unique(codes: string[]): string[] {
  return [...new Set(codes)];
}

/** Candidates from the name: the most specific place consistent with every earlier one. */
function candidatesFromName(idx: Index, mentions: Mention[]): string[] {
  const first = mentions[0];
  if (!first) return [];
  let cands = unique(first.hits.map((h) => h.code));
  for (const m of mentions.slice(1)) {
    const codes = unique(m.hits.map((h) => h.code));
    const deeper = codes.filter((c) => cands.some((a) => isAncestor(idx.divisions, a, c)));
    if (deeper.length > 0) {
      cands = deeper;
      continue;
    }
    // 鼓楼区（福州市）: a parent named after the place narrows it.
    const parents = codes.filter((a) => cands.some((c) => isAncestor(idx.divisions, a, c)));
    if (parents.length > 0) {
      cands = cands.filter((c) => parents.some((a) => isAncestor(idx.divisions, a, c)));
    }
    // Anything else (驻西安办事处) is about another place, not the agency's.
  }
  return cands;
}

interface Evidence {
  /** Weighted mentions of each code itself. */
  own: Map<string, number>;
  /** The same, only for places written right before the agency's name. */
  named: Map<string, number>;
  /** Offset of each code's first mention. */
  first: Map<string, number>;
}

function normalize(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/**
 * Weighs the places the report text names, resolving ambiguous names by the others. Places
 * written right before `agency` (榆林市 + 机关事务…) are also kept apart: they name the agency.
 */
function gatherEvidence(idx: Index, context: string, agency?: string): Evidence {
  let text = normalize(context);
  if (text.length > CONTEXT_HEAD + CONTEXT_TAIL) {
    text = text.slice(0, CONTEXT_HEAD) + text.slice(-CONTEXT_TAIL);
  }
  const own = new Map<string, number>();
  const named = new Map<string, number>();
  const first = new Map<string, number>();
  const add = (code: string, w: number, at: number, isNamed: boolean): void => {
    own.set(code, (own.get(code) ?? 0) + w);
    if (isNamed) named.set(code, (named.get(code) ?? 0) + w);
    if (!first.has(code)) first.set(code, at);
  };
  const weightAt = (at: number): number =>
    at < TITLE_SPAN || at >= text.length - SIGNATURE_SPAN ? 2 : 1;
  const deferred: { codes: string[]; w: number; at: number; isNamed: boolean }[] = [];
  for (const m of scan(idx, text, 'context')) {
    const codes = unique(m.hits.map((h) => h.code));
    const isNamed = !!agency && text.startsWith(agency, m.end);
    const w = weightAt(m.start) * (m.hits.every((h) => h.kind === 'short') ? 0.5 : 1);
    if (codes.length === 1) add(codes[0] as string, w, m.start, isNamed);
    else deferred.push({ codes, w, at: m.start, isNamed });
  }
  // Government sites print 网站标识码: the site's division code plus four digits.
  const site = /网站标识码[:：]?(\d{6})\d{4}/.exec(text);
  if (site?.[1] && idx.divisions.has(site[1])) add(site[1], 2, site.index, false);
  for (const d of deferred) {
    const best = pickBest(d.codes, (c) => support(idx, own, c, false));
    if (best) add(best, d.w, d.at, d.isNamed);
  }
  return { own, named, first };
}

/** Weight of the mentions of `code`'s ancestors (and of `code` itself when `self`). */
function support(idx: Index, own: Map<string, number>, code: string, self: boolean): number {
  let s = 0;
  for (const a of ancestorsOrSelf(idx.divisions, code)) {
    if (a !== code || self) s += own.get(a) ?? 0;
  }
  return s;
}

/** The one candidate with the highest positive score; undefined on a tie or no evidence. */
function pickBest(codes: string[], score: (c: string) => number): string | undefined {
  let best: string | undefined;
  let top = 0;
  let tied = false;
  for (const c of codes) {
    const s = score(c);
    if (s > top) {
      best = c;
      top = s;
      tied = false;
    } else if (s === top && s > 0) tied = true;
  }
  return tied ? undefined : best;
}

function commonAncestor(idx: Index, codes: string[]): string | undefined {
  const [head, ...rest] = codes.map((c) => ancestorsOrSelf(idx.divisions, c));
  return head?.find((a) => rest.every((chain) => chain.includes(a)));
}

function hintOf(name: string): Hint | undefined {
  return HINTS.find((h) => name.startsWith(h.prefix));
}

/**
 * With no place in the name: the place the text writes before the agency's name, else the one
 * it names most (title and signature weigh more), of the kind the name's prefix asks for.
 */
function fromContextOnly(idx: Index, name: string, ev: Evidence): string | undefined {
  const hint = hintOf(name);
  return bestPlace(idx, ev.named, ev.first, hint) ?? bestPlace(idx, ev.own, ev.first, hint);
}

/** Highest-weighted place fitting `hint`, earliest on a tie; undefined under one full mention. */
function bestPlace(
  idx: Index,
  weights: Map<string, number>,
  firstAt: Map<string, number>,
  hint: Hint | undefined,
): string | undefined {
  const below = new Map<string, number>();
  const cands = new Set<string>();
  for (const [code, w] of weights) {
    for (const a of ancestorsOrSelf(idx.divisions, code)) {
      cands.add(a);
      if (a !== code) below.set(a, (below.get(a) ?? 0) + w);
    }
  }
  let best: string | undefined;
  let top = 0;
  let bestAt = Number.POSITIVE_INFINITY;
  for (const c of cands) {
    const d = idx.divisions.get(c);
    if (!d || (hint && !(d.name.endsWith(hint.suffix) && hint.levels.includes(d.level)))) continue;
    // Given the kind of place, mentions of its counties count for a city, less than its own;
    // without one they would only pull every answer up to the province.
    const s = (weights.get(c) ?? 0) + (hint ? 0.5 * (below.get(c) ?? 0) : 0);
    const at = firstAt.get(c) ?? Number.POSITIVE_INFINITY;
    if (s > top || (s === top && at < bestAt)) {
      best = c;
      top = s;
      bestAt = at;
    }
  }
  return top >= 1 ? best : undefined;
}

function toMatch(idx: Index, code: string, ambiguous?: string[]): RegionMatch | null {
  const d = idx.divisions.get(code);
  if (!d) return null;
  const path = ancestorsOrSelf(idx.divisions, code)
    .reverse()
    .map((c) => idx.divisions.get(c)?.name ?? '');
  const m: RegionMatch = { code, name: d.name, path, level: d.level };
  if (ambiguous) m.ambiguous = ambiguous;
  return m;
}

/**
 * Resolves the division an agency belongs to from its name, using the report text (`context`)
 * to settle ambiguous names (鼓楼区) or supply the place a name leaves out (市机关事务管理局).
 * Returns null when no place can be told.
 */
export function resolveRegion(agencyName: string, context?: string): RegionMatch | null {
  const idx = getIndex();
  const name = normalize(typeof agencyName === 'string' ? agencyName.slice(0, MAX_NAME) : '');
  const cands = candidatesFromName(idx, scan(idx, name, 'name'));
  if (cands.length === 1) return toMatch(idx, cands[0] as string);
  const hasContext = typeof context === 'string' && context.length > 0;
  if (cands.length === 0) {
    if (!hasContext) return null;
    const key = name.slice(hintOf(name)?.prefix.length ?? 0).slice(0, AGENCY_KEY);
    const ev = gatherEvidence(idx, context, key.length >= 2 ? key : undefined);
    const code = fromContextOnly(idx, name, ev);
    return code ? toMatch(idx, code) : null;
  }
  const ev = hasContext ? gatherEvidence(idx, context) : undefined;
  const best = ev && pickBest(cands, (c) => support(idx, ev.own, c, true));
  if (best) return toMatch(idx, best);
  const lca = commonAncestor(idx, cands);
  return lca ? toMatch(idx, lca, [...cands].sort()) : null;
}

/** Province → city → county steps of a code (the code's own step last); null if unknown. */
export function regionPath(code: string): RegionPathStep[] | null {
  const idx = getIndex();
  if (!idx.divisions.has(code)) return null;
  return ancestorsOrSelf(idx.divisions, code)
    .reverse()
    .map((c) => {
      const d = idx.divisions.get(c) as Division;
      return { code: d.code, name: d.name, level: d.level };
    });
}

/** Level of a GB/T 2260 code ('city' for 东莞市, 'county' for 济源市); null if unknown. */
export function regionLevel(code: string): RegionLevel | null {
  return getIndex().divisions.get(code)?.level ?? null;
}

/** Divisions directly under `code` (provinces when null), in code order: for browsing by region. */
export function regionChildren(code: string | null): RegionPathStep[] {
  const out: RegionPathStep[] = [];
  for (const d of getIndex().divisions.values()) {
    if (d.parent === code) out.push({ code: d.code, name: d.name, level: d.level });
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}
