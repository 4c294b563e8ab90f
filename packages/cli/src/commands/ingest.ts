import { basename } from 'node:path';
import {
  type DbConfig,
  dbConfigFromEnv,
  ensureTable,
  type IngestSummary,
  ingestFiles,
  listSourceFiles,
  openStore,
  type Store,
} from '@gongkai/core';
import { Presets, SingleBar } from 'cli-progress';
import { type Io, processIo } from '../io.ts';

export const INGEST_USAGE = `Usage: gongkai ingest PATH... [--concurrency N] [--json]

Stores reports (files, or folders searched recursively for .txt/.html/.md files) in the
database: each file is extracted and kept with its values, findings and source text. A file
already stored is left unchanged; a changed file for the same agency and year becomes a new
version.

  --concurrency N   files processed at once (1 to 64, default 4)
  --json            print the summary as JSON

Database: DYNAMODB_ENDPOINT (e.g. http://127.0.0.1:8000, from \`npm start\`), GONGKAI_TABLE
(default gongkai), AWS_REGION. Exit code 0 when every file was stored, 1 when any failed, 2 on
a usage error or when the database cannot be reached.
`;

export interface IngestArgs {
  paths: string[];
  concurrency: number;
  json: boolean;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parses `ingest` arguments; throws UsageError with a one-line message. */
export function parseIngestArgs(args: readonly string[]): IngestArgs {
  const out: IngestArgs = { paths: [], concurrency: 4, json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--json') out.json = true;
    else if (arg === '--concurrency' || arg.startsWith('--concurrency=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      const n = Number(value);
      if (value === undefined || !/^\d+$/.test(value) || n < 1 || n > 64) {
        throw new UsageError(
          `--concurrency takes a whole number from 1 to 64, not '${value ?? ''}'`,
        );
      }
      out.concurrency = n;
    } else if (arg === '--') {
      out.paths.push(...args.slice(i + 1));
      break;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else out.paths.push(arg);
  }
  if (out.paths.length === 0) throw new UsageError('give at least one file or folder to ingest');
  return out;
}

/** Where the database is, for messages. */
export function describeDatabase(config: DbConfig): string {
  return config.endpoint
    ? `DynamoDB at ${config.endpoint}`
    : `DynamoDB in AWS region ${config.region}`;
}

/** A short reason from an SDK or network error, without a stack. */
export function errorReason(error: unknown): string {
  const e = error as { code?: string; name?: string; message?: string; errors?: unknown[] };
  const nested =
    Array.isArray(e?.errors) && e.errors.length > 0
      ? (e.errors[0] as { code?: string; message?: string })
      : null;
  const code = e?.code ?? nested?.code;
  const message = (e?.message || nested?.message || '').split('\n')[0]?.slice(0, 200) ?? '';
  if (!message) return code ?? e?.name ?? String(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/** The one-line message for a database that cannot be reached. */
export function unreachableMessage(command: string, config: DbConfig, error: unknown): string {
  const hint = config.endpoint
    ? 'start it with `npm start` (which runs DynamoDB Local), or set DYNAMODB_ENDPOINT to a running DynamoDB'
    : 'set DYNAMODB_ENDPOINT to a running DynamoDB, e.g. http://127.0.0.1:8000 from `npm start`';
  return `gongkai ${command}: cannot reach ${describeDatabase(config)} (${errorReason(error)}); ${hint}\n`;
}

/**
 * The AWS SDK warns, on the first client, that its releases after January 2027 need Node 22:
 * advice for maintainers (package.json engines), noise on every run of a command.
 */
export function quietSdkWarning(env: NodeJS.ProcessEnv = process.env): void {
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

/** Whether an error (or one it wraps) says the table does not exist. */
export function isMissingTable(error: unknown): boolean {
  for (
    let e = error as { name?: string; message?: string; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    depth++
  ) {
    if (
      e.name === 'ResourceNotFoundException' ||
      /non-existent table|ResourceNotFoundException/.test(e.message ?? '')
    )
      return true;
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * Opens the store from the environment and checks the database answers: `create` makes the
 * table when it is missing (ingest), otherwise a missing table is an error (export). Returns an
 * exit code (after printing why) when the database cannot be used.
 */
export async function connect(
  command: string,
  io: Io,
  options: { create?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<{ store: Store; created: boolean } | number> {
  quietSdkWarning();
  const config = dbConfigFromEnv(options.env ?? process.env);
  const store = openStore(config);
  try {
    if (options.create ?? true)
      return { store, created: await ensureTable(store.client, config.tableName) };
    await store.db.entities.agency.query.byRegion({ province: '00' }).go({ limit: 1 });
    return { store, created: false };
  } catch (error) {
    store.close();
    io.err(
      isMissingTable(error)
        ? `gongkai ${command}: table '${config.tableName}' does not exist in ${describeDatabase(config)}; store reports first with \`gongkai ingest PATH\`, or set GONGKAI_TABLE\n`
        : unreachableMessage(command, config, error),
    );
    return 2;
  }
}

/** '13 files: 13 ingested, 0 unchanged, 0 new versions, 0 failed' */
export function summaryLine(s: IngestSummary): string {
  const files = `${s.total} file${s.total === 1 ? '' : 's'}`;
  const versions = `${s.newVersions} new version${s.newVersions === 1 ? '' : 's'}`;
  return `${files}: ${s.ingested} ingested, ${s.unchanged} unchanged, ${versions}, ${s.failed.length} failed`;
}

export function formatSummary(s: IngestSummary): string {
  const lines = [summaryLine(s)];
  for (const f of s.failed) lines.push(`  failed: ${f.file}: ${f.reason}`);
  return `${lines.join('\n')}\n`;
}

export async function ingestCommand(args: string[], io: Io): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.out(INGEST_USAGE);
    return 0;
  }
  let parsed: IngestArgs;
  try {
    parsed = parseIngestArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`gongkai ingest: ${error.message}\n\n${INGEST_USAGE}`);
    return 2;
  }

  const { files, missing } = await listSourceFiles(parsed.paths);
  const connection = await connect('ingest', io);
  if (typeof connection === 'number') return connection;
  const { store } = connection;

  // A bar only for a person at a terminal; piped or captured output stays clean.
  const bar =
    io === processIo && process.stderr.isTTY === true && files.length > 0
      ? new SingleBar(
          {
            stream: process.stderr,
            format: 'ingesting [{bar}] {value}/{total} files  {file}',
            hideCursor: true,
            clearOnComplete: true,
            etaBuffer: 20,
          },
          Presets.shades_classic,
        )
      : null;
  bar?.start(files.length, 0, { file: '' });
  let summary: IngestSummary;
  try {
    summary = await ingestFiles(store, files, {
      concurrency: parsed.concurrency,
      onOutcome: (outcome, done) => bar?.update(done, { file: basename(outcome.fileName ?? '') }),
    });
  } catch (error) {
    // Files fail one by one inside ingestFiles; what escapes is the database going away.
    bar?.stop();
    store.close();
    io.err(unreachableMessage('ingest', store.config, error));
    return 2;
  }
  bar?.stop();
  store.close();

  summary.failed.unshift(...missing.map((file) => ({ file, reason: 'no such file or folder' })));
  summary.total += missing.length;
  io.out(parsed.json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
  return summary.failed.length > 0 ? 1 : 0;
}
