/**
 * Agency-name search at national scale: an index of N synthetic agencies (every county, city and
 * province of the division table × common department names, as real agency names are made), then
 * random searches by Chinese substring, full pinyin and initials, timed one by one. Also the same
 * searches through the GraphQL API in-process (yoga, no network), where the aim is < 20 ms.
 */
import { performance } from 'node:perf_hooks';
import {
  AgencySearchIndex,
  agencyLevel,
  openStore,
  pinyinKeys,
  type SearchEntry,
} from '@gongkai/core';
import { regionChildren, regionLevel } from '@gongkai/extract';
import { createApi, DEFAULT_LIMITS } from '@gongkai/functions';

const DEPARTMENTS = [
  '人民政府',
  '人民政府办公室',
  '发展和改革委员会',
  '教育局',
  '科学技术局',
  '工业和信息化局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '卫生健康委员会',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '林业局',
  '体育局',
  '信访局',
  '机关事务管理局',
  '行政审批服务局',
  '城市管理局',
  '民族宗教事务局',
  '档案馆',
  '地方志办公室',
  '人民防空办公室',
  '粮食和物资储备局',
  '税务局',
  '气象局',
  '消防救援大队',
  '公共资源交易中心',
  '政务服务中心',
  '融媒体中心',
  '供销合作社',
  '残疾人联合会',
  '妇女联合会',
  '总工会',
  '团委',
  '科学技术协会',
  '红十字会',
  '工商业联合会',
  '文学艺术界联合会',
  '住房公积金管理中心',
  '不动产登记中心',
  '疾病预防控制中心',
  '人民医院',
  '中医院',
  '妇幼保健院',
  '第一中学',
  '实验小学',
  '职业技术学校',
  '图书馆',
  '博物馆',
  '文化馆',
  '水务集团',
  '城市投资发展集团',
  '自然保护区管理局',
  '经济开发区管理委员会',
  '高新技术产业园区管理委员会',
  '综合行政执法局',
  '数据资源管理局',
  '乡村振兴局',
  '投资促进局',
  '大数据发展管理局',
  '外事办公室',
  '侨务办公室',
  '台湾事务办公室',
  '机构编制委员会办公室',
  '金融工作局',
  '国有资产监督管理委员会',
  '港口管理局',
  '海洋与渔业局',
  '畜牧兽医局',
  '农业机械化服务中心',
  '扶贫开发办公室',
  '移民开发局',
  '招商局',
  '口岸办公室',
  '保密局',
  '国家安全局',
  '生态环境保护综合行政执法支队',
  '劳动人事争议仲裁院',
  '社会保险事业管理局',
  '就业服务中心',
  '住房保障中心',
  '公路管理局',
  '道路运输管理所',
  '水文局',
  '地震局',
  '科技馆',
  '青少年活动中心',
];

interface Timing {
  kind: string;
  p50: number;
  p99: number;
  max: number;
  hits: number;
}

export interface SearchBenchResult {
  agencies: number;
  buildMs: number;
  queries: number;
  byKind: Timing[];
  /** The same searches as GraphQL requests through the API (in-process, no network). */
  api: Timing[];
}

/** Every division (province, city, county) with its level, from the division table. */
function divisions(): { code: string; name: string }[] {
  const out: { code: string; name: string }[] = [];
  const walk = (code: string | null) => {
    for (const d of regionChildren(code)) {
      out.push({ code: d.code, name: d.name });
      walk(d.code);
    }
  };
  walk(null);
  return out;
}

export function syntheticAgencies(count: number): SearchEntry[] {
  const places = divisions();
  const out: SearchEntry[] = [];
  for (let i = 0; out.length < count; i++) {
    const place = places[i % places.length] as { code: string; name: string };
    const dept = DEPARTMENTS[Math.floor(i / places.length) % DEPARTMENTS.length] as string;
    const round = Math.floor(i / (places.length * DEPARTMENTS.length));
    const name = `${place.name}${dept}${round > 0 ? `第${round + 1}分支` : ''}`;
    out.push({
      id: `a${i}`,
      name,
      aliases: [],
      regionCode: place.code,
      level: agencyLevel(name, regionLevel(place.code)),
    });
  }
  return out;
}

