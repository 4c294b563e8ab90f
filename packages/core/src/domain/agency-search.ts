/**
 * The in-memory agency-name search: a snapshot of every agency that answers 教育, jiaoyu or
 * gzsjy with 广州市教育局 in a few milliseconds at 300,000 agencies.
 *
 * Inverted indexes map a short key to the entries containing it:
 * - name and alias text: every character and every pair of adjacent characters;
 * - pinyin: every token (a syllable, or a run of ASCII letters/digits), and every pair of
 *   adjacent tokens, so that a query typed as several syllables reads a short list;
 * - initials: every pair of adjacent initials.
 * Entries are numbered ("slots") in ranking tie-break order, shorter name then id, and a posting
 * packs `position << 25 | slot` in a sorted Int32Array. So a list reads best-first: by position
 * (which bounds the score), then by tie-break. A query stops as soon as nothing further along
 * can enter its top k, typically after a few dozen postings even for a one-letter query.
 * When a region or level filter is narrow enough that the postings would be read far, the
 * entries it allows are scored directly instead.
 * Entries added after the build take new slots at the end (out of tie-break order; the code
 * allows for that). Removal leaves a tombstone; everything is renumbered once tombstones
 * outnumber live entries.
 */

import { type AgencyLevel, pinyinTokens } from './agency-identity.ts';

export interface SearchEntry {
  id: string;
  name: string;
  aliases?: readonly string[];
  regionCode: string | null;
  level: AgencyLevel;
}

export interface SearchHit {
  id: string;
  name: string;
  score: number;
  matched: 'name' | 'alias' | 'pinyin' | 'initials';
}

export interface SearchOptions {
  /** Default 20, at most 100, at least 1. */
  limit?: number;
  /** Only agencies whose region code starts with this. */
  regionPrefix?: string;
  level?: AgencyLevel;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
export const MAX_QUERY_LENGTH = 64;

// Scores. Each tier's range lies above the next one's, so the tier decides the order first.
const EXACT = 1000;
const PREFIX = 900;
const SUBSTRING = 800; // minus the position (a substring starts at 1 or later)
const ALIAS_EXACT = 650;
const ALIAS_PREFIX = 600;
const ALIAS_SUBSTRING = 500; // minus the position
const PINYIN = 300; // minus the index of the token where the match starts
const INITIALS = 200; // minus the index of the token where the match starts
const TIER_NAME = 700;
const TIER_ALIAS = 400;

const POS_SHIFT = 25;
const POS_MAX = 63;
const POS_SPAN = 2 ** POS_SHIFT;
const SLOT_MASK = POS_SPAN - 1;
const MAX_SLOTS = POS_SPAN;
// Bounds on what one entry may put in the index; real names are far shorter.
const MAX_KEY_LENGTH = 256;
const MAX_TOKENS = 255;
const MAX_TOKEN_LENGTH = 32;
// Token ids are 16-bit; past that many distinct tokens (only possible with tens of thousands of
// distinct ASCII runs) further runs are searchable by name but not by pinyin.
const TOKEN_OVERFLOW = 0xffff;
const NO_INITIAL = '\u0000';
const COMPACT_MIN_DEAD = 1024;
// Planning a filtered query: scoring an entry directly costs a few postings' worth, and a
// best-first read of the postings stops after about this many times limit / selectivity.
const DIRECT_SCAN_FACTOR = 4;
const EARLY_STOP_FACTOR = 4;
// Before verifying a long candidate list, drop candidates missing the next rarest bigram, when
// that list is short enough to mark.
const MARK_MIN_CANDIDATES = 256;
const MARK_MAX_RATIO = 10;
// Splitting a pinyin query into tokens: past these, fall back to candidates by initials.
const MAX_SEGMENTATIONS = 32;
const MAX_SEGMENT_STEPS = 2000;
const MAX_PAIR_LISTS = 256;

const NO_REGION = -1;
const OTHER_REGION = -2;

const LEVEL_CODES: ReadonlyMap<string, number> = new Map<AgencyLevel, number>([
  ['province', 1],
  ['city', 2],
  ['county', 3],
  ['township', 4],
  ['department', 5],
]);

// How a scanned list is scored (plain numbers: the hot loop switches on them).
type Mode = number;
/** The query is the gram: the posting's position is the match's. */
const NAME_DIRECT: Mode = 0;
/** The list is the query's rarest bigram: verify with indexOf. */
const NAME_VERIFY: Mode = 1;
const ALIAS: Mode = 2;
/** Each list is exact (its position is the match's token index) or needs verifying. */
const PINYIN_TOKENS: Mode = 3;
const INITIALS_DIRECT: Mode = 4;
const INITIALS_VERIFY: Mode = 5;

const pack = (pos: number, slot: number): number =>
  (pos < POS_MAX ? pos : POS_MAX) * POS_SPAN + slot;

// How postings are written: counted, then filled at exact size while building (growing
// buffers would churn external memory and trigger full GCs), then inserted one by one.
const COUNT = 0;
const FILL = 1;
const INSERT = 2;
const EMPTY = new Int32Array(0);

/** A sorted list of packed postings. */
class Postings {
  a: Int32Array = EMPTY;
  n = 0;
  count = 0;
  /** The last slot posted, so an entry's repeated grams are posted once. */
  last = -1;

  add(v: number, phase: number): void {
    if (phase === COUNT) {
      this.count += 1;
      return;
    }
    if (phase === FILL) {
      this.a[this.n++] = v;
      return;
    }
    if (this.n === this.a.length) {
      const b = new Int32Array(Math.max(4, this.a.length * 2));
      b.set(this.a);
      this.a = b;
    }
    // After the build the slot is the highest yet: it goes last among its position.
    const next = (Math.floor(v / POS_SPAN) + 1) * POS_SPAN;
    const at = lowerBound(this.a, 0, this.n, next);
    this.a.copyWithin(at + 1, at, this.n);
    this.a[at] = v;
    this.n += 1;
  }

