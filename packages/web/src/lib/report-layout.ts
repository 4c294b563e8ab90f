/**
 * A report's figures laid out as the official format prints them: sections in the format's
 * order, table 二 as its 第二十条 blocks, table 三 as rows by applicant columns, table 四 as
 * the 复议/诉讼 grid, the older national table as its numbered list. The catalog
 * (`indicators`) gives the codes each form has and their order within a table; this module
 * knows only how the official tables arrange them. A code the form has but the report does
 * not give is 'missing' (未报告); a value read as blank is 'blank'; neither is ever 0.
 * Figures outside the form (mostly prose) come last, grouped by topic.
 */

export interface CatalogIndicator {
  code: string;
  label: string;
  section: string;
  unit: string;
  forms: readonly string[];
}

export interface LayoutValue {
  code: string;
  label: string;
  unit?: string | null;
  current: number | null;
}

export type CellState = 'value' | 'blank' | 'missing';

export interface LayoutCell<V> {
  code: string;
  /** The full label, for the cell's accessible name: row, then column. */
  label: string;
  unit: string;
  state: CellState;
  value: V | null;
}

export interface ListRow<V> {
  label: string;
  /** Indentation: 0 for a numbered row, 1 for its items, 2 for their 其中 rows. */
  depth: number;
  cell: LayoutCell<V>;
}

export interface ListBlock<V> {
  kind: 'list';
  title: string | null;
  rows: ListRow<V>[];
}

export type GridRow<V> =
  | { kind: 'row'; label: string; cells: (LayoutCell<V> | null)[] }
  | { kind: 'group'; label: string };

export interface GridBlock<V> {
  kind: 'grid';
  title: string | null;
  /** The header of the label column. */
  corner: string;
  columns: string[];
  rows: GridRow<V>[];
  unit: string;
}

export type LayoutBlock<V> = ListBlock<V> | GridBlock<V>;

export interface LayoutSection<V> {
  key: string;
  title: string;
  note: string | null;
  blocks: LayoutBlock<V>[];
}

const GOV_FORMS = ['GOV_2019', 'GOV_2021'];
const OLD_FORMS = ['NATIONAL_2014', 'PROVINCIAL'];

/** Topics of the catalog's sections, for headings without the official numbering. */
export const TOPIC_TITLES: Record<string, string> = {
  proactive: '主动公开',
  response: '回应解读',
  requests: '依申请公开',
  review: '行政复议',
  litigation: '行政诉讼',
  complaints: '举报投诉',
  fees: '收费及减免',
  capacity: '机构建设和保障经费',
  training: '会议和培训',
  art20: '第二十条规定的主动公开信息',
};

/** The 2014–2018 national table's numbered parts (spec/report-formats.md §1.3). */
const NATIONAL_TITLES: Record<string, string> = {
  proactive: '一、主动公开情况',
  response: '二、回应解读情况',
  requests: '三、依申请公开情况',
  review: '四、行政复议情况',
  litigation: '五、行政诉讼情况',
  complaints: '六、举报投诉情况',
  fees: '七、依申请公开信息收取的费用',
  capacity: '八、机构建设和保障经费情况',
  training: '九、政府信息公开会议和培训情况',
};

const OLD_ORDER = Object.keys(NATIONAL_TITLES);

interface Art20Block {
  title: string;
  rows: string[];
  columns?: Record<string, string>;
}

const ART20_BLOCKS: Art20Block[] = [
  { title: '第二十条第（一）项', rows: ['rules', 'normativeDocs'] },
  { title: '第二十条第（五）项', rows: ['licensing', 'otherServices'] },
  { title: '第二十条第（六）项', rows: ['penalties', 'enforcement'] },
  { title: '第二十条第（八）项', rows: ['fees'], columns: { amount: '本年收费金额（万元）' } },
  { title: '第二十条第（九）项', rows: ['procurement'], columns: { amount: '采购总金额' } },
];

/** Table 三's merged label cells that head a run of numbered rows. */
const REQUEST_GROUPS: [prefix: string, label: string][] = [
  ['requests.granted', '三、本年度办理结果'],
  ['requests.denied.', '（三）不予公开'],
  ['requests.unavailable.', '（四）无法提供'],
  ['requests.rejected.', '（五）不予处理'],
  ['requests.otherHandling.', '（六）其他处理'],
];

