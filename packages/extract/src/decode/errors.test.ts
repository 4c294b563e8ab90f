import { describe, expect, it } from 'vitest';
import { ExtractError, type ExtractErrorCode, isExtractError, MAX_INPUT_BYTES } from './errors.ts';

describe('ExtractError', () => {
  it.each<[ExtractErrorCode, RegExp]>([
    ['empty', /empty/],
    ['binary', /binary/],
    ['too-large', /16 MiB/],
    ['unreadable', /could not be decoded/],
    ['not-a-report', /does not look like/],
  ])('%s has a readable message', (code, message) => {
    const e = new ExtractError(code);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ExtractError');
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(isExtractError(e)).toBe(true);
    expect(isExtractError(e, code)).toBe(true);
    expect(isExtractError(e, code === 'empty' ? 'binary' : 'empty')).toBe(false);
  });

  it('appends detail to the message', () => {
    expect(new ExtractError('too-large', 'It has 9 bytes.').message).toMatch(
      /limit\. It has 9 bytes\.$/,
    );
  });

  it('does not recognise other errors', () => {
    expect(isExtractError(new Error('x'))).toBe(false);
    expect(isExtractError('empty')).toBe(false);
  });

  it('limits input to 16 MiB', () => {
    expect(MAX_INPUT_BYTES).toBe(16 * 1024 * 1024);
  });
});
