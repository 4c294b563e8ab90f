/**
 * The ingest Lambda as deployed: esbuild's bundle imported by a fresh `node`, its `handler`
 * called with SQS events carrying S3 notifications, reading objects from a local S3 stand-in
 * and writing to DynamoDB Local. What it stores must be what the CLI's ingest stores.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ingestSource } from '../../packages/core/src/index.ts';
import { MAX_INPUT_BYTES } from '../../packages/extract/src/index.ts';
import {
  type BundleInvocation,
  bundleLambda,
  INGEST_LAMBDA,
  invokeBundleInChild,
  type LambdaBundle,
} from '../../packages/functions/src/bundle.ts';
import { SAMPLE_REPORTS } from '../support/api.ts';
import { type S3StandIn, startS3StandIn } from '../support/s3-stand-in.ts';
import { scanAll } from '../support/scan.ts';
import {
  type SqsRecord,
  s3Notification,
  s3TestEvent,
  sqsEvent,
  sqsRecord,
} from '../support/sqs-events.ts';
import { freshStore, type TestStore } from '../support/store.ts';

const BUCKET = 'gongkai-raw-reports';
const SECRET = 'standinsecretkey42';

/** The reports, under the keys they are uploaded with, and the truth file each one matches. */
const REPORTS = {
  plain: { key: 'reports/fj-pingtan-zone-2019.txt', truth: 'fj-pingtan-zone-2019' },
  chinese: { key: '2024年 年报/淮安市人民政府 年报+附表.txt', truth: 'js-huaian-city-2024' },
  gbk: { key: 'reports/gbk/sh-science-commission-2024.txt', truth: 'sh-science-commission-2024' },
} as const;
type ReportName = keyof typeof REPORTS;

const KEYS = {
  empty: 'reports/empty.txt',
  binary: 'reports/scan.pdf',
  missing: 'reports/gone.txt',
  flaky: 'reports/flaky.txt',
  announcedHuge: 'reports/huge.txt',
  actuallyHuge: 'reports/big.txt',
};

interface Truth {
  agency: { name: string; alternatives: string[] };
  year: number;
}

interface LogLine {
  level: string;
  messageId: string;
  key?: string;
  outcome: string;
  cause?: string;
  reason?: string;
  reportId?: string;
  version?: number;
}

type BatchResponse = { batchItemFailures: { itemIdentifier: string }[] };

let dir: string;
let bundle: LambdaBundle;
let s3: S3StandIn;
let lambdaStore: TestStore;
let referenceStore: TestStore;
let run: BundleInvocation<BatchResponse>;
let logs: LogLine[];
const bytes = {} as Record<ReportName, Buffer>;

/** One message per case; the second batch delivers the reports again. */
const messages = {
  // A wrong announced size (0) decides nothing: the bytes read do.
  plain: sqsRecord(s3Notification({ bucket: BUCKET, key: REPORTS.plain.key, size: 0 })),
  chinese: sqsRecord(s3Notification({ bucket: BUCKET, key: REPORTS.chinese.key })),
  gbk: sqsRecord(s3Notification({ bucket: BUCKET, key: REPORTS.gbk.key })),
  empty: sqsRecord(s3Notification({ bucket: BUCKET, key: KEYS.empty, size: 0 })),
  binary: sqsRecord(s3Notification({ bucket: BUCKET, key: KEYS.binary, size: 4096 })),
  missing: sqsRecord(s3Notification({ bucket: BUCKET, key: KEYS.missing, size: 10 })),
  flaky: sqsRecord(s3Notification({ bucket: BUCKET, key: KEYS.flaky, size: 10 })),
  announcedHuge: sqsRecord(
    s3Notification({ bucket: BUCKET, key: KEYS.announcedHuge, size: 50 * 1024 * 1024 }),
  ),
  // The notification's size can be missing or stale: the download's own length is checked too.
  actuallyHuge: sqsRecord(s3Notification({ bucket: BUCKET, key: KEYS.actuallyHuge })),
  deleted: sqsRecord(
    s3Notification({ bucket: BUCKET, key: REPORTS.plain.key, eventName: 'ObjectRemoved:Delete' }),
  ),
  testEvent: sqsRecord(s3TestEvent(BUCKET)),
  malformed: sqsRecord('{"Records": [ not json'),
};
type MessageName = keyof typeof messages;