const TABLE4_ROWS: [key: string, label: string][] = [
  ['review', '行政复议'],
  ['litigation.direct', '行政诉讼（未经复议直接起诉）'],
  ['litigation.afterReview', '行政诉讼（复议后起诉）'],
];

const TABLE4_COLUMNS: [key: string, label: string][] = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
];

const CUMULATIVE = ':cumulative';

/** The catalog label's row part: '规章 · 本年制发件数' → '规章'. */
function rowLabelOf(label: string): string {
  const i = label.lastIndexOf(' · ');
  return i < 0 ? label : label.slice(0, i);
}

/** The catalog label's column part, as the table heads it: '规章 · 本年制发件数' → '本年制发件数'. */
function columnLabelOf(label: string): string {
  const i = label.lastIndexOf(' · ');
  return i < 0 ? label : label.slice(i + 3);
}

function depthOf(entry: CatalogIndicator): number {
  const segments = entry.code.replace(/:.*$/, '').split('.').length;
  const depth = entry.code.endsWith('.sectionTotal') ? 0 : Math.max(0, segments - 2);
  return depth === 0 && entry.label.startsWith('其中') ? 1 : depth;
}

interface Context<V> {
  form: string;
  byCode: Map<string, V>;
  placed: Set<string>;
}

function cellOf<V extends LayoutValue>(
  ctx: Context<V>,
  entry: CatalogIndicator,
  label: string,
  code = entry.code,
): LayoutCell<V> {
  ctx.placed.add(code);
  const value = ctx.byCode.get(code) ?? null;
  const state: CellState = value === null ? 'missing' : value.current === null ? 'blank' : 'value';
  return { code, label, unit: value?.unit || entry.unit, state, value };
}

function listRows<V extends LayoutValue>(
  ctx: Context<V>,
  entries: CatalogIndicator[],
): ListRow<V>[] {
  return entries.flatMap((entry) => {
    const label = entry.label;
    const depth = depthOf(entry);
    const rows: ListRow<V>[] = [{ label, depth, cell: cellOf(ctx, entry, label) }];
    // The 历年累计 column of the old provincial tables sits beside its year's figure.
    const cumulative = `${entry.code}${CUMULATIVE}`;
    if (ctx.byCode.has(cumulative)) {
      const cl = `${label}（历年累计）`;
      rows.push({ label: cl, depth, cell: cellOf(ctx, entry, cl, cumulative) });
    }
    return rows;
  });
}

function art20Blocks<V extends LayoutValue>(
  ctx: Context<V>,
  entries: CatalogIndicator[],
): GridBlock<V>[] {
  const blocks: GridBlock<V>[] = [];
  for (const block of ART20_BLOCKS) {
    const mine = entries.filter((e) => block.rows.includes(e.code.split('.')[1] ?? ''));
    if (mine.length === 0) continue;
    const columns = [...new Set(mine.map((e) => e.code.split('.')[2] ?? ''))];
    const columnLabels = columns.map((c) => {
      if (c === 'decisions' && ctx.form === 'GOV_2021') return '本年处理决定数量';
      const entry = mine.find((e) => e.code.split('.')[2] === c);
      return block.columns?.[c] ?? (entry ? columnLabelOf(entry.label) : c);
    });
    const rows: GridRow<V>[] = block.rows.flatMap((row) => {
      const rowEntries = mine.filter((e) => e.code.split('.')[1] === row);
      if (rowEntries.length === 0) return [];
      const label = rowLabelOf(rowEntries[0]?.label ?? row);
      const cells = columns.map((column, i) => {
        const entry = rowEntries.find((e) => e.code.split('.')[2] === column);
        return entry ? cellOf(ctx, entry, `${label} · ${columnLabels[i]}`) : null;
      });
      return [{ kind: 'row' as const, label, cells }];
    });
    blocks.push({
      kind: 'grid',
      title: block.title,
      corner: '信息内容',
      columns: columnLabels,
      rows,
      unit: '',
    });
  }
  return blocks;
}

const REQUEST_CODE = /^(requests\.[A-Za-z.]+):([a-z]+)$/;

