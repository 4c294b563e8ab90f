/** Who publishes a report: a stable identity, a level, and search keys, derived from the name. */

import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';

export type AgencyLevel = 'province' | 'city' | 'county' | 'township' | 'department';

// Longest first: a shorter suffix is the tail of a longer one.
const REPORT_SUFFIXES = ['政府信息公开工作年度报告', '政府信息公开年度报告', '年度报告'] as const;
const LEADING_YEAR = /^(?:19|20)\d{2}年度?/u;
// Titles usually read 某局2023年政府信息公开工作年度报告: once the suffix is gone the year trails.
const TRAILING_YEAR = /(?:19|20)\d{2}年度?$/u;
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]+/gu;
const PUNCT = /[\p{P}\p{S}]/u;
const PAIRS: Readonly<Record<string, string>> = {
  '（': '）',
  '【': '】',
  '《': '》',
  '〈': '〉',
  '「': '」',
  '『': '』',
  '“': '”',
  '‘': '’',
  '[': ']',
  '{': '}',
};
const CLOSERS: ReadonlyMap<string, string> = new Map(Object.entries(PAIRS).map(([o, c]) => [c, o]));

/**
 * The canonical spelling of an agency name, so that the same body written with different spaces,
 * bracket widths or as a report title gets the same identity.
 */
export function normalizeAgencyName(name: string): string {
  let s = name.normalize('NFKC').replace(INVISIBLE, '').replace(/\(/g, '（').replace(/\)/g, '）');
  for (;;) {
    const before = s;
    s = trimPunctuation(s);
    const suffix = REPORT_SUFFIXES.find((x) => s.endsWith(x) && s.length > x.length);
    if (suffix) s = s.slice(0, -suffix.length).replace(TRAILING_YEAR, '');
    s = s.replace(LEADING_YEAR, '');
    if (s === before) return s;
  }
}

/** Strips punctuation at both ends, but keeps a bracket whose partner is inside the name. */
function trimPunctuation(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b) {
    const first = s[a] as string;
    const last = s[b - 1] as string;
    // An enclosing pair (《…》) goes, unless the brackets belong to different pairs: （甲）乙（丙）.
    const inner = s.slice(a + 1, b - 1);
    if (b - a >= 2 && PAIRS[first] === last && !inner.includes(first) && !inner.includes(last)) {
      a += 1;
      b -= 1;
      continue;
    }
    const closer = PAIRS[first];
    if (PUNCT.test(first) && !(closer && s.slice(a + 1, b).includes(closer))) {
      a += 1;
      continue;
    }
    const opener = CLOSERS.get(last);
    if (PUNCT.test(last) && !(opener && s.slice(a, b - 1).includes(opener))) {
      b -= 1;
      continue;
    }
    break;
  }
  return s.slice(a, b);
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Uint8Array, chars: number): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = ((acc << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32[(acc >>> bits) & 31];
      if (out.length === chars) return out;
    }
  }
  if (bits > 0 && out.length < chars) out += BASE32[(acc << (5 - bits)) & 31];
  return out;
}

/**
 * A stable id: the region keeps namesakes apart (every county has a 教育局), the hash of the
 * normalized name makes cosmetic variants collide on purpose.
 */
export function agencyId(regionCode: string | null, name: string): string {
  const digest = createHash('sha256').update(normalizeAgencyName(name), 'utf8').digest();
  return `${regionCode ?? '000000'}-${base32(digest, 10)}`;
}

const TOWNSHIP = /(?:乡人民政府|镇人民政府|街道办事处|乡政府|镇政府)$/u;

/**
 * The level of the body. Only a 人民政府 itself is the government of its region; its offices
 * (办公厅/办公室) and commissions are departments even though their names start the same way.
 */
export function agencyLevel(
  name: string,
  regionLevel: 'province' | 'city' | 'county' | null,
): AgencyLevel {
  const n = normalizeAgencyName(name);
  if (TOWNSHIP.test(n)) return 'township';
  if (n.endsWith('人民政府')) return regionLevel ?? 'department';
  return 'department';
}

/** Whether the report is a whole government's (Art. 49 gives governments a later deadline). */
export function isGovernmentReport(name: string): boolean {
  return normalizeAgencyName(name).endsWith('人民政府');
}

const HAN = /\p{Script=Han}+/gu;
const SYLLABLE = /^[a-z]+$/;

/** One search token of a name: a syllable of a Han character, or a run of ASCII letters/digits. */
export interface PinyinToken {
  text: string;
  han: boolean;
}

/**
 * The name as search tokens: one lowercase toneless syllable per Han character (ü as v), one
 * token per run of ASCII letters/digits; punctuation is dropped. Han runs are converted whole so
 * the library can pick readings from context (重庆 → chong qing).
 */
export function pinyinTokens(name: string): PinyinToken[] {
  const s = name.normalize('NFKC').toLowerCase();
  const tokens: PinyinToken[] = [];
  let last = 0;
  const pushOther = (text: string): void => {
    for (const m of text.matchAll(/[a-z0-9]+/g)) tokens.push({ text: m[0], han: false });
  };
  for (const m of s.matchAll(HAN)) {
    pushOther(s.slice(last, m.index));
    last = m.index + m[0].length;
    const syllables = pinyin(m[0], { type: 'array', toneType: 'none', v: true });
    // Characters the library cannot read come back as themselves: they have no pinyin.
    for (const p of syllables) if (SYLLABLE.test(p)) tokens.push({ text: p, han: true });
  }
  pushOther(s.slice(last));
  return tokens;
}

/** Full pinyin and initials, without tones or spaces, for matching what people type. */
export function pinyinKeys(name: string): { full: string; initials: string } {
  let full = '';
  let initials = '';
  for (const t of pinyinTokens(name)) {
    full += t.text;
    // A run of Latin letters or digits is kept whole: "G20" is typed as g20, not g.
    initials += t.han ? t.text.charAt(0) : t.text;
  }
  return { full, initials };
}
