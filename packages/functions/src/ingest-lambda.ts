/**
 * The ingest Lambda: uploads to the raw-reports bucket notify an SQS queue; each message's
 * objects are read from S3 and stored by the same `ingestSource` the CLI uses. Answers with the
 * messages to deliver again (partial batch response), so one bad message never repeats a batch.
 */
import type { Readable } from 'node:stream';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { dbConfigFromEnv, ingestSource, openStore, type Store } from '@gongkai/core';
import { MAX_INPUT_BYTES } from '@gongkai/extract';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import {
  classifyFailure,
  type ObjectRef,
  parseQueueMessage,
  sizeRefusal,
} from './ingest-events.ts';

export interface IngestDeps {
  store: Store;
  s3: S3Client;
  /** Larger objects are refused: extraction itself refuses them. */
  maxBytes: number;
  log: (line: IngestLogLine) => void;
}

/** One JSON line per object (or per message that names none): no bytes, no credentials. */
export interface IngestLogLine {
  level: 'info' | 'warn' | 'error';
  messageId: string;
  bucket?: string;
  key?: string;
  outcome: 'ingested' | 'new-version' | 'unchanged' | 'rejected' | 'ignored' | 'retry';
  reportId?: string;
  version?: number;
  bytes?: number;
  cause?: string;
  reason?: string;
  ms?: number;
}

/** Messages of one batch ingested at once; the CLI's default concurrency. */
const CONCURRENCY = 4;

let container: IngestDeps | null = null;

/** Built on the first event and kept: later invocations of this container reuse the clients. */
function deps(): IngestDeps {
  container ??= depsFromEnv(process.env);
  return container;
}

export function depsFromEnv(env: NodeJS.ProcessEnv): IngestDeps {
  // The SDK takes AWS_ENDPOINT_URL_S3 (or AWS_ENDPOINT_URL) itself; a stand-in answers at one
  // host, so bucket names go in the path instead of the host name.
  const endpointOverride = Boolean(env.AWS_ENDPOINT_URL_S3?.trim() || env.AWS_ENDPOINT_URL?.trim());
  return {
    store: openStore(dbConfigFromEnv(env)),
    s3: new S3Client({ forcePathStyle: endpointOverride }),
    maxBytes: MAX_INPUT_BYTES,
    log: writeLog,
  };
}

function writeLog(line: IngestLogLine): void {
  const text = JSON.stringify(line);
  if (line.level === 'error') console.error(text);
  else if (line.level === 'warn') console.warn(text);
  else console.log(text);
}

export async function handler(event: SQSEvent, _context?: Context): Promise<SQSBatchResponse> {
  return ingestBatch(deps(), event);
}

export async function ingestBatch(deps: IngestDeps, event: SQSEvent): Promise<SQSBatchResponse> {
  const records = event.Records ?? [];
  const failed = new Set<string>();
  // A message delivered twice in one batch names the same object: ingest it once.
  const once = new Map<string, Promise<boolean>>();
  let next = 0;
  const worker = async () => {
    while (next < records.length) {
      const record = records[next++] as SQSRecord;
      if (!(await ingestMessage(deps, record, once))) failed.add(record.messageId);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, records.length) }, worker));
  return {
    batchItemFailures: records
      .filter((r) => failed.has(r.messageId))
      .map((r) => ({ itemIdentifier: r.messageId })),
  };
}

/** Whether the message is done with (stored, or not worth another delivery). */
async function ingestMessage(
  deps: IngestDeps,
  record: SQSRecord,
  once: Map<string, Promise<boolean>>,
): Promise<boolean> {
  const { messageId } = record;
  const message = parseQueueMessage(record.body ?? '');
  if (message.kind === 'test') {
    deps.log({ level: 'info', messageId, outcome: 'ignored', reason: 's3:TestEvent' });
    return true;
  }
  // Delivering a body that is not a notification again cannot make it one.
  if (message.kind === 'malformed') {
    deps.log({ level: 'warn', messageId, outcome: 'rejected', reason: message.reason });
    return true;
  }
  for (const skip of message.skipped)
    deps.log({ level: 'warn', messageId, key: skip.key, outcome: 'ignored', reason: skip.reason });
  if (message.objects.length === 0 && message.skipped.length === 0)
    deps.log({ level: 'warn', messageId, outcome: 'ignored', reason: 'the notification is empty' });
  let done = true;
  for (const object of message.objects) {
    const id = JSON.stringify([object.bucket, object.key, object.versionId, object.eTag]);
    let result = once.get(id);
    if (!result) {
      result = ingestObject(deps, messageId, object);
      once.set(id, result);
    }
    if (!(await result)) done = false;
  }
  return done;
}

async function ingestObject(deps: IngestDeps, messageId: string, ref: ObjectRef): Promise<boolean> {
  const start = performance.now();
  const at = { messageId, bucket: ref.bucket, key: ref.key };
  const ms = () => Math.round(performance.now() - start);
  // Rejections are acknowledged: the same bytes fail the same way on every delivery.
  const reject = (reason: string, bytes?: number) => {
    deps.log({
      level: 'warn',
      ...at,
      outcome: 'rejected',
      cause: 'input',
      reason,
      bytes,
      ms: ms(),
    });
    return true;
  };
  const announced = sizeRefusal(ref.size, deps.maxBytes);
  if (announced) return reject(announced, ref.size);
  try {
    const read = await readObject(deps.s3, ref, deps.maxBytes);
    if ('refused' in read) return reject(read.refused, read.size);
    const outcome = await ingestSource(deps.store, { bytes: read.bytes, fileName: ref.key });
    if (outcome.status === 'failed') return reject(outcome.reason, read.bytes.length);
    deps.log({
      level: 'info',
      ...at,
      outcome: outcome.status,
      reportId: outcome.reportId,
      version: outcome.version,
      bytes: read.bytes.length,
      ms: ms(),
    });
    return true;
  } catch (error) {
    const failure = classifyFailure(error);
    deps.log({
      level: failure.retry ? 'error' : 'warn',
      ...at,
      outcome: failure.retry ? 'retry' : 'rejected',
      cause: failure.cause,
      reason: failure.reason,
      ms: ms(),
    });
    return !failure.retry;
  }
}

/** The object's bytes, or why it is refused; stops reading as soon as it is too large. */
async function readObject(
  s3: S3Client,
  ref: ObjectRef,
  maxBytes: number,
): Promise<{ bytes: Uint8Array } | { refused: string; size?: number }> {
  const out = await s3.send(
    new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key, VersionId: ref.versionId }),
  );
  // In Node the body is the HTTP response stream.
  const body = out.Body as Readable | undefined;
  const declared = sizeRefusal(out.ContentLength, maxBytes);
  if (declared) {
    body?.destroy();
    return { refused: declared, size: out.ContentLength };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body ?? []) {
    size += (chunk as Uint8Array).length;
    // Leaving the loop destroys the stream: the rest is never downloaded.
    if (size > maxBytes) return { refused: `object is over ${maxBytes} bytes` };
    chunks.push(chunk as Uint8Array);
  }
  return { bytes: Buffer.concat(chunks, size) };
}