function requestGrid<V extends LayoutValue>(
  ctx: Context<V>,
  entries: CatalogIndicator[],
): GridBlock<V> | null {
  const cells = entries.flatMap((entry) => {
    const m = REQUEST_CODE.exec(entry.code);
    return m ? [{ entry, row: m[1] as string, column: m[2] as string }] : [];
  });
  if (cells.length === 0) return null;
  const columns = [...new Set(cells.map((c) => c.column))];
  const columnLabels = columns.map((c) => {
    const found = cells.find((cell) => cell.column === c);
    return found ? columnLabelOf(found.entry.label) : c;
  });
  const rowKeys = [...new Set(cells.map((c) => c.row))];
  const rows: GridRow<V>[] = [];
  const opened = new Set<string>();
  for (const rowKey of rowKeys) {
    const group = REQUEST_GROUPS.find(([prefix]) => rowKey.startsWith(prefix));
    let groupLabel = '';
    if (group) {
      const [prefix, label] = group;
      // '三、本年度办理结果' heads the outcome rows; it is not part of each row's name.
      if (prefix.endsWith('.')) groupLabel = `${label} `;
      if (!opened.has(prefix)) {
        opened.add(prefix);
        rows.push({ kind: 'group', label });
      }
    }
    const rowCells = cells.filter((c) => c.row === rowKey);
    const label = rowLabelOf(rowCells[0]?.entry.label ?? rowKey);
    rows.push({
      kind: 'row',
      label,
      cells: columns.map((column, i) => {
        const found = rowCells.find((c) => c.column === column);
        return found
          ? cellOf(ctx, found.entry, `${groupLabel}${label} · ${columnLabels[i]}`)
          : null;
      }),
    });
  }
  return {
    kind: 'grid',
    title: null,
    corner: '申请人情况',
    columns: columnLabels,
    rows,
    unit: '件',
  };
}

function table4Grid<V extends LayoutValue>(
  ctx: Context<V>,
  entries: CatalogIndicator[],
): GridBlock<V> | null {
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const rows: GridRow<V>[] = [];
  for (const [key, label] of TABLE4_ROWS) {
    const cells = TABLE4_COLUMNS.map(([column, columnLabel]) => {
      const entry = byCode.get(`${key}.${column}`);
      return entry ? cellOf(ctx, entry, `${label} · ${columnLabel}`) : null;
    });
    if (cells.some((c) => c !== null)) rows.push({ kind: 'row', label, cells });
  }
  if (rows.length === 0) return null;
  return {
    kind: 'grid',
    title: null,
    corner: '类别',
    columns: TABLE4_COLUMNS.map(([, label]) => label),
    rows,
    unit: '件',
  };
}

function section<V>(
  key: string,
  title: string,
  blocks: (LayoutBlock<V> | null)[],
  note: string | null = null,
): LayoutSection<V> | null {
  const kept = blocks.filter((b): b is LayoutBlock<V> => b !== null && b.rows.length > 0);
  return kept.length > 0 ? { key, title, note, blocks: kept } : null;
}

function govSections<V extends LayoutValue>(
  ctx: Context<V>,
  entries: CatalogIndicator[],
): (LayoutSection<V> | null)[] {
  const of = (test: (e: CatalogIndicator) => boolean) => entries.filter(test);
  return [
    section(
      'art20',
      '二、主动公开政府信息情况',
      art20Blocks(
        ctx,
        of((e) => e.code.startsWith('art20.')),
      ),
    ),
    section('requests', '三、收到和处理政府信息公开申请情况', [
      requestGrid(
        ctx,
        of((e) => e.section === 'requests'),
      ),
    ]),
    section('appeals', '四、政府信息公开行政复议、行政诉讼情况', [
      table4Grid(
        ctx,
        of((e) => e.section === 'review' || e.section === 'litigation'),
      ),
    ]),
    section('other', '六、其他需要报告的事项', [
      {
        kind: 'list',
        title: null,
        rows: listRows(
          ctx,
          of((e) => e.section === 'fees'),
        ),
      },
    ]),
  ];
}

function oldSections<V extends LayoutValue>(
  ctx: Context<V>,
  entries: CatalogIndicator[],
): (LayoutSection<V> | null)[] {
  const titles = ctx.form === 'NATIONAL_2014' ? NATIONAL_TITLES : TOPIC_TITLES;
  return OLD_ORDER.map((key) =>
    section(key, titles[key] ?? key, [
      {
        kind: 'list',
        title: null,
        rows: listRows(
          ctx,
          entries.filter((e) => e.section === key),
        ),
      },
    ]),
  );
}