  allocate(): void {
    this.a = this.count === 0 ? EMPTY : new Int32Array(this.count);
    this.n = 0;
    this.last = -1;
  }

  /** Sorts a list filled in slot order by position: a stable counting sort through `scratch`. */
  sort(scratch: Int32Array): void {
    const { a, n } = this;
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = (a[i - 1] as number) <= (a[i] as number);
    if (sorted) return;
    const starts = new Int32Array(POS_MAX + 2);
    for (let i = 0; i < n; i++) {
      const p = Math.floor((a[i] as number) / POS_SPAN) + 1;
      starts[p] = (starts[p] as number) + 1;
    }
    for (let p = 1; p <= POS_MAX + 1; p++)
      starts[p] = (starts[p] as number) + (starts[p - 1] as number);
    for (let i = 0; i < n; i++) {
      const v = a[i] as number;
      const p = Math.floor(v / POS_SPAN);
      const at = starts[p] as number;
      scratch[at] = v;
      starts[p] = at + 1;
    }
    a.set(scratch.subarray(0, n));
  }

  view(): Int32Array {
    return this.a.subarray(0, this.n);
  }
}

/** The first index in `a[from, to)` whose value is ≥ `v` (the range is sorted). */
function lowerBound(a: Int32Array, from: number, to: number, v: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Search text: width- and case-folded, without whitespace or invisible characters. */
function searchKey(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{Cc}\p{Cf}]+/gu, '');
}

function normalizeQuery(query: string): string {
  // Bound the work before normalizing; the result is cut to MAX_QUERY_LENGTH anyway.
  const raw = query.length > MAX_QUERY_LENGTH * 8 ? query.slice(0, MAX_QUERY_LENGTH * 8) : query;
  const key = searchKey(raw);
  if (key.length <= MAX_QUERY_LENGTH) return key;
  return Array.from(key).slice(0, MAX_QUERY_LENGTH).join('');
}

/** The pinyin/initials form of a query: only for queries typed in ASCII. */
function pinyinQuery(q: string): string {
  const s = q.replace(/ü/g, 'v');
  if (/[^\x20-\x7e]/.test(s)) return '';
  return s.replace(/[^a-z0-9]/g, '');
}

const gramKey = (s: string, i: number): number => s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
// Initials are [a-z0-9] or NO_INITIAL: a pair fits a small array.
const initialKey = (a: number, b: number): number => (a & 127) * 128 + (b & 127);

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Prepared {
  id: string;
  name: string;
  key: string;
  aliasKeys: string[] | null;
  regionCode: string | null;
  level: number;
  tokens: readonly number[];
}

/** The rarest of a query's bigram lists, its offset in the query, and the next rarest. */
interface Rarest {
  list: Int32Array;
  offset: number;
  second: Int32Array | null;
}

/** Picks from `count` bigram lists; null when one is missing (nothing can match). */
function rarest(count: number, get: (i: number) => Postings | undefined): Rarest | null {
  let best: Postings | undefined;
  let second: Postings | undefined;
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const p = get(i);
    if (p === undefined) return null;
    if (p === best || p === second) continue;
    if (best === undefined || p.n < best.n) {
      second = best;
      best = p;
      offset = i;
    } else if (second === undefined || p.n < second.n) {
      second = p;
    }
  }
  return best ? { list: best.view(), offset, second: second ? second.view() : null } : null;
}

/** The lists a pinyin query reads, with each list's offset into the query and exactness. */
interface PinyinPlan {
  lists: Int32Array[];
  offsets: number[];
  exact: boolean[];
}

interface Grams {
  uni: Map<number, Postings>;
  bi: Map<number, Postings>;
}

const newGrams = (): Grams => ({ uni: new Map(), bi: new Map() });

export class AgencySearchIndex {
  // Per slot.
  private ids: string[] = [];
  private names: string[] = [];
  private keys: string[] = [];
  private aliasKeys = new Map<number, string[]>();
  private otherRegions = new Map<number, string>();
  private alive = new Uint8Array(0);
  private levels = new Uint8Array(0);
  private keyLength = new Uint16Array(0);
  private regionNum = new Int32Array(0);
  private tokenStart = new Int32Array(0);
  private tokenCount = new Uint8Array(0);
  private seen = new Uint32Array(0);
  private verified = new Uint32Array(0);
  private marked = new Uint32Array(0);
  private aliased = new Uint8Array(0);
  private slots = 0;
  /** Slots below this are numbered in tie-break order. */
  private sortedSlots = 0;
  private slotOf = new Map<string, number>();
  private dead = 0;
  private countsByRegion: Map<string, number> | null = null;

  // Token dictionary, and each slot's tokens in one arena.
  private tokenIds = new Map<string, number>();
  private tokenText: string[] = [];
  private tokenInitials: string[] = [];
  private tokensByText: number[] | null = null;
  private arena = new Uint16Array(1024);
  private arenaLength = 0;

  // Postings, and the slots by level and by region for filtered scans.
  private phase = INSERT;
  private nameGrams = newGrams();
  private aliasGrams = newGrams();
  private tokenPostings: Postings[] = [];
  private tokenPairs = new Map<number, Postings>();
  private initialGrams: (Postings | undefined)[] = new Array(128 * 128);
  private levelSlots: Postings[] = [];
  private regionOrder = new Int32Array(0);
  private regionOrderLength = 0;

  // The current query.
  private generation = 0;
  private limit = DEFAULT_LIMIT;
  private levelFilter = 0;
  private regionFilter = '';
  private regionLo = 0;
  private regionHi = 0;
  private q = '';
  private pq = '';
  private plan: PinyinPlan | null = null;
  private markGeneration = 0;
  private useMark = false;
  private heapSlots = new Int32Array(MAX_LIMIT);
  private heapScores = new Int32Array(MAX_LIMIT);
  private heapSize = 0;

