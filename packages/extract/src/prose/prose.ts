/**
 * Facts stated in the narrative of a 政府信息公开工作年度报告: headline counts, negative statements
 * (未收到申请 → 0) and fees. Pure: no I/O, no clock.
 *
 * Every regex runs on a compacted view of the text (line breaks and spaces removed, except between
 * two digits) because pdftotext breaks lines in the middle of words (`答\n复 3050 件`). Every
 * gap is a bounded character class without punctuation, so matching stays linear.
 */
import { parseChineseNumber } from '../metadata/chinese-numerals.ts';
import { isSpace } from '../text/chars.ts';

/** One fact read from a sentence; `span` covers the number (or the negative phrase) in the input. */
export interface ProseFact {
  code: string;
  value: number;
  unit: string;
  span: [number, number];
  confidence: number;
}

/** Options for {@link extractProseFacts}. */
export interface ProseOptions {
  /** The year the report covers; decides 信息处理费 (2021+) versus the older 依申请收费. */
  reportYear?: number | null;
}

// ---------------------------------------------------------------------------------------------
// Compacted view

interface View {
  s: string;
  /** view index → input index; `map[s.length]` is the input length. */
  map: Int32Array;
}

// Page numbers printed by pdftotext (`-2-`, `第 3 页 共 6 页`) sit inside sentences; they must not
// split a sentence nor leave a digit next to a figure.
const PAGE_LINE =
  /^[ \t\u3000]*(?:[-—–][ \t]?\d{1,4}[ \t]?[-—–]|第[ \t]?\d{1,4}[ \t]?页(?:[ \t]*[,，/]?[ \t]*共[ \t]?\d{1,4}[ \t]?页)?)[ \t\u3000]*$/gm;

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function buildView(text: string): View {
  const n = text.length;
  const furniture = new Uint8Array(n);
  for (const m of text.matchAll(PAGE_LINE)) furniture.fill(1, m.index, m.index + m[0].length);
  const parts: string[] = [];
  const map = new Int32Array(n + 1);
  let len = 0;
  let i = 0;
  let lastCode = -1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || furniture[i] === 1) {
      let j = i;
      let newlines = 0;
      let furn = false;
      while (j < n && (isSpace(text.charCodeAt(j)) || furniture[j] === 1)) {
        if (furniture[j] === 1) furn = true;
        else if (text.charCodeAt(j) === 10) newlines++;
        j++;
      }
      // A blank line separates paragraphs and table rows; a single break is only line wrapping.
      if (newlines >= 2 && !furn) {
        parts.push('\n');
        map[len++] = i;
        lastCode = 10;
      } else if (isDigitCode(lastCode) && j < n && isDigitCode(text.charCodeAt(j))) {
        // Keep separated digits apart so `1 0 0` never reads as 100.
        parts.push(' ');
        map[len++] = i;
        lastCode = 32;
      }
      i = j;
      continue;
    }
    let j = i;
    while (j < n && !isSpace(text.charCodeAt(j)) && furniture[j] !== 1) {
      map[len++] = j;
      j++;
    }
    parts.push(text.slice(i, j));
    lastCode = text.charCodeAt(j - 1);
    i = j;
  }
  map[len] = n;
  return { s: parts.join(''), map: map.subarray(0, len + 1) };
}

function toSpan(v: View, a: number, b: number): [number, number] {
  const start = v.map[a] ?? 0;
  const last = v.map[Math.max(a, b - 1)] ?? start;
  return [start, last + 1];
}

// ---------------------------------------------------------------------------------------------
// Shared pattern pieces

/** A gap character: anything but digits, punctuation that ends a clause, and brackets. */
const G = String.raw`[^\d,，;；。:：!！?？|｜\n()（）【】\[\]]`;
/** An Arabic number with its own boundaries, so the engine never re-scans a long digit run. */
const NUM = String.raw`(?<![\d.])(?<n>\d{1,3}(?:,\d{3})+|\d{1,12}(?:\.\d{1,6})?)(?!\d)(?!\.\d)`;
/** NUM, or 零 where a label precedes it (行政复议数为零). */
const NUMZ = String.raw`(?<![\d.])(?<n>\d{1,3}(?:,\d{3})+|\d{1,12}(?:\.\d{1,6})?|零)(?!\d)(?!\.\d)`;
/** NUM or a small Chinese numeral (一名专职人员). */
const NUMC = String.raw`(?<![\d.第])(?<n>\d{1,4}|[零〇一二两三四五六七八九十]{1,3})(?!\d)`;
/** 余/多 after a count; 万 too, since 2.3万件 is a rounded figure. */
const APPROX_AFTER = '(?<ax>万余|万多|余|多|万)?';
/** Money: 万元 is a unit, not a rounding. */
const APPROX_MONEY = '(?<ax>余|多)?';
const TOTAL = '(?:共计|合计|总计|累计|共|计有|有)?';
const IS = '(?:为|达|是)?';

const SENTENCE_END = new Set([...';；。!！?？|｜\n'].map((c) => c.charCodeAt(0)));
const CLAUSE_END = new Set([...SENTENCE_END, ...[...',，:：'].map((c) => c.charCodeAt(0))]);

function isClauseEnd(s: string, i: number): boolean {
  return CLAUSE_END.has(s.charCodeAt(i));
}

function clauseStart(s: string, pos: number, max = 80): number {
  const stop = Math.max(0, pos - max);
  for (let i = pos - 1; i >= stop; i--) if (isClauseEnd(s, i)) return i + 1;
  return stop;
}

