/** Ingests files and folders (recursively) with bounded concurrency, one outcome per file. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { MAX_INPUT_BYTES } from '@gongkai/extract';
import type { Store } from '../db/store.ts';
import {
  type IngestOptions,
  type IngestOutcome,
  ingestSource,
  SourceClaimedError,
} from './ingest-source.ts';

/** In a folder, only files that can hold a report text are taken; named files are always tried. */
const REPORT_EXTENSIONS = new Set([
  '.html',
  '.htm',
  '.shtml',
  '.xhtml',
  '.txt',
  '.text',
  '.md',
  '',
]);

export interface IngestSummary {
  ingested: number;
  unchanged: number;
  newVersions: number;
  failed: { file: string; reason: string }[];
  total: number;
}

export async function listSourceFiles(
  paths: readonly string[],
): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) missing.push(path);
    else if (info.isDirectory()) files.push(...(await walk(path)));
    else files.push(path);
  }
  return { files: [...new Set(files)], missing };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile() && REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase()))
      out.push(path);
  }
  return out;
}

export interface IngestFilesOptions extends IngestOptions {
  concurrency?: number;
  /** Called after each file, in completion order. */
  onOutcome?: (outcome: IngestOutcome, done: number, total: number) => void;
  /** Paths are reported relative to this folder. */
  base?: string;
}

export async function ingestFiles(
  store: Store,
  files: readonly string[],
  options: IngestFilesOptions = {},
): Promise<IngestSummary> {
  const summary: IngestSummary = {
    ingested: 0,
    unchanged: 0,
    newVersions: 0,
    failed: [],
    total: files.length,
  };
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const path = files[next++] as string;
      const fileName = options.base ? relative(options.base, path) : path;
      const outcome = await ingestPath(store, path, fileName, options);
      if (outcome.status === 'ingested') summary.ingested++;
      else if (outcome.status === 'unchanged') summary.unchanged++;
      else if (outcome.status === 'new-version') summary.newVersions++;
      else if (outcome.status === 'failed')
        summary.failed.push({ file: fileName, reason: outcome.reason });
      options.onOutcome?.(outcome, ++done, files.length);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, files.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return summary;
}

async function ingestPath(
  store: Store,
  path: string,
  fileName: string,
  options: IngestOptions,
): Promise<IngestOutcome> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.size > MAX_INPUT_BYTES) {
      return {
        status: 'failed',
        fileName,
        reason: `file is ${info.size} bytes; the limit is ${MAX_INPUT_BYTES}`,
      };
    }
    bytes = await readFile(path);
  } catch (error) {
    return {
      status: 'failed',
      fileName,
      reason: `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    };
  }
  try {
    return await ingestSource(store, { bytes, fileName }, options);
  } catch (error) {
    // One file still claimed by another run fails alone; the rest of the folder goes on.
    if (error instanceof SourceClaimedError)
      return { status: 'failed', fileName, reason: error.message.replace(`${fileName}: `, '') };
    throw error;
  }
}
