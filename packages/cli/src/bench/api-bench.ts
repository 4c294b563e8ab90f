/**
 * The GraphQL API's cost, over real HTTP on DynamoDB Local with the sample reports ingested:
 * - DynamoDB requests per operation of the web app's main pages (the request meter), on small
 *   and large inputs, to show each page costs a bounded number of round trips;
 * - latency percentiles and throughput under load (autocannon, 10 connections);
 * - the Lambda bundle's size, and its cold start: `await import(bundle)` in fresh node processes.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createMeter,
  ensureTable,
  ingestFiles,
  ingestSource,
  listSourceFiles,
  openStore,
  type Store,
} from '@gongkai/core';
import {
  type ApiDeps,
  cachedSearchIndex,
  createApi,
  DEFAULT_LIMITS,
  listenApi,
  moderatorKey,
  nodeClientAddress,
} from '@gongkai/functions';
import {
  AGENCY_PAGE,
  AGENCY_SEARCH,
  COMPARE_REPORTS,
  REPORT_PAGE,
} from '@gongkai/functions/app-operations';
import { bundleLambda, functionUrlEvent, invokeBundleInChild } from '@gongkai/functions/bundle';
import autocannon from 'autocannon';

const MODERATOR_SECRET = 'bench-secret-that-is-at-least-32-characters-long';
/** The agency given extra (synthetic) years, so its page lists many reports. */
const GROWN_SOURCE = 'fj-pingtan-zone-2021.txt';
const GROWN_YEARS = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2020, 2023, 2024, 2025];

export interface ApiBenchOptions {
  /** Seconds of load per operation. */
  loadSeconds: number;
  connections: number;
  /** Fresh node processes importing the bundle. */
  coldRuns: number;
  log: (line: string) => void;
}

export interface OperationCost {
  operation: string;
  /** What the operation was run on (how many values, reports, rows). */
  input: string;
  /** DynamoDB requests of one call; `spread` is set when repeated calls differed. */
  requests: number;
  spread?: [number, number];
  byCommand: Record<string, number>;
  capacity: number;
  ms: number;
  /** Response bytes. */
  bytes: number;
}

export interface LoadResult {
  operation: string;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requestsPerSecond: number;
  total: number;
  failures: number;
  seconds: number;
}

export interface ColdStartResult {
  runs: number;
  importMs: Stats;
  wallMs: Stats;
  bootMs: Stats;
  firstInvokeMs: Stats;
  secondInvokeMs: Stats;
  /** A fresh `node` that imports nothing, spawned the same way: the process floor. */
  emptyWallMs: Stats;
  nodeVersion: string;
}

export interface Stats {
  median: number;
  min: number;
  max: number;
}

export interface ApiBenchResult {
  reports: number;
  costs: OperationCost[];
  load: LoadResult[];
  bundle: { bytes: number; gzipBytes: number; largest: { name: string; bytes: number }[] };
  cold: ColdStartResult;
}

interface Gql {
  status: number;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: { message: string }[] };
}