function clauseEnd(s: string, pos: number, max = 80): number {
  const stop = Math.min(s.length, pos + max);
  for (let i = pos; i < stop; i++) if (isClauseEnd(s, i)) return i;
  return stop;
}

function sentenceBounds(s: string, pos: number, max = 200): [number, number] {
  let a = Math.max(0, pos - max);
  for (let i = pos - 1; i >= a; i--) {
    if (SENTENCE_END.has(s.charCodeAt(i))) {
      a = i + 1;
      break;
    }
  }
  let b = Math.min(s.length, pos + max);
  for (let i = pos; i < b; i++) {
    if (SENTENCE_END.has(s.charCodeAt(i))) {
      b = i;
      break;
    }
  }
  return [a, b];
}

function parseNumber(raw: string): number | null {
  if (/^[\d,.]+$/.test(raw)) {
    const v = Number(raw.replace(/,/g, ''));
    return Number.isFinite(v) ? v : null;
  }
  // 十, 十二, 二十, 二十三 or a lone digit; anything else is not a count we trust.
  if (raw === '零' || raw === '〇') return 0;
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(raw);
  if (!m || raw.length === 0 || (!m[2] && m[3])) return null;
  return parseChineseNumber(raw);
}

// Figures of other bodies: 乡镇/街道/各部门 counts and per-column (栏目) sub-counts.
const OTHER_BODY =
  /各?乡镇|乡、镇|街道|各部门|部门动态|各单位|各科室|各股室|区直|县直|市直|各县|县区|区县|各地|下属单位|所属单位|二级单位/g;
// 部门动态栏目 is a sub-count; the 政府信息公开专栏 is the channel of the headline itself.
const SUB_CATEGORY = /(?<!公开)(?:栏目|专栏)/;
const AGGREGATE_BEFORE = /(?:及|和|与|暨|含|包括|连同)$/;
const PRIOR_PERIOD = /上年|去年|上一年|前一年|以来|历年/;
const SOCIAL_ONLY = /微博|微信|公众号|抖音|头条|视频号|客户端|短信/;
// 到年底累计主动公开5928条，其中本年度新增2110条: a running total is not the year's count.
const CUMULATIVE = /累计|至今/;
const THIS_YEAR = /今年|本年|全年|当年|年内/;
const WEB = /网站|门户/;

function mentionsOtherBody(region: string): boolean {
  for (const m of region.matchAll(OTHER_BODY)) {
    if (!AGGREGATE_BEFORE.test(region.slice(Math.max(0, m.index - 2), m.index))) return true;
  }
  return false;
}

/**
 * The last year printed before the figure in its sentence is earlier than the report's year
 * (2014年主动公开… in a 2015 report). Years inside 《document titles》 do not count.
 */
function otherYear(ctx: Ctx, pos: number): boolean {
  if (ctx.reportYear == null) return false;
  const [sa] = sentenceBounds(ctx.s, pos);
  const before = ctx.s.slice(sa, pos).replace(/《[^》]{0,80}》/g, '');
  let last: number | null = null;
  for (const m of before.matchAll(/(?<!\d)((?:19|20)\d{2})年/g)) last = Number(m[1]);
  return last != null && last < ctx.reportYear;
}

// `行政诉讼案件1件、行政复议案件2件`: a number right after another label belongs to that label.
const LABEL_BEFORE_NUMBER =
  /(?:复议|诉讼|申诉|投诉|举报|申请|答复|公开)(?:案件)?(?:数|数量)?(?:共计|共|为|有|是)?$/;

const APPROX_BEFORE = /(?:近|约|逾|超过|大约|将近|接近|不足|不到)$/;
const APPROX_AFTER_UNIT = /^(?:左右|以上|上下)/;

// ---------------------------------------------------------------------------------------------
// Candidates

interface Cand {
  code: string;
  value: number;
  unit: string;
  a: number;
  b: number;
  conf: number;
  /** 0 = a headline statement; higher ranks are used only when no lower rank exists. */
  rank: number;
  approx: boolean;
}

interface Ctx {
  v: View;
  s: string;
  reportYear: number | null;
  /** Without a year, a report that names 信息处理费 anywhere is of the 2021+ regime. */
  mentionsProcessingFee: boolean;
  out: Cand[];
}

interface NumMatch {
  m: RegExpExecArray;
  value: number;
  a: number;
  b: number;
  unit: string;
  approx: boolean;
  /** clause text before the number (view coordinates: clauseA … a). */
  prefix: string;
  clauseA: number;
}

function* scan(ctx: Ctx, re: RegExp): Generator<NumMatch> {
  const { s } = ctx;
  re.lastIndex = 0;
  for (;;) {
    const m = re.exec(s);
    if (!m) return;
    // Retry from the next character: a rejected match (公开单位共公布政府信息…) may hide an
    // overlapping one that starts later. Every gap is bounded, so this stays linear.
    re.lastIndex = m.index + 1;
    const g = m.groups ?? {};
    const raw = g.n;
    if (raw === undefined) continue;
    const value = parseNumber(raw);
    if (value == null) continue;
    const [a, b] = m.indices?.groups?.n ?? [m.index, m.index + raw.length];
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 2);
    const approx =
      g.ax !== undefined ||
      APPROX_BEFORE.test(s.slice(Math.max(0, a - 2), a)) ||
      APPROX_AFTER_UNIT.test(after);
    const clauseA = clauseStart(s, a);
    yield {
      m,
      value,
      a,
      b,
      unit: g.u ?? '',
      approx,
      prefix: s.slice(clauseA, a),
      clauseA,
    };
  }
}

