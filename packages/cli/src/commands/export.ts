import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { csvLines, type ExportRecord, exportRecords, jsonlLines, parseSince } from '@gongkai/core';
import { type Io, processIo } from '../io.ts';
import { connect, errorReason, UsageError } from './ingest.ts';

export const EXPORT_USAGE = `Usage: gongkai export --format jsonl|csv [--since ISO] [--out FILE]

Dumps agencies, reports and their current values (with the extracted reading, unit, source,
span and confidence) for integrators. See docs/export.md for the fields.

  --format jsonl   one JSON object per line, each with a "type": agency, report or value
  --format csv     one row per value, joined with its report and agency (RFC 4180, UTF-8)
  --since ISO      only agencies and reports changed after this time, e.g. 2025-01-31T00:00:00Z
  --out FILE       write to FILE instead of stdout

Database: DYNAMODB_ENDPOINT, GONGKAI_TABLE, AWS_REGION (as for gongkai ingest).
`;

export type ExportFormat = 'jsonl' | 'csv';

export interface ExportArgs {
  format: ExportFormat;
  since?: string;
  out?: string;
}

/** Parses `export` arguments; throws UsageError with a one-line message. */
export function parseExportArgs(args: readonly string[]): ExportArgs {
  const seen: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [flag = '', inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (flag !== '--format' && flag !== '--since' && flag !== '--out') {
      throw new UsageError(
        arg.startsWith('-') ? `unknown option ${arg}` : `unexpected argument '${arg}'`,
      );
    }
    const value = inline ?? args[++i];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`${flag} needs a value`);
    }
    if (flag in seen) throw new UsageError(`${flag} is given twice`);
    seen[flag] = value;
  }
  const format = seen['--format'];
  if (format === undefined) throw new UsageError('--format is required: jsonl or csv');
  if (format !== 'jsonl' && format !== 'csv')
    throw new UsageError(`--format must be jsonl or csv, not '${format}'`);
  const out: ExportArgs = { format };
  const since = seen['--since'];
  if (since !== undefined) {
    try {
      out.since = parseSince(since);
    } catch {
      throw new UsageError(
        `--since takes an ISO 8601 time such as 2025-01-31 or 2025-01-31T08:00:00Z, not '${since}'`,
      );
    }
  }
  if (seen['--out'] !== undefined) out.out = seen['--out'];
  return out;
}

/** Where the export goes: written in chunks, waiting whenever the reader falls behind. */
interface Sink {
  write(text: string): Promise<void>;
  end(): Promise<void>;
  /** After a failure: release the file without waiting. */
  abort(): void;
}

const CHUNK = 64 * 1024;

function streamSink(stream: Writable, close: boolean): Sink {
  let failed: Error | null = null;
  stream.on('error', (e) => {
    failed = e;
  });
  const check = () => {
    if (failed) throw failed;
  };
  return {
    async write(text) {
      check();
      // `once` rejects when the stream errors while waiting.
      if (!stream.write(text, 'utf8')) await once(stream, 'drain');
    },
    async end() {
      check();
      if (close) {
        stream.end();
        await once(stream, 'finish');
      }
      check();
    },
    abort() {
      if (close) stream.destroy();
    },
  };
}

async function fileSink(path: string): Promise<Sink> {
  const stream = createWriteStream(path, { flags: 'w' });
  await Promise.race([
    once(stream, 'open'),
    once(stream, 'error').then(([e]) => Promise.reject(e)),
  ]);
  return streamSink(stream, true);
}

function ioSink(io: Io): Sink {
  // The real stdout is written with back-pressure; an injected Io (tests) directly.
  if (io === processIo) return streamSink(process.stdout, false);
  return {
    write: async (text) => io.out(text),
    end: async () => {},
    abort: () => {},
  };
}

export async function exportCommand(args: string[], io: Io): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.out(EXPORT_USAGE);
    return 0;
  }
  let parsed: ExportArgs;
  try {
    parsed = parseExportArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`gongkai export: ${error.message}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  const connection = await connect('export', io, { create: false });
  if (typeof connection === 'number') return connection;
  const { store } = connection;

  let sink: Sink;
  try {
    sink = parsed.out ? await fileSink(parsed.out) : ioSink(io);
  } catch (error) {
    store.close();
    io.err(`gongkai export: cannot write ${parsed.out}: ${errorReason(error)}\n`);
    return 2;
  }

  const counts = { agency: 0, report: 0, value: 0 };
  async function* counted(): AsyncGenerator<ExportRecord> {
    for await (const record of exportRecords(store, { since: parsed.since })) {
      counts[record.type]++;
      yield record;
    }
  }
  const lines = parsed.format === 'csv' ? csvLines(counted()) : jsonlLines(counted());
  try {
    let buffer = '';
    for await (const line of lines) {
      buffer += line;
      if (buffer.length >= CHUNK) {
        await sink.write(buffer);
        buffer = '';
      }
    }
    if (buffer) await sink.write(buffer);
    await sink.end();
  } catch (error) {
    sink.abort();
    // A reader that stopped early (`| head`) is not an error.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    io.err(
      `gongkai export: stopped after ${counts.agency} agencies, ${counts.report} reports and ${counts.value} values: ${errorReason(error)}${parsed.out ? ` (${parsed.out} is incomplete)` : ''}\n`,
    );
    return 1;
  } finally {
    store.close();
  }
  if (parsed.out) {
    io.err(
      `gongkai export: wrote ${counts.agency} agencies, ${counts.report} reports and ${counts.value} values to ${parsed.out}\n`,
    );
  }
  return 0;
}
