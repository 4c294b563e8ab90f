import { afterEach, describe, expect, it } from 'vitest';
import { capturingIo } from '../io.ts';
import { main } from '../main.ts';
import {
  errorReason,
  formatSummary,
  isMissingTable,
  parseIngestArgs,
  summaryLine,
  UsageError,
} from './ingest.ts';

const capture = capturingIo;

describe('parseIngestArgs', () => {
  it('takes paths, --concurrency in both spellings and --json', () => {
    expect(parseIngestArgs(['a.txt', 'dir'])).toEqual({
      paths: ['a.txt', 'dir'],
      concurrency: 4,
      json: false,
    });
    expect(parseIngestArgs(['--concurrency', '8', 'dir', '--json'])).toEqual({
      paths: ['dir'],
      concurrency: 8,
      json: true,
    });
    expect(parseIngestArgs(['--concurrency=2', 'dir']).concurrency).toBe(2);
    expect(parseIngestArgs(['--', '--odd-name.txt']).paths).toEqual(['--odd-name.txt']);
  });

  it.each([
    [[], /at least one file/],
    [['--concurrency'], /whole number/],
    [['--concurrency', '0', 'x'], /whole number/],
    [['--concurrency', '65', 'x'], /whole number/],
    [['--concurrency', '2.5', 'x'], /whole number/],
    [['--concurrency', 'many', 'x'], /whole number/],
    [['--frobnicate', 'x'], /unknown option --frobnicate/],
  ])('refuses %j', (args, message) => {
    expect(() => parseIngestArgs(args)).toThrow(UsageError);
    expect(() => parseIngestArgs(args)).toThrow(message);
  });
});

describe('summary', () => {
  const summary = {
    ingested: 11,
    unchanged: 1,
    newVersions: 1,
    failed: [{ file: 'scan.txt', reason: 'The input is a binary file' }],
    total: 14,
  };

  it('counts every outcome in one line', () => {
    expect(summaryLine(summary)).toBe(
      '14 files: 11 ingested, 1 unchanged, 1 new version, 1 failed',
    );
  });

  it('adds one line per failed file with its reason', () => {
    expect(formatSummary(summary).split('\n')).toEqual([
      '14 files: 11 ingested, 1 unchanged, 1 new version, 1 failed',
      '  failed: scan.txt: The input is a binary file',
      '',
    ]);
  });
});

describe('database errors', () => {
  it('gives a short reason for network errors, never a stack', () => {
    const refused = Object.assign(
      new Error('connect ECONNREFUSED 127.0.0.1:1\n    at TCPConnectWrap'),
      { code: 'ECONNREFUSED' },
    );
    expect(errorReason(refused)).toBe('connect ECONNREFUSED 127.0.0.1:1');
    const aggregate = Object.assign(
      new AggregateError(
        [Object.assign(new Error('connect ECONNREFUSED ::1:1'), { code: 'ECONNREFUSED' })],
        '',
      ),
      {
        code: 'ECONNREFUSED',
      },
    );
    expect(errorReason(aggregate)).toBe('connect ECONNREFUSED ::1:1');
    expect(errorReason(Object.assign(new Error(''), { code: 'ETIMEDOUT' }))).toBe('ETIMEDOUT');
  });

  it('tells a missing table, also when wrapped', () => {
    const missing = Object.assign(new Error('Cannot do operations on a non-existent table'), {
      name: 'ResourceNotFoundException',
    });
    expect(isMissingTable(missing)).toBe(true);
    expect(isMissingTable(new Error('Error thrown by DynamoDB client', { cause: missing }))).toBe(
      true,
    );
    expect(isMissingTable(new Error('connect ECONNREFUSED'))).toBe(false);
  });
});

describe('gongkai ingest (no database needed)', () => {
  const saved = process.env.DYNAMODB_ENDPOINT;
  afterEach(() => {
    if (saved === undefined) delete process.env.DYNAMODB_ENDPOINT;
    else process.env.DYNAMODB_ENDPOINT = saved;
  });

  it('exits 2 with the usage on a bad option', async () => {
    const io = capture();
    expect(await main(['ingest', '--concurrency', 'x', 'dir'], io)).toBe(2);
    expect(io.stderr).toMatch(/^gongkai ingest: --concurrency takes/);
    expect(io.stderr).toContain('Usage: gongkai ingest');
    expect(io.stdout).toBe('');
  });

  it('prints help on --help', async () => {
    const io = capture();
    expect(await main(['ingest', '--help'], io)).toBe(0);
    expect(io.stdout).toContain('DYNAMODB_ENDPOINT');
  });

  it('exits 2 with one line naming DYNAMODB_ENDPOINT when the database cannot be reached', async () => {
    process.env.DYNAMODB_ENDPOINT = 'http://127.0.0.1:1';
    const io = capture();
    expect(await main(['ingest', 'nowhere'], io)).toBe(2);
    expect(io.stdout).toBe('');
    expect(io.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(io.stderr).toContain('cannot reach DynamoDB at http://127.0.0.1:1');
    expect(io.stderr).toContain('DYNAMODB_ENDPOINT');
    expect(io.stderr).not.toMatch(/\n\s+at /);
  });
});