function push(ctx: Ctx, c: Omit<Cand, 'approx'> & { approx?: boolean }): void {
  ctx.out.push({ approx: false, ...c });
}

/** A figure read from a match, at the match's own span, unit and approximation flag. */
function pushHit(
  ctx: Ctx,
  code: string,
  h: { value: number; unit: string; a: number; b: number; approx: boolean },
  conf: number,
  rank = 0,
  defaultUnit = '',
): void {
  push(ctx, {
    code,
    value: h.value,
    unit: h.unit || defaultUnit,
    a: h.a,
    b: h.b,
    conf,
    rank,
    approx: h.approx,
  });
}

/** `d` gives the offsets of the named groups, so spans point at the number itself. */
function rx(src: string): RegExp {
  return new RegExp(src, 'gd');
}

// --- proactive.items ---------------------------------------------------------------------

const ITEM_UNIT = '(?<u>条|件|项)';
const PROACTIVE: { re: RegExp; conf: number }[] = [
  {
    // 主动公开政府信息1136条 / 主动公开各类政府信息172项 / 主动公开信息2320条
    re: rx(
      `主动(?:向社会)?公开(?:了)?(?<g>${G}{0,16}?)信息(?:数|数量|总数|总量)?${TOTAL}${IS}${NUM}${APPROX_AFTER}${ITEM_UNIT}`,
    ),
    conf: 0.9,
  },
  {
    // 共主动公开1234条政府信息
    re: rx(
      `主动(?:向社会)?公开(?:了)?(?:共|共计|合计)?${NUM}${APPROX_AFTER}${ITEM_UNIT}(?:的)?(?:各类)?(?:政府|政务)?信息`,
    ),
    conf: 0.85,
  },
  {
    // 公布政府信息2599条 / 当年发布政府信息 393 件
    re: rx(
      `(?:发布|公布|公开)(?:了)?(?<g>${G}{0,8}?)政府信息${TOTAL}${IS}${NUM}${APPROX_AFTER}${ITEM_UNIT}`,
    ),
    conf: 0.8,
  },
  {
    // 发布各类信息共计1636条: a bare 信息 needs an explicit total to count as the headline.
    re: rx(
      `(?:发布|公布|公开)(?:了)?(?<g>${G}{0,8}?)信息(?:共计|合计|总计)${IS}${NUM}${APPROX_AFTER}${ITEM_UNIT}`,
    ),
    conf: 0.7,
  },
  {
    // 共公开1234条政府信息
    re: rx(
      `(?:发布|公布|公开)(?:了)?(?:共|共计|合计)?${NUM}${APPROX_AFTER}${ITEM_UNIT}(?:的)?(?:各类)?政府信息`,
    ),
    conf: 0.75,
  },
];

// Words that qualify 信息 without narrowing it to a topic: 主动公开我区各级单位政府信息 is the
// headline, 主动公开政府采购项目信息 is a sub-count.
const GENERIC_QUALIFIER =
  /^(?:各类|各项|各种|各级|我区|我市|我县|我局|我委|我办|全区|全市|全县|全局|本级|本机关|本部门|本单位|单位|政府|政务|的|了|共|共计|累计|新增|向社会)*$/;

function isGenericGap(gap: string): boolean {
  // 政策法规、工作动态等各类政府信息: an enumeration closed by 等 stands for the whole.
  const k = gap.lastIndexOf('等');
  return GENERIC_QUALIFIER.test(k >= 0 ? gap.slice(k + 1) : gap);
}

function proactive(ctx: Ctx): void {
  for (const { re, conf } of PROACTIVE) {
    for (const h of scan(ctx, re)) {
      const gap = h.m.groups?.g ?? '';
      const region = h.prefix;
      if (!isGenericGap(gap)) continue;
      if (mentionsOtherBody(region) || SUB_CATEGORY.test(region)) continue;
      if (/申请|不予|相同信息/.test(gap) || /相同信息/.test(region)) continue;
      if (PRIOR_PERIOD.test(region) || otherYear(ctx, h.a)) continue;
      // A count on social media only is a channel figure; a website count often is the headline.
      const socialOnly = SOCIAL_ONLY.test(region) && !WEB.test(region);
      const cumulative = CUMULATIVE.test(region) && !THIS_YEAR.test(region);
      const rank = socialOnly || cumulative ? 1 : 0;
      pushHit(ctx, 'proactive.items', h, conf, rank);
    }
  }
}

// --- requests ---------------------------------------------------------------------------------

const REQ_UNIT = '(?<u>件|条|宗|份|个|项)';
const NOT_RECEIVED = /复议|诉讼|投诉|举报|申诉|结转|上年|去年|上一年|咨询|信访|来电|办结|答复|转办/;

