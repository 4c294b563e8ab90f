import { SourceClaimedError } from '@gongkai/core';
import { describe, expect, it } from 'vitest';
import {
  classifyFailure,
  decodeS3Key,
  type FailureCause,
  parseQueueMessage,
  type QueueMessage,
  sizeRefusal,
} from './ingest-events.ts';

/** An S3 event notification record as S3 writes it (trimmed of fields nobody reads). */
function s3Record(
  key: string,
  extra: Record<string, unknown> = {},
  eventName = 'ObjectCreated:Put',
) {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: 'ap-east-1',
    eventTime: '2026-03-01T08:00:00.000Z',
    eventName,
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'raw-reports',
      bucket: { name: 'gongkai-raw', arn: 'arn:aws:s3:::gongkai-raw' },
      object: { key, size: 1234, eTag: 'abc123', sequencer: '0062E99A88DC407460', ...extra },
    },
  };
}

const body = (...records: unknown[]) => JSON.stringify({ Records: records });

describe('parseQueueMessage', () => {
  const cases: [string, string, QueueMessage][] = [
    [
      'an upload',
      body(s3Record('reports/a.txt')),
      {
        kind: 'notification',
        objects: [{ bucket: 'gongkai-raw', key: 'reports/a.txt', size: 1234, eTag: 'abc123' }],
        skipped: [],
      },
    ],
    [
      'a key with spaces and Chinese characters',
      body(s3Record('2024%E5%B9%B4+%E5%B9%B4%E6%8A%A5/%E6%B7%AE%E5%AE%89%E5%B8%82.txt')),
      {
        kind: 'notification',
        objects: [
          { bucket: 'gongkai-raw', key: '2024年 年报/淮安市.txt', size: 1234, eTag: 'abc123' },
        ],
        skipped: [],
      },
    ],
    [
      'a versioned bucket',
      body(s3Record('a.txt', { versionId: 'v-3' }, 'ObjectCreated:CompleteMultipartUpload')),
      {
        kind: 'notification',
        objects: [
          { bucket: 'gongkai-raw', key: 'a.txt', size: 1234, eTag: 'abc123', versionId: 'v-3' },
        ],
        skipped: [],
      },
    ],
    [
      'an upload and a deletion',
      body(s3Record('a.txt'), s3Record('b.txt', {}, 'ObjectRemoved:Delete')),
      {
        kind: 'notification',
        objects: [{ bucket: 'gongkai-raw', key: 'a.txt', size: 1234, eTag: 'abc123' }],
        skipped: [{ key: 'b.txt', reason: 'ObjectRemoved:Delete is not an upload' }],
      },
    ],
    [
      'a key that is not URL encoding',
      body(s3Record('bad%E5%B9.txt')),
      {
        kind: 'notification',
        objects: [],
        skipped: [{ key: 'bad%E5%B9.txt', reason: 'the key is not valid URL encoding' }],
      },
    ],
    [
      'a record without an object',
      body({ eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'gongkai-raw' } } }),
      {
        kind: 'notification',
        objects: [],
        skipped: [{ reason: 'the record names no S3 bucket and key' }],
      },
    ],
    ['no records', body(), { kind: 'notification', objects: [], skipped: [] }],
    [
      "S3's test event",
      JSON.stringify({
        Service: 'Amazon S3',
        Event: 's3:TestEvent',
        Time: '2026-03-01T08:00:00.000Z',
        Bucket: 'gongkai-raw',
        RequestId: 'X',
        HostId: 'Y',
      }),
      { kind: 'test' },
    ],
    ['not JSON', 'hello', { kind: 'malformed', reason: 'the message body is not JSON' }],
    ['JSON null', 'null', { kind: 'malformed', reason: 'the message body is not an object' }],
    [
      'JSON that is no notification',
      '{"Records":"none"}',
      { kind: 'malformed', reason: 'the message body is not an S3 event notification' },
    ],
  ];
  it.each(cases)('%s', (_, input, expected) => {
    expect(parseQueueMessage(input)).toEqual(expected);
  });
});

