/**
 * The issuing body, as the report names it.
 *
 * Sources, strongest first:
 *  - `title`: the name before the year in a title standing on its own near the top
 *    (`平潭县人民政府2011年政府信息公开工作年度报告`), the name between year and phrase
 *    (`2024年上海市科委政府信息公开工作年度报告`), or a name on the line just above the title
 *    (`洪泽区人民政府\n2023年政府信息公开工作年度报告`). A title naming only a place or a short form
 *    (`平潭综合实验区`, `兴庆区`, `区机关后勤`) is expanded to the shortest full name from the other
 *    strong sources that contains it (`平潭综合实验区管委会`), and kept as is otherwise;
 *  - `signature`: the name above the closing date;
 *  - `publisher`: `发布机构:` / `发文机关:` page fields;
 *  - `filler`: `填报单位(盖章):` on the statistical table;
 *  - `table`: the table title (`兴义市工业贸易和科学技术局政府信息公开情况统计表`);
 *  - `header`: a line near the top that is only a body's name;
 *  - `preamble`: `本报告由XX根据…编制`, `XX编制了本报告`, a title-like phrase in a sentence
 *    (`编制2016年度榆林市机关事务管理局信息公开工作年度报告`);
 *  - `source`: `来源:`/`信息来源:` (skipped when it names a website: `大武口区政府网`);
 *  - `contact`: `请与XX联系` (usually the compiling office, hence last).
 *
 * Breadcrumbs (`当前位置:首页>…`), labels and page furniture are cut off by the segment rules.
 */
import type { Span } from '../types.ts';
import { findSignatureDates } from './signature.ts';
import {
  compactName,
  completeBeforeZhengfu,
  findTitleLikes,
  hasOrgSuffix,
  isInBookTitle,
  isMediaName,
  isPlausibleName,
  type NamePiece,
  previousLine,
  segmentAfter,
  segmentBefore,
  trimmedLine,
} from './text-scan.ts';

export type AgencySource =
  | 'title'
  | 'signature'
  | 'publisher'
  | 'filler'
  | 'table'
  | 'header'
  | 'preamble'
  | 'source'
  | 'contact';

export interface AgencyName {
  name: string;
  /** Span where the chosen name was read. */
  span: Span;
  source: AgencySource;
  /** Every distinct name found, best first (the chosen name first). */
  candidates: string[];
}

interface Candidate extends NamePiece {
  source: AgencySource;
}

const TITLE_HEAD = 3000;
const HEADER_LINES = 8;

/** Sources trusted to expand a place-only title name. */
const EXPANDERS: ReadonlySet<AgencySource> = new Set([
  'signature',
  'publisher',
  'filler',
  'table',
  'header',
  'source',
]);

const ORDER: readonly AgencySource[] = [
  'signature',
  'publisher',
  'filler',
  'table',
  'header',
  'preamble',
  'source',
  'contact',
];

function titleCandidates(text: string): { head: Candidate[]; inSentence: Candidate[] } {
  const head: Candidate[] = [];
  const inSentence: Candidate[] = [];
  for (const t of findTitleLikes(text)) {
    if (t.inBookTitle || t.related) continue;
    const isHead = t.standalone && t.span[0] <= TITLE_HEAD;
    const strict = !isHead;
    const found: NamePiece[] = [];

    // The piece adjacent to the phrase may have lent it 政府 (淮安市人民 + 政府信息公开).
    const adjacent = t.yearBeforePhrase ? t.between : t.prefix;
    const other = t.yearBeforePhrase ? t.prefix : null;
    if (adjacent) {
      const text0 = compactName(adjacent.text);
      const name = t.phraseStartsWithZhengfu ? completeBeforeZhengfu(text0) : text0;
      if (isPlausibleName(name, strict)) found.push({ text: name, span: adjacent.span });
    }
    if (other) {
      const name = compactName(other.text);
      if (isPlausibleName(name, strict)) found.push({ text: name, span: other.span });
    }
    // Nothing before the title on its line: the name may be on the line above.
    if (found.length === 0 && t.lineStart && isHead) {
      const lineStartPos = text.lastIndexOf('\n', t.span[0] - 1) + 1;
      const prev = previousLine(text, lineStartPos, 2);
      const p = prev ? trimmedLine(text, prev) : null;
      if (p && p.text.length <= 40) {
        const name = compactName(p.text);
        if (isPlausibleName(name, true)) found.push({ text: name, span: p.span });
      }
    }
    for (const f of found) (isHead ? head : inSentence).push({ ...f, source: 'title' });
  }
  return { head, inSentence };
}

