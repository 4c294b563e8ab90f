/**
 * The tables of the 2019 and 2021 formats: 二 (第二十条 blocks), 三 (requests, 7 applicant
 * columns) and 四 (review and litigation, 15 cells).
 */
import { identitiesFor } from '../catalog/identities.ts';
import {
  ART20_ROWS,
  type Art20Row,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  REVIEW_CELLS,
  type RequestRow,
} from '../catalog/indicators.ts';
import { art20Prior } from './art20-priors.ts';
import { type Cell, readCells } from './cells.ts';
import {
  type CompactView,
  compactView,
  findLabels,
  type KeyedTarget,
  type LabelHit,
  labelKey,
} from './labels.ts';
import { orderedHits } from './ordered-hits.ts';
import type { PendingRow, RawValue } from './raw-value.ts';
import { resolveRows } from './resolve-rows.ts';
import { streamRows } from './stream-rows.ts';

export type GovForm = 'gov-2019' | 'gov-2021';

export interface GovTables {
  form: GovForm | null;
  values: RawValue[];
  /** Start of table 三 (or of the first table found), for locating the narrative. */
  start: number;
}

const GOV_MARKERS = ['本年新收', '上年结转', '第二十条', '结转下年度', '予以公开'];

const keysOf = (label: string, variants: readonly string[] = []) => [
  ...new Set([label, ...variants].map(labelKey)),
];

const REQUEST_TARGETS: KeyedTarget<RequestRow>[] = REQUEST_ROWS.map((row) => ({
  target: row,
  keys: keysOf(row.label, row.variants),
  ordinal: row.ordinal,
  numbered: labelKey(row.label) !== row.label,
}));
const ART20_TARGETS: KeyedTarget<Art20Row>[] = ART20_ROWS.map((row) => ({
  target: row,
  keys: keysOf(row.label, row.variants),
}));

const ROW_SUM = (v: readonly (number | null)[]) =>
  v.length === 7 &&
  Math.abs((v[6] ?? 0) - v.slice(0, 6).reduce<number>((a, b) => a + (b ?? 0), 0)) < 1e-9;

function firstIndex(text: string, needles: readonly string[], from = 0, to = text.length): number {
  let best = -1;
  for (const n of needles) {
    const at = text.indexOf(n, from);
    if (at >= 0 && at < to && (best < 0 || at < best)) best = at;
  }
  return best;
}

/** Decides 2019 vs 2021 from the table headers, then from table 三's (六) rows. */
function detectForm(text: string, from: number, splitOther: boolean): GovForm | null {
  const t21 = ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'];
  const t19 = [
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '上一年项目数量',
    '采购项目数量',
  ];
  const compact = text.slice(from).replace(/\s+/g, '');
  const n21 = t21.filter((k) => compact.includes(k)).length;
  const n19 = t19.filter((k) => compact.includes(k)).length;
  if (n21 > n19) return 'gov-2021';
  if (n19 > n21) return 'gov-2019';
  return splitOther ? 'gov-2021' : 'gov-2019';
}

interface Regions {
  art20: [number, number] | null;
  requests: [number, number] | null;
  review: [number, number] | null;
}

