/**
 * What the ingest Lambda reads from its queue (S3 event notifications inside SQS messages), and
 * how it decides between retrying a failure and giving up on it. Pure: no I/O.
 */

/** One uploaded object a notification announces. */
export interface ObjectRef {
  bucket: string;
  /** Decoded: spaces and Chinese characters as they were uploaded. */
  key: string;
  /** Bytes, as the notification announced them. */
  size?: number;
  eTag?: string;
  /** Set when the bucket keeps versions: the exact version that was announced. */
  versionId?: string;
}

export type QueueMessage =
  /** S3 sends one when a notification is configured, to check the queue can be written. */
  | { kind: 'test' }
  /** Not an S3 event notification at all: nothing in it can ever be ingested. */
  | { kind: 'malformed'; reason: string }
  | { kind: 'notification'; objects: ObjectRef[]; skipped: { key?: string; reason: string }[] };

/** An SQS message body → the objects to ingest, and the records that are not uploads. */
export function parseQueueMessage(body: string): QueueMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: 'malformed', reason: 'the message body is not JSON' };
  }
  if (!isObject(parsed)) return { kind: 'malformed', reason: 'the message body is not an object' };
  if (parsed.Event === 's3:TestEvent') return { kind: 'test' };
  if (!Array.isArray(parsed.Records)) {
    return { kind: 'malformed', reason: 'the message body is not an S3 event notification' };
  }
  const objects: ObjectRef[] = [];
  const skipped: { key?: string; reason: string }[] = [];
  for (const record of parsed.Records as unknown[]) {
    const read = objectOf(record);
    if ('reason' in read) skipped.push(read);
    else objects.push(read);
  }
  return { kind: 'notification', objects, skipped };
}

function objectOf(record: unknown): ObjectRef | { key?: string; reason: string } {
  const s3 = isObject(record) && isObject(record.s3) ? record.s3 : null;
  const bucket = s3 && isObject(s3.bucket) ? s3.bucket.name : undefined;
  const object = s3 && isObject(s3.object) ? s3.object : null;
  if (!isObject(record) || typeof bucket !== 'string' || !bucket || typeof object?.key !== 'string')
    return { reason: 'the record names no S3 bucket and key' };
  const key = decodeS3Key(object.key);
  if (key === null) return { key: object.key, reason: 'the key is not valid URL encoding' };
  const eventName = String(record.eventName ?? '');
  // Deletions and restores share the queue only if someone widens the bucket's notification.
  if (!eventName.startsWith('ObjectCreated:'))
    return { key, reason: `${eventName || 'an unnamed event'} is not an upload` };
  return {
    bucket,
    key,
    ...(typeof object.size === 'number' ? { size: object.size } : {}),
    ...(typeof object.eTag === 'string' ? { eTag: object.eTag } : {}),
    ...(typeof object.versionId === 'string' && object.versionId
      ? { versionId: object.versionId }
      : {}),
  };
}

/** S3 notifications URL-encode keys form-style: `+` is a space, a literal `+` is `%2B`. */
export function decodeS3Key(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Why an object is refused before it is downloaded, or null when its size is acceptable. */
export function sizeRefusal(size: number | undefined, limit: number): string | null {
  return size !== undefined && size > limit
    ? `object is ${size} bytes; the limit is ${limit}`
    : null;
}

export type FailureCause =
  | 'throttled'
  | 'conflict'
  | 'server'
  | 'network'
  | 'missing'
  | 'denied'
  | 'input'
  | 'unexpected';

export interface FailureClass {
  /** Fail the SQS message so it is delivered again (and, after enough receives, lands in the DLQ). */
  retry: boolean;
  cause: FailureCause;
  /** One line, no stack: for the log. */
  reason: string;
}

const THROTTLED = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'SlowDown',
  'TooManyRequestsException',
]);
// SourceClaimedError: the same bytes are being ingested by another invocation; retry later.
const CONFLICT = new Set([
  'TransactionConflictException',
  'TransactionInProgressException',
  'SourceClaimedError',
]);
const SERVER = new Set([
  'InternalServerError',
  'InternalError',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
]);
const NETWORK = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);
const MISSING = new Set(['NoSuchKey', 'NotFound', 'NoSuchBucket', 'NoSuchVersion']);
const DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'UnrecognizedClientException',
]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/**
 * A thrown error → retry or give up. Only a fault of the input itself is given up on: bad bytes
 * fail the same way on every delivery. Everything else fails the message, even what retries
 * cannot mend (a missing object, denied access, a bug): after its last receive it waits in the
 * dead-letter queue to be redriven once fixed, where acknowledging it would lose the upload.
 */
export function classifyFailure(error: unknown): FailureClass {
  const links = chain(error);
  for (const link of links) {
    const cause = causeOf(link);
    if (cause) return { retry: cause !== 'input', cause, reason: reasonOf(link) };
  }
  return { retry: true, cause: 'unexpected', reason: reasonOf(links.at(-1) ?? error) };
}

function causeOf(e: ErrorLike): FailureCause | null {
  const name = typeof e.name === 'string' ? e.name : '';
  const code = typeof e.code === 'string' ? e.code : '';
  const status = Number(e.$metadata?.httpStatusCode);
  const message = typeof e.message === 'string' ? e.message : '';
  if (name === 'ExtractError') return 'input';
  if (THROTTLED.has(name) || THROTTLED.has(code) || status === 429) return 'throttled';
  // A transaction cancelled by a concurrent writer: ingest already retried it a few times.
  if (CONFLICT.has(name) || /TransactionCanceled|transaction cancelled/i.test(message))
    return 'conflict';
  if (NETWORK.has(name) || NETWORK.has(code)) return 'network';
  if (SERVER.has(name) || e.$fault === 'server' || status >= 500) return 'server';
  if (MISSING.has(name) || status === 404) return 'missing';
  if (DENIED.has(name) || status === 403) return 'denied';
  return null;
}

/** The error, what it wraps (ElectroDB wraps the SDK's), and the first of an AggregateError. */
function chain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let e: unknown = error;
  while (isObject(e) && out.length < 6 && !out.includes(e)) {
    out.push(e);
    e = e.cause ?? (Array.isArray(e.errors) ? e.errors[0] : undefined);
  }
  return out;
}

function reasonOf(e: unknown): string {
  if (!isObject(e)) return String(e).slice(0, 200);
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const code = typeof e.code === 'string' ? e.code : '';
  const message = (typeof e.message === 'string' ? e.message : '').split('\n')[0]?.slice(0, 200);
  const label = code && !message?.includes(code) ? `${name} ${code}` : name;
  return message ? `${label}: ${message}` : label;
}

function isObject(value: unknown): value is Record<string, unknown> & ErrorLike {
  return typeof value === 'object' && value !== null;
}