const FIELD_SCAN =
  /(发布机构|发布单位|发文机关|发文单位|公开主体|填报单位|编制单位|报送单位|信息来源|来源)(?:\([^()\n]{0,6}\))?[ \t\u00a0\u3000]{0,4}:[ \t\u00a0\u3000]{0,20}(?:\r?\n[ \t\u00a0\u3000]{0,20})?/g;

function fieldSource(label: string): AgencySource {
  if (label === '填报单位' || label === '编制单位' || label === '报送单位') return 'filler';
  if (label.endsWith('来源')) return 'source';
  return 'publisher';
}

function fieldCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  FIELD_SCAN.lastIndex = 0;
  for (let m = FIELD_SCAN.exec(text); m !== null; m = FIELD_SCAN.exec(text)) {
    const label = m[1] as string;
    if (label === '来源') {
      // A bare 来源 must start a field (资金来源 is something else).
      const before = text[m.index - 1];
      if (!(m.index === 0 || before === undefined || /[\s|]/.test(before))) continue;
    }
    const start = m.index + m[0].length;
    // The value: up to a blank, a pipe or a line end (a label on the next line is not a value).
    let end = start;
    while (end < text.length && end - start < 48 && !/[\s|:,;。]/.test(text[end] as string)) end++;
    if (text[end] === ':') continue;
    const name = compactName(text.slice(start, end));
    const source = fieldSource(label);
    if (source === 'source' && isMediaName(name)) continue;
    if (isPlausibleName(name, true)) out.push({ text: name, span: [start, end], source });
  }
  return out;
}

/** `…统计表`: the name before the (optional) year and 政府信息公开情况. */
const TABLE_TITLE = /统计表/g;
const TABLE_TAIL =
  /(?:([0-9]{4}|[〇○零一二三四五六七八九]{4})年度?)?((?:政府信息|政务|信息)(?:与政务)?公开)?(?:工作)?(?:情况)?$/;

function tableCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  TABLE_TITLE.lastIndex = 0;
  for (let m = TABLE_TITLE.exec(text); m !== null; m = TABLE_TITLE.exec(text)) {
    if (isInBookTitle(text, m.index)) continue;
    const seg = segmentBefore(text, m.index, 60);
    const tail = TABLE_TAIL.exec(seg.s);
    const cut = tail ? tail.index : seg.s.length;
    if (cut === 0) continue;
    let name = compactName(seg.s.slice(0, cut));
    if (tail?.[2]?.startsWith('政府') && !tail[1]) name = completeBeforeZhengfu(name);
    if (!isPlausibleName(name, true)) continue;
    out.push({
      text: name,
      span: [seg.idx[0] as number, (seg.idx[cut - 1] as number) + 1],
      source: 'table',
    });
  }
  return out;
}

function headerCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  let pos = 0;
  for (let n = 0; n < HEADER_LINES && pos < text.length && pos < TITLE_HEAD; ) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const t = trimmedLine(text, [pos, end]);
    if (t) {
      n++;
      const name = compactName(t.text);
      if (t.text.length <= 40 && isPlausibleName(name, true)) {
        out.push({ text: name, span: t.span, source: 'header' });
      }
    }
    pos = end + 1;
  }
  return out;
}

const PREAMBLE_BY = /本(?:年度)?报告由/g;
const PREAMBLE_VERB = /(?:负责)?编制(?:完成)?了?(?:本|此)(?:年度)?报告/g;
const CONTACT = /(?:请|可)与/g;

function preambleCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  PREAMBLE_BY.lastIndex = 0;
  for (let m = PREAMBLE_BY.exec(text); m !== null; m = PREAMBLE_BY.exec(text)) {
    const seg = segmentAfter(text, m.index + m[0].length, 48);
    const stop = seg.s.search(/根据|依据|按照|负责|编制|汇总|会同|结合/);
    if (stop <= 0) continue;
    const name = compactName(seg.s.slice(0, stop));
    if (!isPlausibleName(name, true)) continue;
    out.push({
      text: name,
      span: [seg.idx[0] as number, (seg.idx[stop - 1] as number) + 1],
      source: 'preamble',
    });
  }
  PREAMBLE_VERB.lastIndex = 0;
  for (let m = PREAMBLE_VERB.exec(text); m !== null; m = PREAMBLE_VERB.exec(text)) {
    const seg = segmentBefore(text, m.index, 48);
    const name = compactName(seg.s);
    if (!seg.s || !isPlausibleName(name, true)) continue;
    out.push({
      text: name,
      span: [seg.idx[0] as number, (seg.idx.at(-1) as number) + 1],
      source: 'preamble',
    });
  }
  return out;
}

function contactCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  CONTACT.lastIndex = 0;
  for (let m = CONTACT.exec(text); m !== null; m = CONTACT.exec(text)) {
    const seg = segmentAfter(text, m.index + m[0].length, 48);
    const stop = seg.s.indexOf('联系');
    if (stop <= 0) continue;
    const name = compactName(seg.s.slice(0, stop));
    if (!isPlausibleName(name, true)) continue;
    out.push({
      text: name,
      span: [seg.idx[0] as number, (seg.idx[stop - 1] as number) + 1],
      source: 'contact',
    });
  }
  return out;
}

function signatureCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const s of findSignatureDates(text)) {
    if (!s.name) continue;
    out.push({ ...s.name, source: 'signature' });
    if (s.fullName) out.push({ ...s.fullName, source: 'signature' });
  }
  return out;
}

/** `区机关后勤` → `机关后勤`: a relative short form without its 省/市/区/县 head. */
function withoutRelativeHead(name: string): string | null {
  const rest = name.slice(1);
  return /^[省市区县州旗镇乡]/.test(name) && rest.length >= 3 ? rest : null;
}

/** The shortest strong candidate that contains `short` (or `short` without its relative head). */
function expand(short: string, pool: Candidate[]): Candidate | null {
  const needles = [short, withoutRelativeHead(short)].filter((s): s is string => s !== null);
  let best: Candidate | null = null;
  for (const c of pool) {
    if (!EXPANDERS.has(c.source) || c.text === short || !hasOrgSuffix(c.text)) continue;
    if (!needles.some((n) => c.text.includes(n))) continue;
    if (!best || c.text.length < best.text.length) best = c;
  }
  return best;
}

/** The issuing body named by the report, or null when none is found. */
export function findAgencyName(text: string): AgencyName | null {
  const titles = titleCandidates(text);
  const bySource = new Map<AgencySource, Candidate[]>();
  const add = (cs: Candidate[]): void => {
    for (const c of cs) {
      const list = bySource.get(c.source) ?? [];
      list.push(c);
      bySource.set(c.source, list);
    }
  };
  add(signatureCandidates(text));
  add(fieldCandidates(text));
  add(tableCandidates(text));
  add(headerCandidates(text));
  add(preambleCandidates(text));
  add(titles.inSentence.map((c) => ({ ...c, source: 'preamble' as const })));
  add(contactCandidates(text));

  const others: Candidate[] = ORDER.flatMap((s) => bySource.get(s) ?? []);

  let chosen: Candidate | null = null;
  const title = titles.head[0];
  if (title) {
    chosen = hasOrgSuffix(title.text) ? title : (expand(title.text, others) ?? title);
  } else {
    chosen = others[0] ?? null;
  }
  if (!chosen) return null;

  const candidates: string[] = [];
  for (const c of [chosen, ...titles.head, ...others]) {
    if (!candidates.includes(c.text)) candidates.push(c.text);
  }
  return { name: chosen.text, span: chosen.span, source: chosen.source, candidates };
}