export async function benchApi(
  endpoint: string,
  corpusReports: string,
  options: ApiBenchOptions,
): Promise<ApiBenchResult> {
  const { log } = options;
  const meter = createMeter();
  const tableName = `bench-api-${Date.now()}`;
  const store = openStore({ endpoint, region: 'local', tableName }, meter);
  await ensureTable(store.client, tableName);
  log(`ingesting the sample reports and ${GROWN_YEARS.length} synthetic years of one agency…`);
  const reports = await loadReports(store, corpusReports);

  const deps: ApiDeps = {
    store,
    search: cachedSearchIndex(store, () => new Date()),
    limits: DEFAULT_LIMITS,
    now: () => new Date(),
    moderatorSecret: moderatorKey(MODERATOR_SECRET),
  };
  const api = createApi({ deps, log: (line) => log(line), clientAddress: nodeClientAddress });
  const server = await listenApi(api);
  const url = server.url;
  const gql = async (query: string, variables: Record<string, unknown>): Promise<Gql> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) };
  };

  try {
    const subjects = await pickSubjects(gql, reports);
    log('measuring DynamoDB requests per operation…');
    const costs: OperationCost[] = [];
    const measure = async (
      operation: string,
      input: string,
      query: string,
      variables: Record<string, unknown>,
    ) => {
      const counts: number[] = [];
      const times: number[] = [];
      let last: Omit<OperationCost, 'operation' | 'input' | 'spread'> | undefined;
      for (let i = 0; i < 3; i++) {
        meter.reset();
        const t = performance.now();
        const r = await gql(query, variables);
        const ms = performance.now() - t;
        if (r.status !== 200 || r.body.errors?.length || !r.body.data) {
          throw new Error(`${operation} failed (${r.status}): ${r.text.slice(0, 500)}`);
        }
        counts.push(meter.requests);
        times.push(ms);
        last = {
          requests: meter.requests,
          byCommand: { ...meter.byCommand },
          capacity: meter.capacity,
          ms,
          bytes: Buffer.byteLength(r.text),
        };
      }
      const [lo, hi] = [Math.min(...counts), Math.max(...counts)];
      costs.push({
        operation,
        input,
        ...(last as NonNullable<typeof last>),
        ms: stats(times).median,
        ...(lo !== hi ? { spread: [lo, hi] as [number, number] } : {}),
      });
    };

    // The search index is loaded once per instance (one Lambda container): its first call pays.
    meter.reset();
    const firstStart = performance.now();
    const first = await gql(AGENCY_SEARCH, { search: '平潭' });
    const firstMs = performance.now() - firstStart;
    if (first.body.errors) throw new Error(`search failed: ${first.text.slice(0, 500)}`);
    costs.push({
      operation: 'agency search, first of an instance',
      input: '"平潭" (loads the name index)',
      requests: meter.requests,
      byCommand: { ...meter.byCommand },
      capacity: meter.capacity,
      ms: firstMs,
      bytes: Buffer.byteLength(first.text),
    });
    await measure('agency search', '"平潭"', AGENCY_SEARCH, { search: '平潭' });
    for (const a of subjects.agencies) {
      await measure('agency page', `${a.reportCount} reports`, AGENCY_PAGE, { id: a.id });
    }
    for (const r of subjects.reports) {
      await measure(
        'report page',
        `${r.valueCount} values, ${r.findingCount} findings, ${r.versionCount} versions`,
        REPORT_PAGE,
        { id: r.id },
      );
    }
    for (const pair of subjects.pairs) {
      await measure('compare 2 reports', `${pair.label}`, COMPARE_REPORTS, { reports: pair.ids });
    }

    const load: LoadResult[] = [];
    const biggest = subjects.reports.at(-1);
    const loads: [string, string, Record<string, unknown>][] = [
      ['agency search "平潭"', AGENCY_SEARCH, { search: '平潭' }],
      ...(biggest
        ? [
            [`report page (${biggest.valueCount} values)`, REPORT_PAGE, { id: biggest.id }] as [
              string,
              string,
              Record<string, unknown>,
            ],
          ]
        : []),
    ];
    for (const [operation, query, variables] of loads) {
      log(`load: ${operation}, ${options.connections} connections, ${options.loadSeconds} s…`);
      load.push(await loadTest(url, operation, query, variables, options));
    }

    log('bundling the Lambda…');
    const dir = await mkdtemp(join(tmpdir(), 'gongkai-bench-lambda-'));
    try {
      const bundle = await bundleLambda(dir);
      log(`cold starts: ${options.coldRuns} fresh node processes importing the bundle…`);
      const cold = await coldStarts(
        bundle.file,
        endpoint,
        tableName,
        biggest?.id,
        options.coldRuns,
      );
      return {
        reports,
        costs,
        load,
        bundle: { bytes: bundle.bytes, gzipBytes: bundle.gzipBytes, largest: bundle.largest },
        cold,
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  } finally {
    await server.close();
    store.close();
  }
}

/** The sample reports, and extra years of one agency made from one of its reports. */
async function loadReports(store: Store, corpusReports: string): Promise<number> {
  const { files } = await listSourceFiles([corpusReports]);
  const summary = await ingestFiles(store, files, { concurrency: 4 });
  if (summary.failed.length) throw new Error(`ingest failed: ${JSON.stringify(summary.failed)}`);
  const text = await readFile(join(corpusReports, GROWN_SOURCE), 'utf8');
  for (const year of GROWN_YEARS) {
    const variant = text.replaceAll('2021年', `${year}年`).replaceAll('2022-', `${year + 1}-`);
    const outcome = await ingestSource(store, {
      bytes: new TextEncoder().encode(variant),
      fileName: `synthetic-${year}-${GROWN_SOURCE}`,
    });
    if (outcome.status === 'failed') throw new Error(`synthetic ${year}: ${outcome.reason}`);
  }
  return files.length + GROWN_YEARS.length;
}

interface ReportSubject {
  id: string;
  valueCount: number;
  findingCount: number;
  versionCount: number;
}

/**
 * What to run the pages on: the agencies with the fewest and the most reports, the reports with
 * the fewest and the most values, and pairs of small and of large reports.
 */
async function pickSubjects(
  gql: (query: string, variables: Record<string, unknown>) => Promise<Gql>,
  reportCount: number,
) {
  const years = new Set<number>();
  for (let y = 2008; y <= new Date().getFullYear() + 1; y++) years.add(y);
  const reports: (ReportSubject & { agency: { id: string; reportCount: number } })[] = [];
  for (const year of years) {
    const r = await gql(
      `query($year: Int!) { reports(year: $year, first: 100) { edges { node { id valueCount findingCount versionCount agency { id reportCount } } } } }`,
      { year },
    );
    if (r.body.errors) throw new Error(`listing reports failed: ${r.text.slice(0, 500)}`);
    const edges = (r.body.data as { reports: { edges: { node: (typeof reports)[number] }[] } })
      .reports.edges;
    reports.push(...edges.map((e) => e.node));
  }
  if (reports.length !== reportCount) {
    throw new Error(`expected ${reportCount} reports, the API lists ${reports.length}`);
  }
  const byValues = [...reports].sort((a, b) => a.valueCount - b.valueCount);
  const agencies = new Map(reports.map((r) => [r.agency.id, r.agency]));
  const byReports = [...agencies.values()].sort((a, b) => a.reportCount - b.reportCount);
  const distinctCounts = [...new Map(byReports.map((a) => [a.reportCount, a])).values()];
  const few = byValues.filter((r) => r.valueCount > 0);
  const pair = (list: typeof reports, label: string) => ({
    label: `${label}: ${list.map((r) => r.valueCount).join(' + ')} values`,
    ids: list.map((r) => r.id),
  });
  return {
    agencies: distinctCounts,
    reports: [few[0], byValues[Math.floor(byValues.length / 2)], byValues.at(-1)].filter(
      (r, i, all): r is (typeof reports)[number] => r !== undefined && all.indexOf(r) === i,
    ),
    pairs: [pair(few.slice(0, 2), 'smallest'), pair(byValues.slice(-2), 'largest')],
  };
}

async function loadTest(
  url: string,
  operation: string,
  query: string,
  variables: Record<string, unknown>,
  options: ApiBenchOptions,
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    connections: options.connections,
    duration: options.loadSeconds,
    // The load generator runs in a thread of its own, not on the server's event loop.
    workers: 1,
  });
  return {
    operation,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
    seconds: result.duration,
  };
}