/** Everything the form's tables did not place, by topic in catalog order; unknown codes last. */
function extraSection<V extends LayoutValue>(
  ctx: Context<V>,
  catalog: readonly CatalogIndicator[],
  values: readonly V[],
): LayoutSection<V> | null {
  const left = values.filter((v) => !ctx.placed.has(v.code));
  if (left.length === 0) return null;
  const order = new Map(catalog.map((e, i) => [e.code, i]));
  const entryOf = (v: V): CatalogIndicator | undefined => {
    const base = v.code.endsWith(CUMULATIVE) ? v.code.slice(0, -CUMULATIVE.length) : v.code;
    const i = order.get(base);
    return i === undefined ? undefined : catalog[i];
  };
  const rank = (v: V) => order.get(entryOf(v)?.code ?? '') ?? Number.POSITIVE_INFINITY;
  const sorted = [...left].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.code.endsWith(CUMULATIVE) ? 1 : 0) - (b.code.endsWith(CUMULATIVE) ? 1 : 0) ||
      a.code.localeCompare(b.code),
  );
  const blocks: ListBlock<V>[] = [];
  for (const v of sorted) {
    const entry = entryOf(v);
    const topic = entry ? (TOPIC_TITLES[entry.section] ?? entry.section) : '其他';
    let block = blocks[blocks.length - 1];
    if (!block || block.title !== topic) {
      block = { kind: 'list', title: topic, rows: [] };
      blocks.push(block);
    }
    const base = entry ? entry.label : v.label;
    const label = v.code.endsWith(CUMULATIVE) ? `${base}（历年累计）` : base;
    const cell = cellOf(
      ctx,
      entry ?? { code: v.code, label, section: '', unit: v.unit ?? '', forms: [] },
      label,
      v.code,
    );
    block.rows.push({ label, depth: 0, cell });
  }
  return ctx.form === 'NONE'
    ? {
        key: 'extra',
        title: '取自正文的数字',
        note: '这份报告没有统计表，以下数字摘自正文。',
        blocks,
      }
    : {
        key: 'extra',
        title: '其他数字',
        note: '这些数字不在本报告所用的表格格式中，多摘自正文。',
        blocks,
      };
}

/**
 * The report's sections in the official order. `catalog` is the whole catalog in its order
 * (`indicators` without a form); the form picks its codes from it.
 */
export function layoutReport<V extends LayoutValue>(
  form: string,
  catalog: readonly CatalogIndicator[],
  values: readonly V[],
): LayoutSection<V>[] {
  const ctx: Context<V> = {
    form,
    byCode: new Map(values.map((v) => [v.code, v])),
    placed: new Set(),
  };
  const family = GOV_FORMS.includes(form) ? GOV_FORMS : OLD_FORMS.includes(form) ? OLD_FORMS : [];
  // The form's own codes, and codes of its sibling format the report happens to print (a 2021
  // report that kept 2019's single (六) row).
  const entries = catalog.filter(
    (e) =>
      e.forms.includes(form) || (ctx.byCode.has(e.code) && e.forms.some((f) => family.includes(f))),
  );
  const planned = GOV_FORMS.includes(form)
    ? govSections(ctx, entries)
    : OLD_FORMS.includes(form)
      ? oldSections(ctx, entries)
      : [];
  const sections = planned.filter((s): s is LayoutSection<V> => s !== null);
  // Codes of the form no planned table holds (a catalog newer than this page) still show.
  const unplaced = entries.filter((e) => !ctx.placed.has(e.code));
  for (const key of [...new Set(unplaced.map((e) => e.section))]) {
    const s = section(key, TOPIC_TITLES[key] ?? key, [
      {
        kind: 'list',
        title: null,
        rows: listRows(
          ctx,
          unplaced.filter((e) => e.section === key),
        ),
      },
    ]);
    if (s) sections.push(s);
  }
  const extra = extraSection(ctx, catalog, values);
  if (extra) sections.push(extra);
  return sections;
}

/** Every cell of a layout, in reading order: to find a cell by code, or count what is missing. */
export function layoutCells<V>(sections: readonly LayoutSection<V>[]): LayoutCell<V>[] {
  return sections.flatMap((s) =>
    s.blocks.flatMap((b) =>
      b.kind === 'list'
        ? b.rows.map((r) => r.cell)
        : b.rows.flatMap((r) =>
            r.kind === 'row' ? r.cells.filter((c): c is LayoutCell<V> => c !== null) : [],
          ),
    ),
  );
}
