import { describe, expect, it } from 'vitest';
import { isSpace } from './chars.ts';

describe('isSpace', () => {
  it.each([' ', '\t', '\n', '\r', '\u00a0', '\u3000', '\u200b', '\ufeff'])('%j is space', (c) => {
    expect(isSpace(c.charCodeAt(0))).toBe(true);
  });
  it.each(['a', '0', '.', '一', '、', '|'])('%j is not', (c) => {
    expect(isSpace(c.charCodeAt(0))).toBe(false);
  });
});