/** A deterministic random stream, so two runs search the same queries. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function searchQueries(entries: readonly SearchEntry[], n: number, seed = 7) {
  const rnd = random(seed);
  const pick = () => entries[Math.floor(rnd() * entries.length)] as SearchEntry;
  const queries: { kind: string; text: string }[] = [];
  for (let i = 0; i < n; i++) {
    const name = pick().name;
    const kind = ['substring', 'pinyin', 'initials', 'two-chars'][i % 4] as string;
    const start = Math.floor(rnd() * Math.max(1, name.length - 4));
    if (kind === 'substring') queries.push({ kind, text: name.slice(start, start + 4) });
    else if (kind === 'two-chars') queries.push({ kind, text: name.slice(start, start + 2) });
    else {
      const keys = pinyinKeys(name.slice(0, 4));
      queries.push({ kind, text: kind === 'pinyin' ? keys.full : keys.initials });
    }
  }
  return queries;
}

export async function benchSearch(count: number, queryCount: number): Promise<SearchBenchResult> {
  const entries = syntheticAgencies(count);
  const t0 = performance.now();
  const index = new AgencySearchIndex(entries);
  const buildMs = performance.now() - t0;
  const queries = searchQueries(entries, queryCount);
  const direct = await timeEach(queries, async (q) => index.search(q.text, { limit: 20 }).length);
  // Only cursors are asked for, so the API touches no database: what is timed is the search and
  // the GraphQL request around it.
  const api = createApi({
    deps: {
      store: openStore({ endpoint: 'http://127.0.0.1:9', region: 'local', tableName: 'none' }),
      search: async () => index,
      limits: DEFAULT_LIMITS,
      now: () => new Date(),
      moderatorSecret: null,
    },
  });
  const query = 'query($q: String) { agencies(search: $q, first: 20) { edges { cursor } } }';
  const viaApi = await timeEach(queries.slice(0, Math.min(queries.length, 4000)), async (q) => {
    const res = await api.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { q: q.text } }),
    });
    const body = (await res.json()) as { data?: { agencies: { edges: unknown[] } } };
    return body.data?.agencies.edges.length ?? 0;
  });
  return { agencies: index.size, buildMs, queries: queries.length, byKind: direct, api: viaApi };
}

async function timeEach(
  queries: readonly { kind: string; text: string }[],
  run: (q: { kind: string; text: string }) => Promise<number>,
): Promise<Timing[]> {
  const times = new Map<string, number[]>();
  const hits = new Map<string, number>();
  for (const q of queries) {
    const t = performance.now();
    const found = await run(q);
    const ms = performance.now() - t;
    const list = times.get(q.kind) ?? [];
    list.push(ms);
    times.set(q.kind, list);
    hits.set(q.kind, (hits.get(q.kind) ?? 0) + (found > 0 ? 1 : 0));
  }
  return [...times].map(([kind, ms]) => {
    const sorted = ms.sort((a, b) => a - b);
    const at = (p: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
    return {
      kind,
      p50: at(0.5),
      p99: at(0.99),
      max: sorted.at(-1) ?? 0,
      hits: hits.get(kind) ?? 0,
    };
  });
}

export function formatSearchBench(r: SearchBenchResult): string {
  const rows = (timings: Timing[]) =>
    timings.map(
      (k) =>
        `  ${k.kind.padEnd(10)} p50 ${k.p50.toFixed(3).padStart(7)} ms  p99 ${k.p99.toFixed(3).padStart(7)} ms  max ${k.max.toFixed(2).padStart(7)} ms  found ${k.hits}`,
    );
  return [
    `Agency search: ${r.agencies.toLocaleString('en')} agencies, index built in ${(r.buildMs / 1000).toFixed(1)} s, ${r.queries.toLocaleString('en')} searches`,
    ...rows(r.byKind),
    'The same searches as GraphQL requests (in-process, no network; aim < 20 ms):',
    ...rows(r.api),
    '',
  ].join('\n');
}