describe('decodeS3Key', () => {
  it.each([
    ['plain/key.txt', 'plain/key.txt'],
    ['with+space.txt', 'with space.txt'],
    ['a%2Bb.txt', 'a+b.txt'],
    ['%E5%B9%B4%E6%8A%A5+2024.txt', '年报 2024.txt'],
    ['%zz', null],
  ])('%s → %s', (raw, decoded) => {
    expect(decodeS3Key(raw)).toBe(decoded);
  });
});

describe('sizeRefusal', () => {
  it.each([
    [undefined, null],
    [0, null],
    [100, null],
    [101, 'object is 101 bytes; the limit is 100'],
  ])('%s bytes', (size, expected) => {
    expect(sizeRefusal(size, 100)).toBe(expected);
  });
});

/** Errors shaped as the AWS SDK throws them. */
function sdkError(name: string, status: number, fault: 'client' | 'server', message = name) {
  return Object.assign(new Error(message), {
    name,
    $fault: fault,
    $metadata: { httpStatusCode: status },
  });
}

function nodeError(code: string) {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:443`), { code });
}

/** How ElectroDB rethrows what the SDK threw. */
function electro(cause: unknown) {
  return Object.assign(
    new Error('Error thrown by DynamoDB client: "…" - For more detail …', { cause }),
    { name: 'ElectroError', code: 4001 },
  );
}

describe('classifyFailure', () => {
  const cases: [string, unknown, boolean, FailureCause][] = [
    [
      'DynamoDB throttling',
      sdkError('ProvisionedThroughputExceededException', 400, 'client'),
      true,
      'throttled',
    ],
    [
      'throttling wrapped by ElectroDB',
      electro(sdkError('ThrottlingException', 400, 'client')),
      true,
      'throttled',
    ],
    ['S3 slowing down', sdkError('SlowDown', 503, 'server'), true, 'throttled'],
    ['a status 429', sdkError('Unknown', 429, 'client'), true, 'throttled'],
    ['a transaction lost to another writer', new Error('transaction cancelled'), true, 'conflict'],
    [
      'TransactionConflict',
      sdkError('TransactionConflictException', 400, 'client'),
      true,
      'conflict',
    ],
    ['the bytes claimed by another run', new SourceClaimedError('a.txt'), true, 'conflict'],
    ['S3 answering 500', sdkError('InternalError', 500, 'server'), true, 'server'],
    ['an unknown 502', sdkError('BadGateway', 502, 'server'), true, 'server'],
    ['a connection reset', nodeError('ECONNRESET'), true, 'network'],
    [
      'a refused connection inside an AggregateError',
      Object.assign(new AggregateError([nodeError('ECONNREFUSED')], ''), { code: undefined }),
      true,
      'network',
    ],
    ['a timeout', Object.assign(new Error('timed out'), { name: 'TimeoutError' }), true, 'network'],
    ['a missing key', sdkError('NoSuchKey', 404, 'client'), true, 'missing'],
    ['a missing bucket', sdkError('NoSuchBucket', 404, 'client'), true, 'missing'],
    ['access denied', sdkError('AccessDenied', 403, 'client'), true, 'denied'],
    [
      'a DynamoDB validation error (a bug)',
      electro(sdkError('ValidationException', 400, 'client')),
      true,
      'unexpected',
    ],
    [
      'a TypeError (a bug)',
      new TypeError('Cannot read properties of undefined'),
      true,
      'unexpected',
    ],
    ['a thrown string', 'boom', true, 'unexpected'],
    [
      'bytes extraction refuses',
      Object.assign(new Error('The input is empty.'), { name: 'ExtractError', code: 'empty' }),
      false,
      'input',
    ],
  ];
  it.each(cases)('%s', (_, error, retry, cause) => {
    const failure = classifyFailure(error);
    expect(failure).toMatchObject({ retry, cause });
    expect(failure.reason).not.toMatch(/\n|\bat /);
    expect(failure.reason.length).toBeGreaterThan(0);
  });

  it('names the error that decided, not its wrapper', () => {
    const reason = classifyFailure(
      electro(sdkError('ThrottlingException', 400, 'client', 'Rate exceeded')),
    ).reason;
    expect(reason).toBe('ThrottlingException: Rate exceeded');
  });

  it('keeps a network code beside the message when the message lacks it', () => {
    const error = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(classifyFailure(error).reason).toBe('Error ECONNRESET: socket hang up');
  });
});
