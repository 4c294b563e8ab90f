/**
 * Query cost of each access pattern at two table sizes: DynamoDB requests, consumed capacity and
 * latency per call. Synthetic reports are loaded straight into the table (batch writes), so that
 * 100k reports load in minutes; the shapes are the ingest's own (ElectroDB formats every item).
 */
import {
  agenciesOfRegion,
  batchWriteItems,
  changesSince,
  correctionsOfReport,
  createMeter,
  ensureTable,
  findingsByRule,
  findingsOfReport,
  getAgency,
  getReport,
  indicatorAcrossAgencies,
  moderationQueue,
  openStore,
  putRequestsOf,
  reportIdOf,
  reportsOfAgency,
  type StagedValue,
  type Store,
  valueHistory,
  valuesOfReport,
  versionsOfReport,
} from '@gongkai/core';
import { regionChildren } from '@gongkai/extract';

const YEARS = [2019, 2020, 2021, 2022, 2023];
const CODES = ['requests.new:total', 'requests.granted:total', 'review.total'];
const RULES = [
  'table3.column',
  'table3.row',
  'table4.group',
  'cross.carriedOver',
  'cross.lateRelease',
];

export interface PatternCost {
  pattern: string;
  requests: number;
  capacity: number;
  ms: number;
}

export interface QueryBenchResult {
  reports: number;
  items: number;
  loadSeconds: number;
  costs: PatternCost[];
}

function counties(): string[] {
  const out: string[] = [];
  for (const p of regionChildren(null))
    for (const c of regionChildren(p.code))
      for (const d of regionChildren(c.code)) out.push(d.code);
  return out;
}

export async function benchQueries(
  endpoint: string,
  reports: number,
  samples = 20,
): Promise<QueryBenchResult> {
  const meter = createMeter();
  const tableName = `bench-query-${reports}-${Date.now()}`;
  const store = openStore({ endpoint, region: 'local', tableName }, meter);
  await ensureTable(store.client, tableName);
  const places = counties();
  const agencies = Math.ceil(reports / YEARS.length);
  const t0 = performance.now();
  const items = await load(store, agencies, places);
  const loadSeconds = (performance.now() - t0) / 1000;

  const pick = (i: number) => {
    const a = (i * 7919) % agencies;
    const regionCode = places[a % places.length] as string;
    return {
      agencyId: `${regionCode}-${String(a).padStart(10, 'a')}`,
      regionCode,
      year: YEARS[i % YEARS.length] as number,
    };
  };
  const now = new Date().toISOString();
  const patterns: [string, (i: number) => Promise<unknown>][] = [
    ['1 agency by id', (i) => getAgency(store, pick(i).agencyId)],
    [
      '1 agencies of a province (page 20)',
      (i) => agenciesOfRegion(store, { region: pick(i).regionCode.slice(0, 2), limit: 20 }),
    ],
    [
      '1 agencies of a county by level',
      (i) => agenciesOfRegion(store, { region: pick(i).regionCode, level: 'department' }),
    ],
    ['3 reports of an agency', (i) => reportsOfAgency(store, pick(i).agencyId)],
    ['3 report of an agency for a year', (i) => getReport(store, pick(i).agencyId, pick(i).year)],
    [
      '3 versions of a report',
      (i) => versionsOfReport(store, reportIdOf(pick(i).agencyId, pick(i).year)),
    ],
    [
      '4 values of a report',
      (i) =>
        valuesOfReport(store, {
          reportId: reportIdOf(pick(i).agencyId, pick(i).year),
          currentVersion: 1,
        }),
    ],
    [
      '4 one value history',
      (i) => valueHistory(store, reportIdOf(pick(i).agencyId, pick(i).year), CODES[0] as string),
    ],
    [
      '5 indicator across a province (page 20)',
      (i) =>
        indicatorAcrossAgencies(store, {
          code: CODES[0] as string,
          year: pick(i).year,
          region: pick(i).regionCode.slice(0, 2),
          limit: 20,
        }),
    ],
    [
      '6 findings of a report',
      (i) =>
        findingsOfReport(store, {
          reportId: reportIdOf(pick(i).agencyId, pick(i).year),
          currentVersion: 1,
        }),
    ],
    [
      '6 reports with a finding (page 20)',
      (i) => findingsByRule(store, RULES[i % RULES.length] as string, { limit: 20 }),
    ],
    ['7 moderation queue (page 20)', () => moderationQueue(store, { limit: 20 })],
    [
      '7 corrections of a report',
      (i) => correctionsOfReport(store, reportIdOf(pick(i).agencyId, pick(i).year)),
    ],
    [
      '8 changes since (page 20)',
      () => changesSince(store, new Date(Date.now() - 60_000).toISOString(), now, 20),
    ],
  ];
  const costs: PatternCost[] = [];
  for (const [pattern, run] of patterns) {
    await run(samples); // warm-up
    meter.reset();
    const t = performance.now();
    for (let i = 0; i < samples; i++) await run(i);
    costs.push({
      pattern,
      requests: meter.requests / samples,
      capacity: meter.capacity / samples,
      ms: (performance.now() - t) / samples,
    });
  }
  store.close();
  return { reports, items, loadSeconds, costs };
}