function findRegions(text: string, requestHits: readonly LabelHit<RequestRow>[]): Regions {
  // The narrative mentions 上年结转 too: the table's row is the one other rows follow closely.
  let firstRow: LabelHit<RequestRow> | undefined;
  let density = 2;
  for (const h of requestHits) {
    if (h.target.code !== 'requests.new' && h.target.code !== 'requests.carriedOver') continue;
    const near = requestHits.filter(
      (o) => o.start > h.start && o.start < h.start + 1500 && o.weight > 2,
    ).length;
    if (near > density) {
      firstRow = h;
      density = near;
    }
  }
  let reqStart = -1;
  if (firstRow) {
    // The header (申请人情况, 勾稽关系 note) comes first; numbers may precede the row label itself.
    const header = Math.max(
      text.lastIndexOf('申请人情况', firstRow.start),
      text.lastIndexOf('勾稽关系', firstRow.start),
      text.lastIndexOf('收到和处理政府信息公开申请', firstRow.start),
    );
    reqStart = header >= 0 && firstRow.start - header < 3000 ? header : firstRow.start;
  }
  // The row labels end the table; short generic ones (总计) also stand in later headers.
  const lastRow = requestHits.reduce(
    (a, h) => (h.weight > 2 && h.start < reqStart + 6000 ? Math.max(a, h.end) : a),
    reqStart,
  );
  const reviewStart =
    reqStart >= 0 ? firstIndex(text, ['行政复议', '行政法复议', '复议'], lastRow) : -1;
  const reqEnd = reviewStart >= 0 ? reviewStart : Math.min(text.length, lastRow + 400);
  let reviewEnd = -1;
  if (reviewStart >= 0) {
    const m = /五、|存在的主要问题|主要问题|\(一\)主要问题/.exec(text.slice(reviewStart));
    reviewEnd = m ? reviewStart + m.index : Math.min(text.length, reviewStart + 3000);
  }
  const a20 = text.indexOf('第二十条');
  const art20End = reqStart >= 0 ? reqStart : Math.min(text.length, a20 + 3000);
  return {
    art20: a20 >= 0 && a20 < art20End ? [a20, art20End] : null,
    requests: reqStart >= 0 ? [reqStart, reqEnd] : null,
    review: reviewStart >= 0 ? [reviewStart, reviewEnd] : null,
  };
}

function requestPending(
  text: string,
  hits: readonly LabelHit<RequestRow>[],
  end: number,
  codes: (row: RequestRow) => string[],
): PendingRow[] {
  return hits.map((hit, i) => ({
    codes: codes(hit.target),
    units: REQUEST_COLUMNS.map(() => '件'),
    cells: readCells(text, hit.end, hits[i + 1]?.start ?? end),
    anchor: hit.end,
    accept: ROW_SUM,
  }));
}

function readRequests(
  text: string,
  region: [number, number],
  splitOther: boolean,
  form: GovForm | null,
  documentHits: readonly LabelHit<RequestRow>[],
): RawValue[] {
  const rows = REQUEST_ROWS.filter((r) => r.only !== (splitOther ? 'single-other' : 'split-other'));
  // The document's hits already hold this region's: no second search.
  const allHits = documentHits.filter(
    (h) => h.start >= region[0] && h.end <= region[1] && rows.includes(h.target),
  );
  const hits = orderedHits(allHits, (row) => rows.indexOf(row));
  const codes = (row: RequestRow) => REQUEST_COLUMNS.map((c) => `${row.code}:${c}`);
  const present = new Set(rows.flatMap(codes));
  const identities = identitiesFor(form ?? 'gov-2021', present);

  const anchored = resolveRows(requestPending(text, hits, region[1], codes), identities);
  // Every row read under its own label: no reason to try reading by position.
  if (hits.length === rows.length && anchored.length === rows.length * REQUEST_COLUMNS.length)
    return anchored;
  const streamed = streamRows(text, region, allHits, rows.length);
  if (!streamed) return anchored;
  const positional: RawValue[] = streamed.flatMap((cells, r) =>
    codes(rows[r] as RequestRow).map((code, k) => {
      const cell = cells[k] as Cell;
      return {
        code,
        value: cell.kind === 'num' ? Number(cell.text) : null,
        unit: '件',
        span: [cell.start, cell.end] as [number, number],
        // Position, not a label, placed these values: say so.
        confidence: 0.8,
      };
    }),
  );
  return quality(positional, identities) > quality(anchored, identities) ? positional : anchored;
}

function quality(
  values: readonly RawValue[],
  identities: ReturnType<typeof identitiesFor>,
): number {
  const byCode = new Map(values.map((v) => [v.code, v.value]));
  let held = 0;
  for (const id of identities) {
    let l = 0;
    let r = 0;
    let ok = true;
    for (const c of id.left) {
      const v = byCode.get(c);
      if (v == null) ok = false;
      else l += v;
    }
    for (const c of id.right) {
      const v = byCode.get(c);
      if (v == null) ok = false;
      else r += v;
    }
    if (ok && Math.abs(l - r) < 1e-9) held++;
  }
  return values.filter((v) => v.value !== null).length + 5 * held;
}

