/** Ingest throughput into DynamoDB Local, and DynamoDB requests per ingested report. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createMeter, ensureTable, ingestSource, openStore, type Store } from '@gongkai/core';

export interface IngestBenchResult {
  reports: number;
  seconds: number;
  reportsPerSecond: number;
  requestsPerReport: number;
  capacityPerReport: number;
  byCommand: Record<string, number>;
  unchangedRequestsPerReport: number;
}

/**
 * Ingests the corpus into `rounds` fresh tables (every report is new each round), with
 * `concurrency` reports in flight, then once more into the last table (every report unchanged).
 */
export async function benchIngest(
  endpoint: string,
  corpusReports: string,
  rounds: number,
  concurrency = 4,
): Promise<IngestBenchResult> {
  const names = (await readdir(corpusReports)).sort();
  const inputs = await Promise.all(names.map((n) => readFile(join(corpusReports, n))));
  const meter = createMeter();
  let seconds = 0;
  let store: Store | undefined;
  let requests = 0;
  let capacity = 0;
  let byCommand: Record<string, number> = {};
  for (let round = 0; round < rounds; round++) {
    store?.close();
    const tableName = `bench-ingest-${Date.now()}-${round}`;
    store = openStore({ endpoint, region: 'local', tableName }, meter);
    await ensureTable(store.client, tableName);
    meter.reset();
    const start = performance.now();
    await ingestAll(store, inputs, concurrency);
    seconds += (performance.now() - start) / 1000;
    requests += meter.requests;
    capacity += meter.capacity;
    byCommand = merge(byCommand, meter.byCommand);
  }
  meter.reset();
  if (store) await ingestAll(store, inputs, concurrency);
  const unchanged = meter.requests;
  store?.close();
  const reports = inputs.length * rounds;
  return {
    reports,
    seconds,
    reportsPerSecond: reports / seconds,
    requestsPerReport: requests / reports,
    capacityPerReport: capacity / reports,
    byCommand: Object.fromEntries(Object.entries(byCommand).map(([k, v]) => [k, v / reports])),
    unchangedRequestsPerReport: unchanged / inputs.length,
  };
}

async function ingestAll(
  store: Store,
  inputs: readonly Uint8Array[],
  concurrency: number,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const outcome = await ingestSource(store, { bytes: inputs[next++] as Uint8Array });
      if (outcome.status === 'failed') throw new Error(outcome.reason);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

function merge(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}
