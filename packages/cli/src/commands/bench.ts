/**
 * `gongkai bench`: the figures the issues ask for, printed, never asserted (the machines are
 * shared and noisy; compare ratios within one run).
 * - extract: extraction throughput on one core over the corpus, and peak memory;
 * - ingest: reports/s into DynamoDB Local and DynamoDB requests per ingested report;
 * - queries: requests, capacity and latency of each access pattern at two table sizes;
 * - api: the GraphQL API's DynamoDB requests per page, latency under load, Lambda bundle and cold start;
 * - search: agency-name search over a synthetic national index (300k agencies), alone and via the API;
 * - web: the web app's production build sizes (first page, each page's chunk) and Lighthouse scores
 *   (median of --lighthouse-runs, default 3; 0 skips Lighthouse).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startDynamoDbLocal } from '@gongkai/core';
import { extract } from '@gongkai/extract';
import { benchApi, formatApiBench } from '../bench/api-bench.ts';
import { benchIngest } from '../bench/ingest-bench.ts';
import { benchQueries, type QueryBenchResult } from '../bench/query-bench.ts';
import { benchSearch, formatSearchBench } from '../bench/search-bench.ts';
import { benchWeb, formatWebBench } from '../bench/web-bench.ts';
import type { Io } from '../io.ts';

const DEFAULT_CORPUS = 'test/fixtures/corpus';
const SECTIONS = ['extract', 'search', 'ingest', 'queries', 'api', 'web'] as const;

function option(args: string[], name: string): string | undefined {
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

export async function benchCommand(args: string[], io: Io): Promise<number> {
  const dir = args.find((a) => !a.startsWith('-')) ?? DEFAULT_CORPUS;
  const only = (option(args, 'only') ?? SECTIONS.join(',')).split(',');
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length) {
    io.err(
      `gongkai bench: unknown section ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}\n`,
    );
    return 2;
  }
  if (only.includes('extract'))
    await benchExtraction(dir, Number(option(args, 'seconds') ?? 10), io);
  if (only.includes('search')) {
    const agencies = Number(option(args, 'agencies') ?? 300_000);
    io.out(
      formatSearchBench(await benchSearch(agencies, Number(option(args, 'searches') ?? 20_000))),
    );
  }
  if (only.includes('web')) {
    const runs = Number(option(args, 'lighthouse-runs') ?? 3);
    const r = await benchWeb({ runs, log: (line) => io.err(`${line}\n`) });
    io.out(formatWebBench(r));
  }
  if (!only.includes('ingest') && !only.includes('queries') && !only.includes('api')) return 0;

  const db = await startDynamoDbLocal();
  try {
    if (only.includes('ingest')) {
      const rounds = Number(option(args, 'rounds') ?? 5);
      const r = await benchIngest(db.endpoint, join(dir, 'reports'), rounds);
      io.out(
        [
          `ingest benchmark: ${r.reports} report ingests into DynamoDB Local (${rounds} fresh tables, 4 in flight), ${r.seconds.toFixed(1)} s`,
          `  reports/s              ${r.reportsPerSecond.toFixed(1)}`,
          `  requests/report        ${r.requestsPerReport.toFixed(1)}  (${Object.entries(
            r.byCommand,
          )
            .map(([k, v]) => `${k.replace('Command', '')} ${v.toFixed(1)}`)
            .join(', ')})`,
          `  capacity units/report  ${r.capacityPerReport.toFixed(1)}`,
          `  requests/report, unchanged re-run  ${r.unchangedRequestsPerReport.toFixed(1)}`,
          '',
        ].join('\n'),
      );
    }
    if (only.includes('queries')) {
      const scales = (option(args, 'scales') ?? '1000,100000').split(',').map(Number);
      const results: QueryBenchResult[] = [];
      for (const scale of scales) {
        io.err(`loading ${scale} synthetic reports…\n`);
        results.push(await benchQueries(db.endpoint, scale));
      }
      io.out(formatQueryCosts(results));
    }
    if (only.includes('api')) {
      const options = {
        loadSeconds: Number(option(args, 'load-seconds') ?? 5),
        connections: Number(option(args, 'connections') ?? 10),
        coldRuns: Number(option(args, 'cold-runs') ?? 10),
      };
      const r = await benchApi(db.endpoint, join(dir, 'reports'), {
        ...options,
        log: (line) => io.err(`${line}\n`),
      });
      io.out(formatApiBench(r, options));
    }
  } finally {
    await db.stop();
  }
  return 0;
}

function formatQueryCosts(results: QueryBenchResult[]): string {
  const lines = [
    `query cost per access pattern (mean of 20 calls; requests / capacity units / ms) at ${results
      .map(
        (r) => `${r.reports} reports (${r.items} items, loaded in ${r.loadSeconds.toFixed(0)} s)`,
      )
      .join(' and ')}`,
  ];
  const first = results[0];
  for (const [i, cost] of (first?.costs ?? []).entries()) {
    const cells = results.map((r) => {
      const c = r.costs[i];
      return c ? `${c.requests.toFixed(1)} / ${c.capacity.toFixed(1)} / ${c.ms.toFixed(1)}` : '-';
    });
    lines.push(`  ${cost.pattern.padEnd(42)} ${cells.map((c) => c.padEnd(22)).join('')}`);
  }
  return `${lines.join('\n')}\n`;
}

async function benchExtraction(dir: string, seconds: number, io: Io): Promise<void> {
  const names = (await readdir(join(dir, 'reports'))).sort();
  const inputs = await Promise.all(names.map((n) => readFile(join(dir, 'reports', n))));
  const bytes = inputs.reduce((a, b) => a + b.length, 0);

  for (const input of inputs) extract(input); // warm-up: JIT and lazy tables
  let reports = 0;
  let processed = 0;
  let peakRss = process.memoryUsage().rss;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (const input of inputs) {
      extract(input);
      reports++;
      processed += input.length;
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const elapsed = (performance.now() - start) / 1000;
  const maxRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  io.out(
    [
      `extraction benchmark: ${names.length} reports, ${(bytes / 1024).toFixed(1)} KiB, one core, ${elapsed.toFixed(1)} s`,
      `  reports/s      ${(reports / elapsed).toFixed(0)}`,
      `  MB/s           ${(processed / 1e6 / elapsed).toFixed(2)}`,
      `  ms/report      ${((elapsed * 1000) / reports).toFixed(3)}`,
      `  peak RSS       ${(maxRss / 2 ** 20).toFixed(0)} MiB`,
      '',
    ].join('\n'),
  );
}
