import { open, stat } from 'node:fs/promises';
import { ExtractError, MAX_INPUT_BYTES } from '@gongkai/extract';

/** Reads a file for extraction, refusing before reading one larger than the engine takes. */
export async function readInput(path: string): Promise<Uint8Array> {
  const info = await stat(path);
  if (info.isDirectory()) throw new ExtractError('unreadable', `${path} is a directory`);
  if (info.size > MAX_INPUT_BYTES) {
    throw new ExtractError(
      'too-large',
      `${(info.size / 2 ** 20).toFixed(1)} MiB is over the ${MAX_INPUT_BYTES / 2 ** 20} MiB limit for one report`,
    );
  }
  const handle = await open(path, 'r');
  try {
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}

/** A one-line reason for a failed file, without a stack trace. */
export function describeError(e: unknown): { code: string; message: string } {
  if (e instanceof ExtractError) return { code: e.code, message: e.message };
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return { code: 'not-found', message: 'no such file' };
  if (err?.code === 'EACCES') return { code: 'unreadable', message: 'permission denied' };
  return { code: 'internal', message: err instanceof Error ? err.message : String(e) };
}