const RECEIVED: { re: RegExp; conf: number }[] = [
  {
    // 收到政府信息公开申请75件 / 共受理政府信息公开申请 3119 件 / 受理依申请公开12件
    re: rx(
      `(?:收到|受理|接到|接收|新收)(?:了)?(?<g>${G}{0,20}?)申请(?:公开)?(?:政府信息|信息)?(?:事项)?(?:数|数量|总数|总量)?${TOTAL}${IS}${NUMZ}${APPROX_AFTER}${REQ_UNIT}`,
    ),
    conf: 0.9,
  },
  {
    // 共收到70件申请
    re: rx(
      `(?:收到|受理|接到|新收)(?:了)?(?:各类)?(?:共|共计|合计)?${NUM}${APPROX_AFTER}(?<u>件|条|宗|份)(?:政府信息公开|信息公开|依申请公开)?(?:的)?申请`,
    ),
    conf: 0.9,
  },
  {
    // 办理政府信息公开申请12件
    re: rx(
      `办理(?:了)?(?<g>${G}{0,12}?)(?:政府信息公开|依申请公开|信息公开)(?:的)?申请${TOTAL}${NUM}${APPROX_AFTER}(?<u>件|条)`,
    ),
    conf: 0.7,
  },
  {
    // 政府信息公开申请共计21件 (noun first; an explicit total word is required)
    re: rx(
      `(?:政府信息公开|依申请公开)申请(?:数|数量|总数)?(?:共计|合计|总计|共|为|达)${NUMZ}${APPROX_AFTER}(?<u>件|条)`,
    ),
    conf: 0.7,
  },
];

// A bare 受理申请N件 in a service-hall sentence counts 办件, not disclosure requests.
const QUALIFIED_REQUEST = /信息公开|依申请|公开申请|申请公开/;
const SERVICE_HALL = /窗口|审批|办件|行政许可|服务事项|诉求|热线|咨询|入驻|政务服务|便民|办事/;

function received(ctx: Ctx): void {
  for (const { re, conf } of RECEIVED) {
    for (const h of scan(ctx, re)) {
      if (NOT_RECEIVED.test(h.prefix) || mentionsOtherBody(h.prefix)) continue;
      if (otherYear(ctx, h.a)) continue;
      if (!QUALIFIED_REQUEST.test(ctx.s.slice(h.m.index, h.m.index + h.m[0].length))) {
        const [sa, sb] = sentenceBounds(ctx.s, h.a);
        if (SERVICE_HALL.test(ctx.s.slice(sa, sb))) continue;
        const before = ctx.s.slice(Math.max(0, sa - 300), sa);
        if (!/依申请|信息公开/.test(before) && !/依申请|信息公开/.test(ctx.s.slice(sa, sb)))
          continue;
      }
      pushHit(ctx, 'requests.received', h, conf);
    }
  }
}

const ANSWERED = rx(
  `答复(?:了)?(?:政府信息公开|信息公开|依申请公开)?(?:申请)?(?:总数|数)?(?:共计|合计|共|为)?${NUMZ}${APPROX_AFTER}(?<u>件|条)`,
);
// 同意公开答复 9 件 is a part, not the total (对依申请公开的答复总数21条 is); so are 延期/按时 and
// carried-over counts.
const PART_BEFORE_ANSWER = /(?:公开|提供|处理|告知|延期|按时|及时|限期)$/;
const NOT_ANSWERED_TOTAL = /不予|同意|结转|上年|下年|未|尚|其中/;

function answered(ctx: Ctx): void {
  for (const h of scan(ctx, ANSWERED)) {
    const label = ctx.s.slice(h.clauseA, h.m.index);
    if (PART_BEFORE_ANSWER.test(label) || NOT_ANSWERED_TOTAL.test(h.prefix)) continue;
    if (mentionsOtherBody(h.prefix)) continue;
    pushHit(ctx, 'requests.answered', h, 0.85);
  }
}

interface PartRule {
  code: string;
  re: RegExp;
  conf: number;
  /** the gap (number-first phrasing) must not contain this. */
  badGap?: RegExp;
}

const PART_UNIT = '(?<u>件|条)';
const PART_FILL = '(?:答复)?(?:的)?(?:数|数量)?(?:共|为)?';
const PARTS: PartRule[] = [
  {
    code: 'requests.answered.granted',
    re: rx(`(?<![不部分])(?:同意公开|予以公开|全部公开)${PART_FILL}${NUMZ}${PART_UNIT}`),
    conf: 0.85,
  },
  {
    code: 'requests.answered.granted',
    re: rx(
      `${NUM}${PART_UNIT}(?<g>${G}{0,15}?)(?:符合(?:可以)?公开(?:的)?条件|(?<![不分])予以公开|(?<![不分])同意公开|全部公开)`,
    ),
    conf: 0.75,
    badGap: /部分|不|无|非/,
  },
  {
    code: 'requests.answered.partlyGranted',
    re: rx(`(?:同意|予以)?部分公开${PART_FILL}${NUMZ}${PART_UNIT}`),
    conf: 0.85,
  },
  {
    code: 'requests.answered.partlyGranted',
    re: rx(`${NUM}${PART_UNIT}(?<g>${G}{0,12}?)(?:同意|予以)?部分公开`),
    conf: 0.75,
    badGap: /不|无|非/,
  },
  {
    code: 'requests.answered.denied',
    re: rx(
      `(?:不予(?:以)?公开|不同意公开|否决公开|免于公开|免予公开)${PART_FILL}${NUMZ}${PART_UNIT}`,
    ),
    conf: 0.85,
  },
  {
    code: 'requests.answered.denied',
    re: rx(`${NUM}${PART_UNIT}(?<g>${G}{0,12}?)(?:不予(?:以)?公开|不同意公开)`),
    conf: 0.75,
    badGap: /部分|无|非/,
  },
  {
    code: 'requests.answered.notThisAgency',
    re: rx(
      `(?:不属于本(?:机关|单位|部门|行政机关)|非本(?:机关|单位|部门))(?:公开|掌握|职责|职权)?(?:范围)?${PART_FILL}${NUMZ}${PART_UNIT}`,
    ),
    conf: 0.85,
  },
  {
    code: 'requests.answered.notThisAgency',
    re: rx(
      `${NUM}${PART_UNIT}(?<g>${G}{0,15}?)(?:不属于本(?:机关|单位|部门|行政机关)|非本(?:机关|单位|部门))`,
    ),
    conf: 0.75,
  },
  {
    // 1件因…职责权限所限无法提供: the request fell outside this body's remit.
    code: 'requests.answered.notThisAgency',
    re: rx(`${NUM}${PART_UNIT}(?<g>${G}{0,15}?)(?:职责|职权)(?:权限)?(?:所限|范围之外|范围以外)`),
    conf: 0.6,
  },
  {
    code: 'requests.answered.notExist',
    re: rx(`(?:申请)?(?:的)?(?:政府)?信息不存在(?:的)?${PART_FILL}${NUMZ}${PART_UNIT}`),
    conf: 0.85,
  },
  {
    code: 'requests.answered.notExist',
    re: rx(`${NUM}${PART_UNIT}(?<g>${G}{0,12}?)信息不存在`),
    conf: 0.75,
  },
];

