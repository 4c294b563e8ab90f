import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { COMPRESS_MIN_BYTES, chooseEncoding, encodeAnswer } from './content-encoding.ts';

describe('chooseEncoding', () => {
  const both = { br: true, gzip: true };
  it.each([
    ['gzip, deflate, br', both, 'br'],
    ['gzip', both, 'gzip'],
    ['br;q=0, gzip', both, 'gzip'],
    ['gzip;q=0', both, 'identity'],
    ['*', both, 'br'],
    ['*;q=0', both, 'identity'],
    [undefined, both, 'identity'],
    ['', both, 'identity'],
    ['br, gzip', { br: false, gzip: false }, 'identity'],
    ['br', { br: false, gzip: true }, 'identity'],
    ['BR;Q=0.5', both, 'br'],
  ] as const)('%j with %j → %s', (header, available, expected) => {
    expect(chooseEncoding(header, available)).toBe(expected);
  });
});

describe('encodeAnswer', () => {
  const big = Buffer.from(JSON.stringify({ data: { v: '公开'.repeat(2000) } }));
  const small = Buffer.from('{"data":{}}');
  const decode = { br: brotliDecompressSync, gzip: gunzipSync, identity: (b: Buffer) => b };
  it.each([
    ['br, gzip', big, 'br'],
    ['gzip', big, 'gzip'],
    [undefined, big, 'identity'],
    ['br', small, 'identity'],
  ] as const)('%j, %i bytes → %s, and decodes back', (accept, bytes, expected) => {
    const { encoding, body } = encodeAnswer(bytes, accept);
    expect(encoding).toBe(expected);
    if (encoding !== 'identity') expect(body.length).toBeLessThan(bytes.length / 4);
    expect(decode[encoding](body).equals(bytes)).toBe(true);
  });

  it('leaves answers under the threshold alone', () => {
    expect(encodeAnswer(Buffer.alloc(COMPRESS_MIN_BYTES - 1, 'a'), 'br').encoding).toBe('identity');
    expect(encodeAnswer(Buffer.alloc(COMPRESS_MIN_BYTES, 'a'), 'br').encoding).toBe('br');
  });
});
