/** Which compression a client accepts, and compressing an answer for it. */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

/** The best encoding the client accepts that we have (q=0 refuses one). */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  available: { br: boolean; gzip: boolean },
): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (available.br && ok('br')) return 'br';
  if (available.gzip && ok('gzip')) return 'gzip';
  return 'identity';
}

// A report page is ~120 KB of JSON that compresses ~10×: on a phone that is most of the wait.
// Below this size the headers would cost more than compression saves.
export const COMPRESS_MIN_BYTES = 1024;

/** An answer in the best encoding the client accepts (identity when small or not accepted). */
export function encodeAnswer(
  bytes: Buffer,
  acceptEncoding: string | undefined,
): { encoding: Encoding; body: Buffer } {
  const encoding =
    bytes.length >= COMPRESS_MIN_BYTES
      ? chooseEncoding(acceptEncoding, { br: true, gzip: true })
      : 'identity';
  if (encoding === 'identity') return { encoding, body: bytes };
  // Brotli at 4 is fast enough per request and still well ahead of gzip.
  const body =
    encoding === 'br'
      ? brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
      : gzipSync(bytes, { level: 6 });
  return { encoding, body };
}