const JOINT_OUTCOME = /(?:公开|提供|处理|存在)[及和与、]$/;

function answerParts(ctx: Ctx): void {
  for (const rule of PARTS) {
    for (const h of scan(ctx, rule.re)) {
      const gap = h.m.groups?.g;
      if (gap !== undefined && (/、/.test(gap) || LABEL_BEFORE_NUMBER.test(h.prefix))) continue;
      // 予以公开及部分公开42件 is a joint figure of two outcomes.
      if (
        gap === undefined &&
        JOINT_OUTCOME.test(ctx.s.slice(Math.max(0, h.m.index - 6), h.m.index))
      )
        continue;
      if (rule.badGap?.test(gap ?? '')) continue;
      // Outcome lists are often split by semicolons, so look a little before the sentence too.
      const [sa, sb] = sentenceBounds(ctx.s, h.a);
      if (!/申请|答复/.test(ctx.s.slice(Math.max(0, sa - 120), sb))) continue;
      if (mentionsOtherBody(h.prefix)) continue;
      pushHit(ctx, rule.code, h, rule.conf);
    }
  }
}

// 受理申请2件，均在法定期限内予以答复: every request received was answered.
const ALL_ANSWERED = /^(?:均|全部|都|皆|已|并|且)[^\d]{0,30}?答复/;
const NOT_ALL_ANSWERED = /未|尚|正在|不予/;

function implicitAnswered(ctx: Ctx, rec: Cand): Cand | null {
  const { s } = ctx;
  const [, sb] = sentenceBounds(s, rec.a);
  let i = rec.b;
  while (i < sb) {
    if (/[,，;；:：]/.test(s[i] ?? '')) {
      const end = clauseEnd(s, i + 1);
      const clause = s.slice(i + 1, end);
      if (/^(?:其中|另)/.test(clause)) return null;
      if (ALL_ANSWERED.test(clause) && !NOT_ALL_ANSWERED.test(clause)) {
        return {
          code: 'requests.answered',
          value: rec.value,
          unit: rec.unit,
          a: i + 1,
          b: end,
          conf: 0.6,
          rank: 1,
          approx: rec.approx,
        };
      }
      i = end;
      continue;
    }
    i++;
  }
  return null;
}

// --- review / litigation / complaints -----------------------------------------------------

const CASE_UNIT = '(?<u>件|起|宗|次|个)';
const CASE_FILL = `(?:案件|申请)?(?:数|数量|总数|案件数)?(?:的)?(?:共计|合计|总计|共|有|为|是|达){0,2}`;

const CASES: {
  code: string;
  re: RegExp;
  conf: number;
  badGap?: RegExp;
  needsDisclosure?: boolean;
}[] = [
  {
    code: 'review.total',
    re: rx(`行政(?:法)?复议${CASE_FILL}${NUMZ}${APPROX_AFTER}${CASE_UNIT}`),
    conf: 0.9,
  },
  {
    // 有 1 件涉及政府信息公开工作的行政复议
    code: 'review.total',
    re: rx(`${NUM}${APPROX_AFTER}(?<u>件|起|宗)(?<g>${G}{0,16}?)行政(?:法)?复议`),
    conf: 0.8,
    badGap: /、|诉讼|投诉|举报|答复|申请公开|公开申请$/,
  },
  {
    code: 'litigation.total',
    re: rx(`行政诉讼${CASE_FILL}${NUMZ}${APPROX_AFTER}${CASE_UNIT}`),
    conf: 0.9,
  },
  {
    code: 'litigation.total',
    re: rx(`${NUM}${APPROX_AFTER}(?<u>件|起|宗)(?<g>${G}{0,16}?)行政诉讼`),
    conf: 0.8,
    badGap: /、|复议|投诉|举报|答复|公开申请$/,
  },
  {
    code: 'complaints.total',
    re: rx(
      `(?:举报投诉|投诉举报|行政申诉|申诉|投诉)(?:案件)?(?:数|数量)?(?:共计|共|为){0,2}${NUMZ}${APPROX_AFTER}(?<u>件|起|宗|次)`,
    ),
    conf: 0.7,
    needsDisclosure: true,
  },
];