async function coldStarts(
  file: string,
  endpoint: string,
  tableName: string,
  reportId: string | undefined,
  runs: number,
): Promise<ColdStartResult> {
  const env = {
    DYNAMODB_ENDPOINT: endpoint,
    GONGKAI_TABLE: tableName,
    AWS_REGION: 'local',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    GONGKAI_MODERATOR_SECRET: MODERATOR_SECRET,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const events = [
    functionUrlEvent({
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: REPORT_PAGE, variables: { id: reportId } }),
    }),
    functionUrlEvent({
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: AGENCY_SEARCH, variables: { search: '平潭' } }),
    }),
  ];
  const empty = join(tmpdir(), `gongkai-empty-${process.pid}.mjs`);
  await writeFile(
    empty,
    'export async function handler() { return { statusCode: 200, body: "" }; }\n',
  );
  const samples: Awaited<ReturnType<typeof invokeBundleInChild>>[] = [];
  const emptyWall: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const run = await invokeBundleInChild(file, events, env);
      for (const r of run.results) {
        const body = JSON.parse(r.response.body) as { errors?: unknown[] };
        if (r.response.statusCode !== 200 || body.errors) {
          throw new Error(`cold invoke failed: ${r.response.body.slice(0, 500)} ${run.stderr}`);
        }
      }
      samples.push(run);
      emptyWall.push((await invokeBundleInChild(empty, [], env)).wallMs);
    }
  } finally {
    await rm(empty, { force: true });
  }
  return {
    runs,
    importMs: stats(samples.map((s) => s.importMs)),
    wallMs: stats(samples.map((s) => s.wallMs)),
    bootMs: stats(samples.map((s) => s.bootMs)),
    firstInvokeMs: stats(samples.map((s) => s.results[0]?.ms ?? Number.NaN)),
    secondInvokeMs: stats(samples.map((s) => s.results[1]?.ms ?? Number.NaN)),
    emptyWallMs: stats(emptyWall),
    nodeVersion: process.version,
  };
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN };
}