  constructor(entries: Iterable<SearchEntry> = []) {
    const byId = new Map<string, SearchEntry>();
    for (const e of entries) byId.set(e.id, e);
    this.load([...byId.values()].map((e) => this.prepare(e)));
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds an entry, replacing any entry with the same id. */
  add(entry: SearchEntry): void {
    this.countsByRegion = null;
    this.remove(entry.id);
    const doc = this.prepare(entry);
    this.post(this.insert(doc), doc);
  }

  /** Removes an entry; false when there was none. */
  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.countsByRegion = null;
    this.slotOf.delete(id);
    this.alive[slot] = 0;
    this.dead += 1;
    if (this.dead >= COMPACT_MIN_DEAD && this.dead > this.slotOf.size) this.rebuild();
    return true;
  }

  /**
   * Live agencies per six-digit region code (others are left out), for browsing by place. Kept
   * until the next change: a region page asks for it up to three times, each a pass over every slot.
   */
  regionCounts(): ReadonlyMap<string, number> {
    if (this.countsByRegion) return this.countsByRegion;
    const counts = new Map<string, number>();
    for (let slot = 0; slot < this.slots; slot++) {
      const rn = this.regionNum[slot] as number;
      if (this.alive[slot] !== 1 || rn < 0) continue;
      const code = String(rn).padStart(6, '0');
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    this.countsByRegion = counts;
    return counts;
  }

  search(query: string, opts: SearchOptions = {}): SearchHit[] {
    if (typeof query !== 'string') return [];
    const q = normalizeQuery(query);
    if (q === '' || this.slotOf.size === 0) return [];
    if (!this.setFilters(opts ?? {})) return [];
    this.q = q;
    this.pq = pinyinQuery(q);
    this.plan = null;
    this.heapSize = 0;
    this.generation += 1;
    if (this.generation === 0xffffffff) {
      this.seen.fill(0);
      this.verified.fill(0);
      this.generation = 1;
    }

    const filtered = this.filteredSlots();
    if (filtered !== null && this.prefersSlots(filtered.count)) {
      for (const part of filtered.parts) this.scanSlots(part);
    } else {
      // Tiers in rank order; a slot is scored by the first tier that finds it.
      this.searchName();
      this.searchAlias();
      if (this.pq !== '') {
        this.searchPinyin();
        if (this.pq.length >= 2) this.searchInitials();
      }
    }
    return this.results();
  }

  // --- building --------------------------------------------------------------------------------

  private prepare(entry: SearchEntry): Prepared {
    let key = searchKey(entry.name).slice(0, MAX_KEY_LENGTH);
    // Most names are their own key: share the string rather than keep two copies.
    if (key === entry.name) key = entry.name;
    let aliasKeys: string[] | null = null;
    for (const alias of entry.aliases ?? []) {
      if (typeof alias !== 'string') continue;
      const a = searchKey(alias).slice(0, MAX_KEY_LENGTH);
      if (a === '' || a === key || aliasKeys?.includes(a)) continue;
      aliasKeys ??= [];
      aliasKeys.push(a);
    }
    const tokens = pinyinTokens(entry.name)
      .slice(0, MAX_TOKENS)
      .map((t) => this.tokenId(t.text.slice(0, MAX_TOKEN_LENGTH), t.han));
    return {
      id: entry.id,
      name: entry.name,
      key,
      aliasKeys,
      regionCode: typeof entry.regionCode === 'string' ? entry.regionCode : null,
      level: LEVEL_CODES.get(entry.level) ?? 0,
      tokens,
    };
  }

  private tokenId(text: string, han: boolean): number {
    // A syllable and an ASCII run may spell alike but have different initials (an → a / an).
    const k = (han ? 'h' : 'a') + text;
    let id = this.tokenIds.get(k);
    if (id === undefined) {
      if (this.tokenText.length >= TOKEN_OVERFLOW) return TOKEN_OVERFLOW;
      id = this.tokenText.length;
      this.tokenIds.set(k, id);
      this.tokenText.push(text);
      this.tokenInitials.push(han ? text.charAt(0) : text);
      this.tokenPostings.push(new Postings());
      this.tokensByText = null;
    }
    return id;
  }

  /** Numbers the entries in tie-break order and builds every list at its exact size. */
  private load(docs: Prepared[]): void {
    docs.sort((a, b) => a.key.length - b.key.length || compareIds(a.id, b.id));
    const first = this.slots;
    this.phase = COUNT;
    // Exact sizes: doubling would leave up to half of every per-slot array unused.
    this.ensureCapacity(first + docs.length);
    const tokens = docs.reduce((n, d) => n + d.tokens.length, this.arenaLength);
    if (tokens > this.arena.length) {
      const arena = new Uint16Array(tokens);
      arena.set(this.arena.subarray(0, this.arenaLength));
      this.arena = arena;
    }
    for (const doc of docs) this.insert(doc);
    const lists = (): Postings[] => [
      ...this.nameGrams.uni.values(),
      ...this.nameGrams.bi.values(),
      ...this.aliasGrams.uni.values(),
      ...this.aliasGrams.bi.values(),
      ...this.tokenPostings,
      ...this.tokenPairs.values(),
      ...this.initialGrams.filter((p): p is Postings => p !== undefined),
    ];
    for (let i = 0; i < docs.length; i++) this.post(first + i, docs[i] as Prepared);
    let longest = 0;
    for (const p of lists()) {
      p.allocate();
      if (p.count > longest) longest = p.count;
    }
    this.phase = FILL;
    for (let i = 0; i < docs.length; i++) this.post(first + i, docs[i] as Prepared);
    const scratch = new Int32Array(longest);
    for (const p of lists()) p.sort(scratch);
    this.phase = INSERT;

    const order: number[] = [];
    for (let slot = 0; slot < this.slots; slot++)
      if ((this.regionNum[slot] as number) >= 0) order.push(slot);
    order.sort((a, b) => (this.regionNum[a] as number) - (this.regionNum[b] as number) || a - b);
    this.regionOrder = Int32Array.from(order);
    this.regionOrderLength = order.length;
    this.sortedSlots = this.slots;
  }

  /** Gives the entry a slot and its per-slot data. */
  private insert(doc: Prepared): number {
    const slot = this.slots;
    if (slot >= MAX_SLOTS) throw new RangeError('agency search index is full');
    this.ensureCapacity(slot + 1);
    this.slots += 1;
    this.ids.push(doc.id);
    this.names.push(doc.name);
    this.keys.push(doc.key);
    this.slotOf.set(doc.id, slot);
    this.alive[slot] = 1;
    this.levels[slot] = doc.level;
    this.keyLength[slot] = doc.key.length;
    this.levelSlotsOf(doc.level).add(slot, INSERT);
    this.aliased[slot] = doc.aliasKeys ? 1 : 0;
    if (doc.aliasKeys) this.aliasKeys.set(slot, doc.aliasKeys);
    this.setRegion(slot, doc.regionCode);
    this.tokenStart[slot] = this.arenaLength;
    this.tokenCount[slot] = doc.tokens.length;
    if (this.arenaLength + doc.tokens.length > this.arena.length) {
      const grown = new Uint16Array(
        Math.max(this.arena.length * 2, this.arenaLength + doc.tokens.length),
      );
      grown.set(this.arena.subarray(0, this.arenaLength));
      this.arena = grown;
    }
    for (const id of doc.tokens) this.arena[this.arenaLength++] = id;
    return slot;
  }

  /** Posts the entry's grams, tokens and initials pairs. */
  private post(slot: number, doc: Prepared): void {
    const phase = this.phase;
    this.postText(this.nameGrams, doc.key, slot, true);
    for (const alias of doc.aliasKeys ?? []) this.postText(this.aliasGrams, alias, slot, false);
    let prev = -1;
    for (let i = 0; i < doc.tokens.length; i++) {
      const id = doc.tokens[i] as number;
      const token = this.tokenPostings[id];
      if (token !== undefined && token.last !== slot) {
        token.last = slot;
        token.add(pack(i, slot), phase);
      }
      const before = i > 0 ? (doc.tokens[i - 1] as number) : TOKEN_OVERFLOW;
      if (before !== TOKEN_OVERFLOW && id !== TOKEN_OVERFLOW) {
        const key = before * 65536 + id;
        let pair = this.tokenPairs.get(key);
        if (pair === undefined) {
          pair = new Postings();
          this.tokenPairs.set(key, pair);
        }
        if (pair.last !== slot) {
          pair.last = slot;
          pair.add(pack(i - 1, slot), phase);
        }
      }
      // Initials pairs, each at the token its first letter belongs to.
      const init = this.tokenInitials[id] ?? NO_INITIAL;
      for (let k = 0; k < init.length; k++) {
        const c = init.charCodeAt(k);
        if (prev >= 0) {
          const key = initialKey(prev, c);
          let p = this.initialGrams[key];
          if (p === undefined) {
            p = new Postings();
            this.initialGrams[key] = p;
          }
          if (p.last !== slot) {
            p.last = slot;
            p.add(pack(k === 0 ? i - 1 : i, slot), phase);
          }
        }
        prev = c;
      }
    }
  }

  /** Posts every character and character pair of `text`, at its first position if `positions`. */
  private postText(grams: Grams, text: string, slot: number, positions: boolean): void {
    for (let i = 0; i < text.length; i++) {
      const v = pack(positions ? i : 0, slot);
      const c = text.charCodeAt(i);
      let uni = grams.uni.get(c);
      if (uni === undefined) {
        uni = new Postings();
        grams.uni.set(c, uni);
      }
      if (uni.last !== slot) {
        uni.last = slot;
        uni.add(v, this.phase);
      }
      if (i + 1 < text.length) {
        const k = gramKey(text, i);
        let bi = grams.bi.get(k);
        if (bi === undefined) {
          bi = new Postings();
          grams.bi.set(k, bi);
        }
        if (bi.last !== slot) {
          bi.last = slot;
          bi.add(v, this.phase);
        }
      }
    }
  }

  private setRegion(slot: number, region: string | null): void {
    if (region === null) {
      this.regionNum[slot] = NO_REGION;
      return;
    }
    if (!/^\d{6}$/.test(region)) {
      this.regionNum[slot] = OTHER_REGION;
      this.otherRegions.set(slot, region);
      return;
    }
    const rn = Number(region);
    this.regionNum[slot] = rn;
    // While loading, the order is sorted once at the end.
    if (this.phase !== INSERT) return;
    // After the build: the slot is the highest yet, so it goes last among its region.
    if (this.regionOrderLength === this.regionOrder.length) {
      const grown = new Int32Array(Math.max(1024, this.regionOrder.length * 2));
      grown.set(this.regionOrder);
      this.regionOrder = grown;
    }
    let lo = 0;
    let hi = this.regionOrderLength;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.regionNum[this.regionOrder[mid] as number] as number) <= rn) lo = mid + 1;
      else hi = mid;
    }
    this.regionOrder.copyWithin(lo + 1, lo, this.regionOrderLength);
    this.regionOrder[lo] = slot;
    this.regionOrderLength += 1;
  }

  private levelSlotsOf(level: number): Postings {
    let p = this.levelSlots[level];
    if (p === undefined) {
      p = new Postings();
      this.levelSlots[level] = p;
    }
    return p;
  }

  private ensureCapacity(n: number): void {
    if (n <= this.alive.length) return;
    const size = Math.max(1024, this.alive.length * 2, n);
    const grow = <T extends Uint8Array | Uint16Array | Int32Array | Uint32Array>(
      from: T,
      to: T,
    ): T => {
      to.set(from);
      return to;
    };
    this.alive = grow(this.alive, new Uint8Array(size));
    this.levels = grow(this.levels, new Uint8Array(size));
    this.keyLength = grow(this.keyLength, new Uint16Array(size));
    this.regionNum = grow(this.regionNum, new Int32Array(size));
    this.tokenStart = grow(this.tokenStart, new Int32Array(size));
    this.tokenCount = grow(this.tokenCount, new Uint8Array(size));
    this.seen = grow(this.seen, new Uint32Array(size));
    this.verified = grow(this.verified, new Uint32Array(size));
    this.marked = grow(this.marked, new Uint32Array(size));
    this.aliased = grow(this.aliased, new Uint8Array(size));
  }

  /** Renumbers the live entries, so tombstones stop costing memory and time. */
  private rebuild(): void {
    const docs: Prepared[] = [];
    for (let slot = 0; slot < this.slots; slot++) {
      if (this.alive[slot] !== 1) continue;
      const start = this.tokenStart[slot] as number;
      const rn = this.regionNum[slot] as number;
      docs.push({
        id: this.ids[slot] as string,
        name: this.names[slot] as string,
        key: this.keys[slot] as string,
        aliasKeys: this.aliasKeys.get(slot) ?? null,
        regionCode:
          rn >= 0
            ? String(rn).padStart(6, '0')
            : rn === NO_REGION
              ? null
              : (this.otherRegions.get(slot) ?? null),
        level: this.levels[slot] as number,
        tokens: Array.from(this.arena.subarray(start, start + (this.tokenCount[slot] as number))),
      });
    }
    this.ids = [];
    this.names = [];
    this.keys = [];
    this.aliasKeys = new Map();
    this.otherRegions = new Map();
    this.slotOf = new Map();
    this.slots = 0;
    this.dead = 0;
    this.alive.fill(0);
    this.arenaLength = 0;
    this.nameGrams = newGrams();
    this.aliasGrams = newGrams();
    this.tokenPostings = this.tokenText.map(() => new Postings());
    this.tokenPairs = new Map();
    this.initialGrams = new Array(128 * 128);
    this.levelSlots = [];
    this.load(docs);
  }

  // --- filters and planning -------------------------------------------------------------------

  private setFilters(opts: SearchOptions): boolean {
    const limit = opts.limit;
    this.limit =
      typeof limit === 'number' && Number.isFinite(limit)
        ? Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)))
        : DEFAULT_LIMIT;
    this.levelFilter = opts.level === undefined ? 0 : (LEVEL_CODES.get(opts.level) ?? -1);
    if (this.levelFilter < 0) return false;
    const prefix = typeof opts.regionPrefix === 'string' ? opts.regionPrefix : '';
    this.regionFilter = prefix;
    // Six-digit codes compare as a numeric range; other codes by string.
    if (/^\d{1,6}$/.test(prefix)) {
      const span = 10 ** (6 - prefix.length);
      this.regionLo = Number(prefix) * span;
      this.regionHi = this.regionLo + span;
    } else {
      this.regionLo = 0;
      this.regionHi = 0;
    }
    return true;
  }

  private accepts(slot: number): boolean {
    if (this.alive[slot] !== 1 || this.seen[slot] === this.generation) return false;
    if (this.levelFilter !== 0 && this.levels[slot] !== this.levelFilter) return false;
    if (this.regionFilter !== '') {
      const rn = this.regionNum[slot] as number;
      if (rn >= this.regionLo && rn < this.regionHi) return true;
      if (rn !== OTHER_REGION) return false;
      return (this.otherRegions.get(slot) ?? '').startsWith(this.regionFilter);
    }
    return true;
  }

  /**
   * The slots the narrower filter allows (the other is checked per slot), as views, or null
   * without filters.
   */
  private filteredSlots(): { count: number; parts: Int32Array[] } | null {
    let best: { count: number; parts: Int32Array[] } | null = null;
    if (this.levelFilter !== 0) {
      const view = this.levelSlots[this.levelFilter]?.view() ?? EMPTY;
      best = { count: view.length, parts: [view] };
    }
    if (this.regionFilter !== '') {
      const order = this.regionOrder;
      const num = this.regionNum;
      const bound = (v: number): number => {
        let lo = 0;
        let hi = this.regionOrderLength;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if ((num[order[mid] as number] as number) < v) lo = mid + 1;
          else hi = mid;
        }
        return lo;
      };
      const numeric = this.regionHi > this.regionLo;
      const lo = numeric ? bound(this.regionLo) : 0;
      const hi = numeric ? bound(this.regionHi) : 0;
      const other: number[] = [];
      for (const [slot, code] of this.otherRegions) {
        if (code.startsWith(this.regionFilter)) other.push(slot);
      }
      const count = hi - lo + other.length;
      if (best === null || count < best.count) {
        best = { count, parts: [order.subarray(lo, hi), Int32Array.from(other)] };
      }
    }
    return best;
  }

  /** Whether scoring the `count` slots a filter allows is cheaper than reading postings. */
  private prefersSlots(count: number): boolean {
    if (count === 0) return true;
    const bestFirst = (EARLY_STOP_FACTOR * this.limit * this.slotOf.size) / count;
    return count * DIRECT_SCAN_FACTOR < Math.min(this.postingCost(), bestFirst);
  }

  /** How many postings the tiers would read at most. */
  private postingCost(): number {
    const { q, pq } = this;
    let cost = this.nameList(this.nameGrams, q)?.list.length ?? 0;
    cost += this.nameList(this.aliasGrams, q)?.list.length ?? 0;
    if (pq !== '') {
      for (const list of this.pinyinPlan().lists) cost += list.length;
      cost += this.initialsList()?.list.length ?? 0;
    }
    return cost;
  }

  /** The list to read for `q` in `grams`: the gram itself, or its rarest bigram and offset. */
  private nameList(grams: Grams, q: string): Rarest | null {
    if (q.length === 1) {
      const p = grams.uni.get(q.charCodeAt(0));
      return p ? { list: p.view(), offset: 0, second: null } : null;
    }
    return rarest(q.length - 1, (i) => grams.bi.get(gramKey(q, i)));
  }

  /**
   * The lists for a pinyin query. Exact lists give the match's token index as their position:
   * the tokens the query begins, and the pairs (token, a token the rest begins) when the query
   * splits into two tokens. Longer splits read their rarest pair of whole tokens and verify. When
   * the query splits too many ways, candidates come from initials pairs instead (and verify).
   */
  private pinyinPlan(): PinyinPlan {
    if (this.plan !== null) return this.plan;
    const pq = this.pq;
    const plan: PinyinPlan = { lists: [], offsets: [], exact: [] };
    const push = (list: Int32Array, offset: number, exact: boolean): void => {
      plan.lists.push(list);
      plan.offsets.push(offset);
      plan.exact.push(exact);
    };
    for (const id of this.tokensStartingWith(pq))
      push((this.tokenPostings[id] as Postings).view(), 0, true);
    const single = plan.lists.length;
    const splits = this.segmentations(pq);
    let ok = splits !== null;
    for (const parts of splits ?? []) {
      if (!ok) break;
      if (parts.length === 2) {
        for (const a of this.tokenIdsOf(parts[0] as string)) {
          for (const b of this.tokensStartingWith(parts[1] as string)) {
            const pair = this.tokenPairs.get(a * 65536 + b);
            if (pair !== undefined) push(pair.view(), 0, true);
          }
        }
      } else {
        // Whole tokens are parts[0 .. length - 2]; take the rarest adjacent pair of them.
        let best: Postings[] | null = null;
        let bestSize = Number.POSITIVE_INFINITY;
        let offset = 0;
        for (let j = 0; j + 2 < parts.length; j++) {
          const lists: Postings[] = [];
          let size = 0;
          for (const a of this.tokenIdsOf(parts[j] as string)) {
            for (const b of this.tokenIdsOf(parts[j + 1] as string)) {
              const pair = this.tokenPairs.get(a * 65536 + b);
              if (pair !== undefined) {
                lists.push(pair);
                size += pair.n;
              }
            }
          }
          if (size < bestSize) {
            best = lists;
            bestSize = size;
            offset = j;
          }
        }
        for (const pair of best ?? []) push(pair.view(), offset, false);
      }
      ok = plan.lists.length - single <= MAX_PAIR_LISTS;
    }
    if (!ok) {
      plan.lists.length = single;
      plan.offsets.length = single;
      plan.exact.length = single;
      // Every way the first token can end: the initials pair it makes with the next letter
      // (a syllable contributes its first letter; an ASCII run all of its letters).
      const keys = new Set<number>();
      for (let len = 1; len < pq.length && len <= MAX_TOKEN_LENGTH; len++) {
        const first = pq.slice(0, len);
        const next = pq.charCodeAt(len);
        if (this.tokenIds.has(`h${first}`)) keys.add(initialKey(first.charCodeAt(0), next));
        if (this.tokenIds.has(`a${first}`)) keys.add(initialKey(first.charCodeAt(len - 1), next));
      }
      for (const k of keys) {
        const p = this.initialGrams[k];
        if (p !== undefined) push(p.view(), 0, false);
      }
    }
    this.plan = plan;
    return plan;
  }

  /**
   * The ways `pq` splits into whole tokens followed by the start of a token, with at least two
   * parts; null when there are too many to list.
   */
  private segmentations(pq: string): string[][] | null {
    const out: string[][] = [];
    const parts: string[] = [];
    let steps = 0;
    const walk = (i: number): boolean => {
      steps += 1;
      if (steps > MAX_SEGMENT_STEPS) return false;
      const rest = pq.slice(i);
      if (parts.length > 0 && this.tokensStartingWith(rest).length > 0) {
        out.push([...parts, rest]);
        if (out.length > MAX_SEGMENTATIONS) return false;
      }
      for (let len = 1; len < rest.length && len <= MAX_TOKEN_LENGTH; len++) {
        const part = rest.slice(0, len);
        if (this.tokenIdsOf(part).length === 0) continue;
        parts.push(part);
        const ok = walk(i + len);
        parts.pop();
        if (!ok) return false;
      }
      return true;
    };
    return walk(0) ? out : null;
  }

  /** The token ids spelled `text` (a syllable, an ASCII run, or both). */
  private tokenIdsOf(text: string): number[] {
    const ids: number[] = [];
    const h = this.tokenIds.get(`h${text}`);
    if (h !== undefined) ids.push(h);
    const a = this.tokenIds.get(`a${text}`);
    if (a !== undefined) ids.push(a);
    return ids;
  }

  /** The ids of the tokens that start with `prefix`. */
  private tokensStartingWith(prefix: string): number[] {
    const byText = this.sortedTokens();
    let lo = 0;
    let hi = byText.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.tokenText[byText[mid] as number] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const ids: number[] = [];
    for (let t = lo; t < byText.length; t++) {
      const id = byText[t] as number;
      if (!(this.tokenText[id] as string).startsWith(prefix)) break;
      ids.push(id);
    }
    return ids;
  }

  private initialsList(): Rarest | null {
    const pq = this.pq;
    if (pq.length < 2) return null;
    return rarest(
      pq.length - 1,
      (i) => this.initialGrams[initialKey(pq.charCodeAt(i), pq.charCodeAt(i + 1))],
    );
  }

  private sortedTokens(): number[] {
    this.tokensByText ??= this.tokenText
      .map((_, i) => i)
      .sort((a, b) => compareIds(this.tokenText[a] as string, this.tokenText[b] as string));
    return this.tokensByText;
  }

  // --- the tiers ------------------------------------------------------------------------------

  private searchName(): void {
    const found = this.nameList(this.nameGrams, this.q);
    if (found === null) return;
    this.markSecond(found);
    this.scan([found.list], this.q.length <= 2 ? NAME_DIRECT : NAME_VERIFY, [found.offset], null);
  }

  private searchAlias(): void {
    const found = this.nameList(this.aliasGrams, this.q);
    if (found !== null) this.scan([found.list], ALIAS, [0], null);
  }

  private searchPinyin(): void {
    const plan = this.pinyinPlan();
    if (plan.lists.length > 0) this.scan(plan.lists, PINYIN_TOKENS, plan.offsets, plan.exact);
  }

  private searchInitials(): void {
    const found = this.initialsList();
    if (found === null) return;
    this.markSecond(found);
    const mode = this.pq.length === 2 ? INITIALS_DIRECT : INITIALS_VERIFY;
    this.scan([found.list], mode, [found.offset], null);
  }

  /** Marks the slots of the second rarest bigram, when that prunes enough to pay for itself. */
  private markSecond(found: Rarest): void {
    const second = found.second;
    this.useMark =
      second !== null &&
      found.list.length >= MARK_MIN_CANDIDATES &&
      second.length <= MARK_MAX_RATIO * found.list.length;
    if (!this.useMark || second === null) return;
    this.markGeneration += 1;
    if (this.markGeneration === 0xffffffff) {
      this.marked.fill(0);
      this.markGeneration = 1;
    }
    const g = this.markGeneration;
    for (let i = 0; i < second.length; i++) this.marked[(second[i] as number) & SLOT_MASK] = g;
  }

  /**
   * The best score anything at position `pos` of a list can get; `offset` is how far into the
   * query the list's key lies, so the match starts at least that much earlier.
   */
  private bound(mode: Mode, pos: number, offset: number): number {
    switch (mode) {
      case NAME_DIRECT:
        return pos === 0 ? EXACT : SUBSTRING - pos;
      case NAME_VERIFY:
        return pos <= offset ? EXACT : SUBSTRING - (pos - offset);
      case ALIAS:
        return ALIAS_EXACT;
      case PINYIN_TOKENS:
        return PINYIN - Math.max(0, pos - offset);
      default:
        return INITIALS - Math.max(0, pos - offset);
    }
  }

  /**
   * Reads the lists position by position. Within a position a list is in tie-break order, so
   * once an entry cannot beat the worst hit kept, neither can the rest of that position (apart
   * from entries added after the build); once no list's position can, the scan ends.
   */
  private scan(
    lists: readonly Int32Array[],
    mode: Mode,
    offsets: readonly number[],
    exact: readonly boolean[] | null,
  ): void {
    const cursors = new Int32Array(lists.length);
    for (let p = 0; p <= POS_MAX; p++) {
      if (this.heapSize === this.limit) {
        let most = Number.NEGATIVE_INFINITY;
        for (let k = 0; k < lists.length; k++)
          most = Math.max(most, this.bound(mode, p, offsets[k] ?? 0));
        if (most < (this.heapScores[0] as number)) return;
      }
      const end = (p + 1) * POS_SPAN;
      const tail = p * POS_SPAN + this.sortedSlots;
      for (let k = 0; k < lists.length; k++) {
        const a = lists[k] as Int32Array;
        const bound = this.bound(mode, p, offsets[k] ?? 0);
        const isExact = exact?.[k] ?? false;
        let c = cursors[k] as number;
        while (c < a.length) {
          const v = a[c] as number;
          if (v >= end) break;
          const slot = v & SLOT_MASK;
          if (this.heapSize === this.limit && slot < this.sortedSlots) {
            // A name hit at position 0 is exact or a prefix, which the name's length tells.
            const cap = bound === EXACT && this.keyLength[slot] !== this.q.length ? PREFIX : bound;
            if (
              !this.better(cap, slot, this.heapScores[0] as number, this.heapSlots[0] as number)
            ) {
              c = lowerBound(a, c, a.length, tail);
              continue;
            }
          }
          this.visit(mode, slot, p, isExact);
          c++;
        }
        cursors[k] = c;
      }
    }
  }

  private visit(mode: Mode, slot: number, pos: number, exact: boolean): void {
    if (!this.accepts(slot)) return;
    switch (mode) {
      case NAME_DIRECT: {
        const at = pos === POS_MAX ? (this.keys[slot] as string).indexOf(this.q) : pos;
        this.offer(slot, this.nameScore(slot, at));
        return;
      }
      case NAME_VERIFY: {
        if (this.useMark && this.marked[slot] !== this.markGeneration) return;
        const at = (this.keys[slot] as string).indexOf(this.q);
        if (at >= 0) this.offer(slot, this.nameScore(slot, at));
        return;
      }
      case ALIAS: {
        const score = this.aliasScore(slot);
        if (score >= 0) this.offer(slot, score);
        return;
      }
      case PINYIN_TOKENS: {
        if (exact) {
          this.offer(slot, PINYIN - pos);
          return;
        }
        if (this.verified[slot] === this.generation) return;
        this.verified[slot] = this.generation;
        const at = this.pinyinMatch(slot);
        if (at >= 0) this.offer(slot, PINYIN - Math.min(at, POS_MAX));
        return;
      }
      case INITIALS_DIRECT:
      case INITIALS_VERIFY: {
        if (mode === INITIALS_VERIFY && this.useMark && this.marked[slot] !== this.markGeneration)
          return;
        const at = mode === INITIALS_DIRECT && pos < POS_MAX ? pos : this.initialsMatch(slot);
        if (at >= 0) this.offer(slot, INITIALS - Math.min(at, POS_MAX));
        return;
      }
    }
  }

  // --- scoring one entry ----------------------------------------------------------------------

  /** Scores every slot a filter allows: cheaper than the postings when the filter is narrow. */
  private scanSlots(slots: Int32Array): void {
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] as number;
      if (!this.accepts(slot)) continue;
      const score = this.scoreSlot(slot);
      if (score >= 0) this.offer(slot, score);
    }
  }

  /** The entry's score for the current query, by the first tier that matches; -1 if none. */
  private scoreSlot(slot: number): number {
    const at = (this.keys[slot] as string).indexOf(this.q);
    if (at >= 0) return this.nameScore(slot, at);
    const alias = this.aliasScore(slot);
    if (alias >= 0) return alias;
    if (this.pq === '') return -1;
    const token = this.pinyinMatch(slot);
    if (token >= 0) return PINYIN - Math.min(token, POS_MAX);
    if (this.pq.length < 2) return -1;
    const initial = this.initialsMatch(slot);
    return initial >= 0 ? INITIALS - Math.min(initial, POS_MAX) : -1;
  }

  private nameScore(slot: number, at: number): number {
    if (at > 0) return SUBSTRING - Math.min(at, 99);
    return this.keyLength[slot] === this.q.length ? EXACT : PREFIX;
  }

  private aliasScore(slot: number): number {
    if (this.aliased[slot] !== 1) return -1;
    const q = this.q;
    let best = -1;
    for (const alias of this.aliasKeys.get(slot) ?? []) {
      const at = alias.indexOf(q);
      if (at < 0) continue;
      const score =
        at > 0
          ? ALIAS_SUBSTRING - Math.min(at, 99)
          : alias.length === q.length
            ? ALIAS_EXACT
            : ALIAS_PREFIX;
      if (score > best) best = score;
    }
    return best;
  }

  /** The index of the first token where the query starts in the entry's pinyin, or -1. */
  private pinyinMatch(slot: number): number {
    const pq = this.pq;
    const start = this.tokenStart[slot] as number;
    const count = this.tokenCount[slot] as number;
    const c0 = pq.charCodeAt(0);
    for (let i = 0; i < count; i++) {
      const head = this.tokenText[this.arena[start + i] as number];
      if (head === undefined || head.charCodeAt(0) !== c0) continue;
      let off = 0;
      let j = i;
      let ok = true;
      while (ok && off < pq.length) {
        const t = j < count ? this.tokenText[this.arena[start + j] as number] : undefined;
        if (t === undefined) {
          ok = false;
          break;
        }
        const m = Math.min(t.length, pq.length - off);
        for (let k = 0; k < m && ok; k++) ok = t.charCodeAt(k) === pq.charCodeAt(off + k);
        off += m;
        j += 1;
      }
      if (ok) return i;
    }
    return -1;
  }

  /** The index of the token where the query starts in the entry's initials, or -1. */
  private initialsMatch(slot: number): number {
    const pq = this.pq;
    const start = this.tokenStart[slot] as number;
    const count = this.tokenCount[slot] as number;
    const c0 = pq.charCodeAt(0);
    for (let i = 0; i < count; i++) {
      const init = this.tokenInitials[this.arena[start + i] as number] ?? NO_INITIAL;
      for (let k = 0; k < init.length; k++) {
        if (init.charCodeAt(k) !== c0) continue;
        // Walk the initials from (i, k) along the query.
        let j = i;
        let cur = init;
        let at = k;
        let ok = true;
        for (let off = 0; ok && off < pq.length; off++) {
          while (at >= cur.length) {
            j += 1;
            if (j >= count) {
              ok = false;
              break;
            }
            cur = this.tokenInitials[this.arena[start + j] as number] ?? NO_INITIAL;
            at = 0;
          }
          ok = ok && cur.charCodeAt(at) === pq.charCodeAt(off);
          at += 1;
        }
        if (ok) return i;
      }
    }
    return -1;
  }

  // --- ranking ---------------------------------------------------------------------------------

  /** Whether hit a ranks above hit b: score, then shorter name, then id. */
  private better(scoreA: number, slotA: number, scoreB: number, slotB: number): boolean {
    if (scoreA !== scoreB) return scoreA > scoreB;
    if (slotA < this.sortedSlots && slotB < this.sortedSlots) return slotA < slotB;
    const la = this.keyLength[slotA] as number;
    const lb = this.keyLength[slotB] as number;
    if (la !== lb) return la < lb;
    return compareIds(this.ids[slotA] as string, this.ids[slotB] as string) < 0;
  }

  /** Keeps the best `limit` hits in a heap whose root is the worst kept. */
  private offer(slot: number, score: number): void {
    this.seen[slot] = this.generation;
    const slots = this.heapSlots;
    const scores = this.heapScores;
    if (this.heapSize < this.limit) {
      let i = this.heapSize++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        const ps = scores[parent] as number;
        const pslot = slots[parent] as number;
        if (!this.better(ps, pslot, score, slot)) break;
        slots[i] = pslot;
        scores[i] = ps;
        i = parent;
      }
      slots[i] = slot;
      scores[i] = score;
      return;
    }
    if (!this.better(score, slot, scores[0] as number, slots[0] as number)) return;
    const n = this.heapSize;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const worst =
        r < n &&
        this.better(
          scores[l] as number,
          slots[l] as number,
          scores[r] as number,
          slots[r] as number,
        )
          ? r
          : l;
      const ws = scores[worst] as number;
      const wslot = slots[worst] as number;
      if (!this.better(score, slot, ws, wslot)) break;
      slots[i] = wslot;
      scores[i] = ws;
      i = worst;
    }
    slots[i] = slot;
    scores[i] = score;
  }

  private results(): SearchHit[] {
    const slots = this.heapSlots;
    const scores = this.heapScores;
    const order = Array.from({ length: this.heapSize }, (_, i) => i).sort((a, b) =>
      this.better(scores[a] as number, slots[a] as number, scores[b] as number, slots[b] as number)
        ? -1
        : 1,
    );
    return order.map((i) => {
      const score = scores[i] as number;
      const slot = slots[i] as number;
      const matched =
        score > TIER_NAME
          ? 'name'
          : score > TIER_ALIAS
            ? 'alias'
            : score > INITIALS
              ? 'pinyin'
              : 'initials';
      return { id: this.ids[slot] as string, name: this.names[slot] as string, score, matched };
    });
  }
}