// Outcome and pending counts (尚未审结的行政复议案件2件) are parts, not the total.
const JOINT_BEFORE = /(?:复议|诉讼|申诉|投诉|举报)[、和及与或](?:提起)?$/;
const CASE_PART = /尚未审结|未审结|维持|纠正|纠错|其他结果|驳回|撤销|结转/;

function cases(ctx: Ctx): void {
  for (const rule of CASES) {
    for (const h of scan(ctx, rule.re)) {
      const gap = h.m.groups?.g ?? '';
      if (rule.badGap?.test(gap)) continue;
      if (h.m.groups?.g !== undefined && LABEL_BEFORE_NUMBER.test(h.prefix)) continue;
      // 行政复议、行政诉讼案件共3件 is a joint figure (DISTRIBUTIVE handles a joint 0).
      if (
        h.m.groups?.g === undefined &&
        JOINT_BEFORE.test(ctx.s.slice(Math.max(0, h.m.index - 6), h.m.index))
      )
        continue;
      if (mentionsOtherBody(h.prefix) || PRIOR_PERIOD.test(h.prefix)) continue;
      if (CASE_PART.test(h.prefix) || otherYear(ctx, h.a)) continue;
      if (rule.needsDisclosure) {
        const [sa, sb] = sentenceBounds(ctx.s, h.a);
        const sent = ctx.s.slice(sa, sb);
        if (!/信息公开/.test(sent) || /热线|12345|信访/.test(sent)) continue;
      }
      pushHit(ctx, rule.code, h, rule.conf);
    }
  }
  distributive(ctx);
}

const CASE_WORD = '(?:行政复议|行政诉讼|举报投诉|投诉举报|行政申诉|复议|诉讼|申诉|投诉|举报)';
// 行政复议、行政诉讼均为0件: one figure for every item of the list. Without 均/各 the figure is
// a joint total, which splits only when it is 0.
const DISTRIBUTIVE = rx(
  `(?<pre>${CASE_WORD}(?:[、和及与或](?:提起)?${CASE_WORD}){1,3}(?:案件|情况)?(?:的)?(?:数|数量)?(?<each>均为|均是|都是|都为|各为|均|各)?(?:为|是|共)?)${NUMZ}(?<u>件|起|宗)?`,
);

function casesIn(text: string): string[] {
  const codes: string[] = [];
  if (/复议/.test(text)) codes.push('review.total');
  if (/诉讼/.test(text)) codes.push('litigation.total');
  if (/申诉|投诉|举报/.test(text)) codes.push('complaints.total');
  return codes;
}

function distributive(ctx: Ctx): void {
  for (const h of scan(ctx, DISTRIBUTIVE)) {
    const list = h.m.groups?.pre ?? '';
    if (!/行政复议|行政诉讼/.test(list) || mentionsOtherBody(h.prefix)) continue;
    if (h.m.groups?.each === undefined && h.value !== 0) continue;
    if (CASE_PART.test(h.prefix)) continue;
    for (const code of casesIn(list)) {
      pushHit(ctx, code, h, 0.8, 0, '件');
    }
  }
}

// --- fees ---------------------------------------------------------------------------------------

const FEES: RegExp[] = [
  // 收取政府信息公开信息处理费 3940 元 / 收取费用0元
  rx(
    `(?:收取|收费|收缴)(?<g>${G}{0,16}?)(?:费用|处理费|费)?(?:收入|金额|总额)?(?:共计|合计|总计|共|为|是)?${NUMZ}${APPROX_MONEY}(?<u>万元|元)`,
  ),
  // 信息处理费收入0元
  rx(`处理费(?:收入|金额|总额)?(?:共计|合计|总计|共|为)?${NUMZ}${APPROX_MONEY}(?<u>万元|元)`),
];
const NOT_FEE = /行政事业性|减免|三公|经费|罚|标准|每|单价|预算|资金/;

function feeCode(ctx: Ctx, pos: number): 'fees.processing' | 'fees.collected' {
  const near = ctx.s.slice(Math.max(0, pos - 100), pos + 40);
  if (/处理费/.test(near)) return 'fees.processing';
  if (ctx.reportYear != null) return ctx.reportYear >= 2021 ? 'fees.processing' : 'fees.collected';
  return ctx.mentionsProcessingFee ? 'fees.processing' : 'fees.collected';
}

function fees(ctx: Ctx): void {
  for (const re of FEES) {
    for (const h of scan(ctx, re)) {
      const gap = h.m.groups?.g ?? '';
      if (NOT_FEE.test(gap) || NOT_FEE.test(h.prefix) || mentionsOtherBody(h.prefix)) continue;
      push(ctx, {
        code: feeCode(ctx, h.a),
        value: h.value,
        unit: h.unit,
        a: h.a,
        b: h.b,
        conf: 0.85,
        rank: 0,
        approx: h.approx,
      });
    }
  }
}

// --- capacity / training -------------------------------------------------------------------

const PERSON = '(?<u>名|人|位)(?!次)';
const DISCLOSURE = /信息公开|政务公开|公开工作/;