function readReview(text: string, region: [number, number]): RawValue[] {
  const cells = readCells(text, region[0], region[1]).filter(
    (c) => c.kind === 'num' || (c.kind === 'blank' && c.piped),
  );
  const groups = [0, 5, 10];
  const row: PendingRow = {
    codes: REVIEW_CELLS,
    units: REVIEW_CELLS.map(() => '件'),
    cells,
    anchor: region[0],
    accept: (v) =>
      groups.every(
        (g) =>
          Math.abs(
            (v[g + 4] ?? 0) - ((v[g] ?? 0) + (v[g + 1] ?? 0) + (v[g + 2] ?? 0) + (v[g + 3] ?? 0)),
          ) < 1e-9,
      ),
  };
  if (cells.length === 0) return [];
  return resolveRows([row], identitiesFor('gov-2021', new Set(REVIEW_CELLS)));
}

function readArt20(text: string, region: [number, number], form: GovForm): RawValue[] {
  const view = compactView(text, region[0], region[1]);
  const hits = findLabels(view, ART20_TARGETS).filter((h) => h.target.columns[form]);
  const seen = new Set<string>();
  const unique = hits.filter((h) => !seen.has(h.target.key) && seen.add(h.target.key));
  const claimed = new Set<number>();
  const pending: PendingRow[] = [];
  const rowCells: Cell[][] = unique.map((hit, i) => {
    const columns = hit.target.columns[form] ?? [];
    const cells = readCells(text, hit.end, unique[i + 1]?.start ?? region[1]).filter(
      (c) => c.kind === 'num' || (c.kind === 'blank' && c.piped),
    );
    const take =
      cells.length >= columns.length ? cells.slice(0, columns.length) : cells.slice(0, 1);
    for (const c of take) claimed.add(c.start);
    return take;
  });
  unique.forEach((hit, i) => {
    const columns = hit.target.columns[form] ?? [];
    let cells = rowCells[i] as Cell[];
    if (cells.length === 0) {
      // Reading-order text puts a lone value before its label: take what no row has claimed.
      const from = unique[i - 1]?.end ?? region[0];
      const before = readCells(text, from, hit.start).filter(
        (c) => c.kind === 'num' && !claimed.has(c.start),
      );
      cells = before.slice(-columns.length);
      for (const c of cells) claimed.add(c.start);
    }
    if (cells.length === 0) return;
    pending.push({
      codes: columns.map((c) => `art20.${hit.target.key}.${c}`),
      units: columns.map((c) => hit.target.units[c] ?? hit.target.units['*'] ?? '件'),
      cells,
      anchor: hit.end,
      prior: art20Prior(hit.target.key, form),
    });
  });
  return resolveRows(pending, []);
}

/** Reads the 2019/2021 tables from normalised text; `form` is null when none is there. */
export function readGovTables(text: string, view: CompactView = compactView(text)): GovTables {
  // Without any of these words there is no 2019/2021 table to look for.
  if (!GOV_MARKERS.some((m) => view.s.includes(m))) return { form: null, values: [], start: -1 };
  const requestHits = findLabels(view, REQUEST_TARGETS);
  const regions = findRegions(text, requestHits);
  const req = regions.requests;
  const splitOther = requestHits.some(
    (h) => h.target.only === 'split-other' && req !== null && h.start >= req[0] && h.start < req[1],
  );
  const a20start = regions.art20?.[0] ?? -1;
  const form = detectForm(
    text,
    a20start >= 0 ? a20start : (regions.requests?.[0] ?? text.length),
    splitOther,
  );
  const values: RawValue[] = [];
  if (regions.art20 && form) values.push(...readArt20(text, regions.art20, form));
  if (regions.requests)
    values.push(...readRequests(text, regions.requests, splitOther, form, requestHits));
  if (regions.review) values.push(...readReview(text, regions.review));
  const start = regions.art20?.[0] ?? regions.requests?.[0] ?? -1;
  return { form: values.length > 0 ? (form ?? 'gov-2021') : null, values, start };
}