async function load(store: Store, agencies: number, places: string[]): Promise<number> {
  const { db } = store;
  const at = new Date().toISOString();
  const bucket = at.slice(0, 7);
  let items = 0;
  const CHUNK = 500;
  for (let from = 0; from < agencies; from += CHUNK) {
    const agencyItems = [];
    const reportItems = [];
    const versionItems = [];
    const valueItems: StagedValue[] = [];
    const findingItems = [];
    for (let a = from; a < Math.min(agencies, from + CHUNK); a++) {
      const regionCode = places[a % places.length] as string;
      const agencyId = `${regionCode}-${String(a).padStart(10, 'a')}`;
      agencyItems.push({
        agencyId,
        name: `合成机关${a}`,
        normalizedName: `合成机关${a}`,
        aliases: [`合成机关${a}`],
        regionCode,
        province: regionCode.slice(0, 2),
        regionPath: [],
        level: 'department' as const,
        reportCount: YEARS.length,
        latestYear: 2023,
        createdAt: at,
        updatedAt: at,
        changeBucket: bucket,
      });
      for (const year of YEARS) {
        const reportId = reportIdOf(agencyId, year);
        reportItems.push({
          agencyId,
          year,
          reportId,
          regionCode,
          agencyName: `合成机关${a}`,
          form: 'gov-2021' as const,
          currentVersion: 1,
          versionCount: 1,
          sourceHash: `${reportId}`,
          valueCount: CODES.length,
          findingCount: 1,
          revision: 1,
          createdAt: at,
          updatedAt: at,
          changeBucket: bucket,
        });
        versionItems.push({
          reportId,
          version: 1,
          sourceHash: reportId,
          status: 'current' as const,
          changes: [],
          ingestedAt: at,
        });
        for (const [k, code] of CODES.entries()) {
          valueItems.push({
            reportId,
            version: 1,
            code,
            year,
            regionCode,
            agencyId,
            extracted: (a + k) % 50,
            current: (a + k) % 50,
            unit: '件',
            source: 'table' as const,
            spanStart: 0,
            spanEnd: 1,
            confidence: 1,
            revision: 0,
            updatedAt: at,
          });
        }
        findingItems.push({
          reportId,
          version: 1,
          scope: 'report' as const,
          seq: 0,
          rule: RULES[a % RULES.length] as string,
          severity: 'warning' as const,
          message: 'synthetic',
          codes: [],
          year,
          regionCode,
          agencyId,
        });
      }
    }
    const requests = [
      ...putRequestsOf(db.entities.agency.put(agencyItems).params()),
      ...putRequestsOf(db.entities.report.put(reportItems).params()),
      ...putRequestsOf(db.entities.version.put(versionItems).params()),
      ...putRequestsOf(db.entities.value.put(valueItems).params()),
      ...putRequestsOf(db.entities.finding.put(findingItems).params()),
    ];
    await batchWriteItems(store, requests, 16);
    items += requests.length;
  }
  return items;
}