const STAFF: { code: string; re: RegExp; conf: number }[] = [
  {
    code: 'capacity.staff.fullTime',
    re: rx(
      `(?:专职|全职)(?:工作)?(?:人员|工作人员|信息员|联络员|信息联络员)(?:数)?(?:共|为|有)?${NUMC}${PERSON}`,
    ),
    conf: 0.8,
  },
  {
    code: 'capacity.staff.fullTime',
    re: rx(`${NUMC}${PERSON}(?:政府信息公开|信息公开|政务公开)?专职(?![和、与及]兼职)`),
    conf: 0.75,
  },
  {
    code: 'capacity.staff.partTime',
    re: rx(
      `(?<!专|专[和、与及]|专职[和、与及])兼职(?:工作)?(?:人员|工作人员|信息员|联络员|信息联络员)(?:数)?(?:共|为|有)?${NUMC}${PERSON}`,
    ),
    conf: 0.8,
  },
  {
    code: 'capacity.staff.partTime',
    re: rx(`${NUMC}${PERSON}(?:政府信息公开|信息公开|政务公开)?兼职`),
    conf: 0.75,
  },
  {
    // 配备了132名专、兼职工作人员
    code: 'capacity.staff',
    re: rx(
      `${NUMC}${PERSON}(?:政府信息公开|信息公开|政务公开)?(?:专、兼职|专兼职|专职和兼职|专职、兼职)`,
    ),
    conf: 0.7,
  },
  {
    code: 'capacity.staff',
    re: rx(`(?:专、兼职|专兼职|专职和兼职|专职、兼职)(?:工作)?人员(?:共|为|有)?${NUMC}${PERSON}`),
    conf: 0.7,
  },
  {
    code: 'capacity.staff',
    re: rx(
      `(?:从事|负责)(?:政府信息公开|信息公开|政务公开)(?:工作)?(?:的)?(?:工作)?人员(?:数)?(?:共|为|有)?${NUMC}${PERSON}`,
    ),
    conf: 0.75,
  },
];

const TRAINING: { code: string; re: RegExp; conf: number }[] = [
  {
    code: 'training.classes',
    re: rx(`举办(?:了)?(?<g>${G}{0,12}?)培训班(?:共)?${NUM}(?<u>次|期|场|个)`),
    conf: 0.75,
  },
  {
    code: 'training.classes',
    re: rx(`举办(?:了)?(?:共)?${NUM}(?<u>次|期|场|个)(?<g>${G}{0,12}?)培训(?:班|会)`),
    conf: 0.75,
  },
  {
    code: 'training.meetings',
    re: rx(
      `召开(?:了)?(?<g>${G}{0,12}?)(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:会议|专题会议|专题会|工作会|推进会|部署会)(?:共)?${NUM}(?<u>次|场)`,
    ),
    conf: 0.7,
  },
  {
    code: 'training.meetings',
    re: rx(
      `召开(?:了)?(?:共)?${NUM}(?<u>次|场)(?<g>${G}{0,8}?)(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:会议|专题会议|专题会|工作会|推进会|部署会)`,
    ),
    conf: 0.7,
  },
  {
    code: 'training.trainees',
    re: rx(
      `(?:培训|参训|参加培训)(?:各类)?(?:人员|干部|工作人员|学员)?(?:共|累计|达|共计){0,2}${NUM}(?<u>人次)`,
    ),
    conf: 0.7,
  },
];

function capacity(ctx: Ctx): void {
  for (const rule of [...STAFF, ...TRAINING]) {
    for (const h of scan(ctx, rule.re)) {
      if (h.approx || mentionsOtherBody(h.prefix)) continue;
      if (/发布会/.test(h.m[0])) continue;
      const [sa, sb] = sentenceBounds(ctx.s, h.a);
      if (!DISCLOSURE.test(ctx.s.slice(sa, sb))) continue;
      push(ctx, {
        code: rule.code,
        value: h.value,
        unit: h.unit,
        a: h.a,
        b: h.b,
        conf: rule.conf,
        rank: 0,
      });
    }
  }
}

// --- negative statements --------------------------------------------------------------------

// 未收到…申请 / 无因政府信息公开申请行政复议、提起行政诉讼情况 / 均未实行收费制度. 无 is only a
// negation when it does not start a word (无法提供, 无正当理由, 无人维护 …).
const NEG_TRIGGER =
  /(?:暂|均|一律|都|全部)不(?:收费|收取)|未收到|未接到|未受理|未发生|未出现|未产生|未有|未实行|未实施|未收取|未因|未被(?=申请|提起|起诉)|不存在|没有收到|没有发生|没有出现|没有收取|没有|无(?!法|论|需|须|偿|正当|关|效|误|疑|意|人|线|纸|缝|障|私|限|数|不|锡|为|所|奈|形|非|故|可|力|异|一定)/g;
const POSTFIX_NEG = /(?:情况|案件|事项|数量|数)?:?(?:均|暂|亦)?(?:为)?(?:无|零|没有)$/;
const BARE_NEG = /^(?:均|暂|亦)?(?:无|没有)(?:此类情况|相关情况|此情况)?$/;

// 没有专门处理行政复议的人员 / 无依申请公开工作经验 deny a capacity, not an event.
const NOT_AN_EVENT = /经验|制度|机制|流程|平台|渠道|栏目|意识|能力|机构|人员|队伍|系统/;