export function formatApiBench(r: ApiBenchResult, options: Omit<ApiBenchOptions, 'log'>): string {
  const lines: string[] = [];
  lines.push(
    `API benchmark: GraphQL over local HTTP on DynamoDB Local, ${r.reports} reports (the samples and ${GROWN_YEARS.length} synthetic years of one agency)`,
    '',
    'DynamoDB requests per operation (one call, fresh request; same count on 3 repeats unless a range is shown)',
    `  ${'operation'.padEnd(36)} ${'input'.padEnd(44)} ${'requests'.padEnd(9)} ${'by command'.padEnd(36)} ${'capacity'.padEnd(9)} ${'bytes'.padEnd(8)} ms (one call, no load)`,
  );
  for (const c of r.costs) {
    const requests = c.spread ? `${c.spread[0]}–${c.spread[1]}` : String(c.requests);
    const by = Object.entries(c.byCommand)
      .map(([k, v]) => `${k.replace('Command', '')} ${v}`)
      .join(', ');
    lines.push(
      `  ${c.operation.padEnd(36)} ${c.input.padEnd(44)} ${requests.padEnd(9)} ${by.padEnd(36)} ${c.capacity.toFixed(1).padEnd(9)} ${String(c.bytes).padEnd(8)} ${c.ms.toFixed(0)}`,
    );
  }
  lines.push(
    '',
    `latency under load (autocannon, ${options.connections} connections, ${options.loadSeconds} s each; ms)`,
    `  ${'operation'.padEnd(36)} ${'p50'.padEnd(7)} ${'p90'.padEnd(7)} ${'p99'.padEnd(7)} ${'max'.padEnd(7)} ${'req/s'.padEnd(8)} requests  failures`,
  );
  for (const l of r.load) {
    lines.push(
      `  ${l.operation.padEnd(36)} ${String(l.p50).padEnd(7)} ${String(l.p90).padEnd(7)} ${String(l.p99).padEnd(7)} ${String(l.max).padEnd(7)} ${l.requestsPerSecond.toFixed(0).padEnd(8)} ${String(l.total).padEnd(9)} ${l.failures}`,
    );
  }
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  lines.push(
    '',
    'Lambda bundle (esbuild, ESM, minified, @aws-sdk bundled)',
    `  size   ${r.bundle.bytes.toLocaleString('en-US')} bytes (${kb(r.bundle.bytes)})`,
    `  gzip   ${r.bundle.gzipBytes.toLocaleString('en-US')} bytes (${kb(r.bundle.gzipBytes)})`,
    `  largest packages: ${r.bundle.largest.map((p) => `${p.name} ${kb(p.bytes)}`).join(', ')}`,
  );
  const s = (x: Stats) => `${x.median.toFixed(0)} ms (${x.min.toFixed(0)}–${x.max.toFixed(0)})`;
  const c = r.cold;
  lines.push(
    '',
    `cold start: ${c.runs} fresh node ${c.nodeVersion} processes, median (min–max)`,
    `  await import(bundle)                 ${s(c.importMs)}   (target < 200 ms)`,
    `  first invoke (report page)           ${s(c.firstInvokeMs)}`,
    `  second invoke (first agency search)  ${s(c.secondInvokeMs)}`,
    `  process start to script              ${s(c.bootMs)}`,
    `  process wall, spawn to exit          ${s(c.wallMs)}`,
    `  process wall, empty module           ${s(c.emptyWallMs)}`,
    '',
  );
  return lines.join('\n');
}
