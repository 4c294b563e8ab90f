import { describe, expect, it } from 'vitest';
import { chooseEncoding } from './content-encoding.ts';

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