function negCodes(ctx: Ctx, scope: string, pos: number): string[] {
  const codes: string[] = [];
  if (/(?:专职|全职)(?:工作)?人员/.test(scope) && /公开/.test(scope)) {
    return ['capacity.staff.fullTime'];
  }
  const hasFee = /收费|收取|处理费/.test(scope) && !/行政事业性/.test(scope);
  // 均未实行收费制度 is how old reports say no fee was collected.
  if (hasFee) return [feeCode(ctx, pos)];
  if (NOT_AN_EVENT.test(scope)) return codes;
  const hasReview = /行政(?:法)?复议|[、和及与或]复议/.test(scope);
  const hasLit = /行政诉讼|[、和及与或](?:提起)?诉讼/.test(scope);
  const hasComplaint = /申诉|投诉|举报/.test(scope);
  if (hasReview) codes.push('review.total');
  if (hasLit) codes.push('litigation.total');
  if (hasComplaint && (hasReview || hasLit || /信息公开|政务公开/.test(scope)))
    codes.push('complaints.total');
  if (
    codes.length === 0 &&
    /依申请|公开(?:的)?申请|申请公开|信息公开申请/.test(scope) &&
    !/答复|办结|结转/.test(scope)
  )
    codes.push('requests.received');
  return codes;
}

const NEG_UNIT: Record<string, string> = {
  'fees.processing': '元',
  'fees.collected': '万元',
  'capacity.staff.fullTime': '人',
};

function pushNeg(ctx: Ctx, codes: string[], a: number, b: number, conf: number): void {
  for (const code of codes) {
    push(ctx, { code, value: 0, unit: NEG_UNIT[code] ?? '件', a, b, conf, rank: 0 });
  }
}

function stripYears(t: string): string {
  return t.replace(/(?:19|20)\d{2}年(?:度)?/g, '');
}

function negatives(ctx: Ctx): void {
  const { s } = ctx;
  NEG_TRIGGER.lastIndex = 0;
  for (;;) {
    const m = NEG_TRIGGER.exec(s);
    if (!m) break;
    const a = m.index;
    const scopeA = a + m[0].length;
    const end = clauseEnd(s, scopeA, 40);
    const scope = s.slice(scopeA, end);
    if (/\d/.test(stripYears(scope))) continue;
    const ca = clauseStart(s, a);
    const prefix = s.slice(ca, a);
    if (mentionsOtherBody(prefix) || PRIOR_PERIOD.test(prefix)) continue;
    // 未收取/暂不收费 carry the keyword in the trigger itself.
    const codes = negCodes(ctx, /收/.test(m[0]) ? m[0] + scope : scope, a);
    if (codes.length > 0) pushNeg(ctx, codes, a, end, /不/.test(m[0]) ? 0.7 : 0.85);
  }
  // Label first, then 无: `行政复议、行政诉讼情况:无`, or a heading followed by a bare `无。`.
  let prevA = 0;
  let prevB = 0;
  let i = 0;
  const n = s.length;
  while (i < n) {
    let j = i;
    while (j < n && !isClauseEnd(s, j)) j++;
    const clause = s.slice(i, j);
    if (clause.length > 0 && clause.length <= 60) {
      let scope: string | null = null;
      let a = i;
      if (BARE_NEG.test(clause)) {
        // `情况:无` or a heading then `无。`: the statement is the clause before.
        if (prevB > prevA && prevB - prevA <= 60) {
          scope = s.slice(prevA, prevB);
          a = prevA;
        }
      } else if (POSTFIX_NEG.test(clause)) {
        scope = clause;
      }
      if (scope !== null && !/\d/.test(stripYears(scope)) && !mentionsOtherBody(scope)) {
        const codes = negCodes(ctx, scope, a);
        if (codes.length > 0) pushNeg(ctx, codes, a, j, 0.75);
      }
    }
    if (clause.length > 0) {
      prevA = i;
      prevB = j;
    }
    i = j + 1;
  }
}

// ---------------------------------------------------------------------------------------------

function pick(cands: Cand[]): Cand | null {
  let best: Cand | null = null;
  for (const c of cands) {
    if (!best || c.rank < best.rank || (c.rank === best.rank && c.a < best.a)) best = c;
  }
  return best;
}

/**
 * Reads the facts a report's narrative states (headline counts, negative statements, fees, staff)
 * as indicator codes; each code at most once, the first headline statement winning.
 */
export function extractProseFacts(text: string, opts: ProseOptions = {}): ProseFact[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const v = buildView(text);
  const ctx: Ctx = {
    v,
    s: v.s,
    reportYear: opts.reportYear ?? null,
    mentionsProcessingFee: v.s.includes('信息处理费'),
    out: [],
  };
  proactive(ctx);
  received(ctx);
  answered(ctx);
  answerParts(ctx);
  cases(ctx);
  fees(ctx);
  capacity(ctx);
  negatives(ctx);

  const byCode = new Map<string, Cand[]>();
  for (const c of ctx.out) {
    const list = byCode.get(c.code);
    if (list) list.push(c);
    else byCode.set(c.code, [c]);
  }
  const chosen: Cand[] = [];
  for (const list of byCode.values()) {
    const best = pick(list);
    // An approximate headline (5500余条) is the statement; later exact figures are sub-counts.
    if (best && !best.approx) chosen.push(best);
  }
  const rec = chosen.find((c) => c.code === 'requests.received');
  if (rec && !chosen.some((c) => c.code === 'requests.answered')) {
    const imp = implicitAnswered(ctx, rec);
    if (imp) chosen.push(imp);
  }
  chosen.sort((x, y) => x.a - y.a || x.code.localeCompare(y.code));
  return chosen.map((c) => ({
    code: c.code,
    value: c.value,
    unit: c.unit,
    span: toSpan(v, c.a, c.b),
    confidence: c.conf,
  }));
}