const again = (record: SqsRecord) => ({
  ...record,
  attributes: { ...record.attributes, ApproximateReceiveCount: '2' },
});
const redelivery = [
  again(messages.plain),
  again(messages.chinese),
  again(messages.gbk),
  // At-least-once: one upload's message twice in one batch.
  sqsRecord(messages.plain.body),
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gongkai-ingest-lambda-'));
  [bundle, s3, lambdaStore, referenceStore] = await Promise.all([
    bundleLambda(dir, INGEST_LAMBDA),
    startS3StandIn(),
    freshStore(),
    freshStore(),
  ]);
  for (const [name, report] of Object.entries(REPORTS) as [ReportName, { truth: string }][]) {
    const text = await readFile(join(SAMPLE_REPORTS, `${report.truth}.txt`), 'utf8');
    bytes[name] = name === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text);
    s3.objects.set(`${BUCKET}/${REPORTS[name].key}`, bytes[name]);
  }
  s3.objects.set(`${BUCKET}/${KEYS.empty}`, new Uint8Array(0));
  s3.objects.set(`${BUCKET}/${KEYS.binary}`, garbage(4096));
  s3.objects.set(`${BUCKET}/${KEYS.flaky}`, Buffer.from('年度报告'));
  s3.failing.add(`${BUCKET}/${KEYS.flaky}`);
  s3.objects.set(`${BUCKET}/${KEYS.actuallyHuge}`, Buffer.alloc(MAX_INPUT_BYTES * 2, 'a'));

  run = await invokeBundleInChild<BatchResponse>(
    bundle.file,
    [sqsEvent(Object.values(messages)), sqsEvent(redelivery), sqsEvent([])],
    lambdaEnv(inject('dynamoEndpoint')),
    60_000,
  );
  logs = logLines(run);

  // The same bytes through the CLI's code path, into a table of their own.
  for (const name of Object.keys(REPORTS) as ReportName[])
    await ingestSource(referenceStore, { bytes: bytes[name], fileName: REPORTS[name].key });
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The function's environment as the deployment sets it, pointed at the local stand-ins. */
function lambdaEnv(dynamoEndpoint: string): Record<string, string> {
  return {
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    GONGKAI_TABLE: lambdaStore.config.tableName,
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_REGION: 'local',
    // DynamoDB Local keeps tables apart by access key and region: the test's own ones.
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: SECRET,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

function logLines(invocation: BundleInvocation<BatchResponse>): LogLine[] {
  return `${invocation.stdout}\n${invocation.stderr}`
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

/** Deterministic bytes no text decoder accepts (a PDF header, then noise). */
function garbage(length: number): Buffer {
  const out = Buffer.alloc(length);
  out.write('%PDF-1.7\n');
  let x = 2463534242;
  for (let i = 9; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function batch(index: number): BatchResponse {
  return (run.results[index] as { response: BatchResponse }).response;
}

function linesOf(name: MessageName): LogLine[] {
  return logs.filter((line) => line.messageId === messages[name].messageId);
}

/** The one line logged for a message of the first batch. */
function lineOf(name: MessageName): LogLine {
  const lines = linesOf(name).slice(0, 1);
  expect(lines).toHaveLength(1);
  return lines[0] as LogLine;
}

/** A table's items without what differs between two runs: when they wrote, and which run. */
async function snapshot(store: TestStore): Promise<string[]> {
  const items = await scanAll(store);
  return items
    .map((item) =>
      JSON.stringify(
        Object.fromEntries(
          Object.entries(item)
            .filter(([name]) => !['createdAt', 'updatedAt', 'ingestedAt', 'claim'].includes(name))
            .sort(([a], [b]) => a.localeCompare(b)),
        ),
      ).replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g, '<time>'),
    )
    .sort();
}

describe('the ingest Lambda bundle', () => {
  it('is one minified ESM file that imports', () => {
    expect(bundle.file.endsWith('ingest.mjs')).toBe(true);
    expect(bundle.bytes).toBeGreaterThan(100_000);
    expect(run.importMs).toBeGreaterThan(0);
    expect(run.results).toHaveLength(3);
  });

  it('fails only the messages whose object could not be read, so only they are retried', () => {
    expect(batch(0).batchItemFailures).toEqual([
      { itemIdentifier: messages.missing.messageId },
      { itemIdentifier: messages.flaky.messageId },
    ]);
    expect(lineOf('missing')).toMatchObject({
      level: 'error',
      key: KEYS.missing,
      outcome: 'retry',
      cause: 'missing',
      reason: expect.stringMatching(/^NoSuchKey/),
    });
    expect(lineOf('flaky')).toMatchObject({
      level: 'error',
      key: KEYS.flaky,
      outcome: 'retry',
      cause: 'server',
      reason: expect.stringMatching(/^InternalError/),
    });
  });

  it('stores each report once, with one JSON line per object', () => {
    for (const name of Object.keys(REPORTS) as ReportName[]) {
      expect(lineOf(name)).toMatchObject({
        level: 'info',
        key: REPORTS[name].key,
        outcome: 'ingested',
        version: 1,
        reportId: expect.any(String),
      });
    }
  });

  it('stores what the CLI stores for the same bytes', async () => {
    const [stored, reference] = await Promise.all([
      snapshot(lambdaStore),
      snapshot(referenceStore),
    ]);
    expect(stored.length).toBeGreaterThan(100);
    expect(stored).toEqual(reference);
  });

  it('finds the agency and year the truth files give, GBK and odd keys included', async () => {
    const reports = await lambdaStore.db.entities.report.scan.go({ pages: 'all' });
    expect(reports.data).toHaveLength(3);
    for (const name of Object.keys(REPORTS) as ReportName[]) {
      const truth = JSON.parse(
        await readFile(join(SAMPLE_REPORTS, `../truth/${REPORTS[name].truth}.json`), 'utf8'),
      ) as Truth;
      const report = reports.data.find((r) => r.reportId === lineOf(name).reportId);
      expect(report?.year).toBe(truth.year);
      expect([truth.agency.name, ...truth.agency.alternatives]).toContain(report?.agencyName);
      expect(report?.valueCount).toBeGreaterThan(50);
    }
    const gbkVersion = await lambdaStore.db.entities.version
      .get({ reportId: lineOf('gbk').reportId as string, version: 1 })
      .go();
    expect(gbkVersion.data).toMatchObject({ encoding: 'gb18030', fileName: REPORTS.gbk.key });
  });

  it('reads the key with spaces, Chinese characters and a plus sign as it was uploaded', () => {
    const asked = s3.requests.filter((r) => r.key === REPORTS.chinese.key);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((r) => r.bucket === BUCKET && r.method === 'GET')).toBe(true);
  });

  it('has the SDK verify the checksum of what it reads', () => {
    const reads = s3.requests.filter((r) => r.key.endsWith('.txt') && r.sentBytes > 0);
    expect(reads.length).toBeGreaterThan(3);
    expect(reads.every((r) => r.checksum)).toBe(true);
  });

  it('leaves a re-delivered message unchanged', () => {
    expect(batch(1).batchItemFailures).toEqual([]);
    for (const name of Object.keys(REPORTS) as ReportName[]) {
      const lines = linesOf(name);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatchObject({
        outcome: 'unchanged',
        version: 1,
        reportId: lineOf(name).reportId,
      });
    }
    // The same object named twice in a batch is read once.
    const reads = s3.requests.filter((r) => r.key === REPORTS.plain.key);
    expect(reads).toHaveLength(2);
  });

  it('acknowledges what no retry can mend, each with a clear line', () => {
    const rejected: [MessageName, RegExp][] = [
      ['empty', /empty/],
      ['binary', /binary/],
      [
        'announcedHuge',
        new RegExp(`^object is ${50 * 1024 * 1024} bytes; the limit is ${MAX_INPUT_BYTES}$`),
      ],
      ['actuallyHuge', new RegExp(`^object is ${MAX_INPUT_BYTES * 2} bytes; the limit is`)],
    ];
    for (const [name, reason] of rejected) {
      expect(lineOf(name)).toMatchObject({
        level: 'warn',
        outcome: 'rejected',
        cause: 'input',
        reason: expect.stringMatching(reason),
      });
    }
  });

  it('never downloads an object the notification says is too large', () => {
    expect(s3.requests.filter((r) => r.key === KEYS.announcedHuge)).toEqual([]);
    const big = s3.requests.filter((r) => r.key === KEYS.actuallyHuge);
    expect(big).toHaveLength(1);
    // The client hung up on the body rather than take all of it.
    expect(big[0]?.sentBytes).toBeLessThan(MAX_INPUT_BYTES);
  });

  it("ignores S3's test event, deletions and a body that is no notification", () => {
    expect(lineOf('testEvent')).toMatchObject({ outcome: 'ignored', reason: 's3:TestEvent' });
    expect(lineOf('deleted')).toMatchObject({
      outcome: 'ignored',
      key: REPORTS.plain.key,
      reason: 'ObjectRemoved:Delete is not an upload',
    });
    expect(lineOf('malformed')).toMatchObject({
      level: 'warn',
      outcome: 'rejected',
      reason: 'the message body is not JSON',
    });
  });

  it('answers an empty batch with no failures', () => {
    expect(batch(2)).toEqual({ batchItemFailures: [] });
  });

  it('logs every message, and no credentials', () => {
    for (const name of Object.keys(messages) as MessageName[])
      expect(linesOf(name).length).toBeGreaterThan(0);
    expect(`${run.stdout}${run.stderr}`).not.toContain(SECRET);
    // Nothing but the JSON lines: no stack traces, no SDK warnings.
    const other = `${run.stdout}\n${run.stderr}`
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('{'));
    expect(other).toEqual([]);
  });
});

describe('the ingest Lambda without its database', () => {
  it('fails every message it could not store, so none is lost', async () => {
    // A port nothing listens on: the connection is refused, as when DynamoDB cannot be reached.
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((done) => closed.close(() => done()));
    const fresh = [messages.plain, messages.chinese, messages.empty, messages.testEvent].map((m) =>
      sqsRecord(m.body),
    );
    const down = await invokeBundleInChild<BatchResponse>(
      bundle.file,
      [sqsEvent(fresh)],
      lambdaEnv(`http://127.0.0.1:${port}`),
      60_000,
    );
    // Even the empty object: ingest looks its bytes up before extracting them. The test event
    // names nothing and is done with.
    expect(down.results[0]?.response.batchItemFailures).toEqual(
      fresh.slice(0, 3).map((m) => ({ itemIdentifier: m.messageId })),
    );
    const lines = logLines(down).filter((line) => line.outcome === 'retry');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatchObject({ level: 'error', cause: 'network' });
  });
});
