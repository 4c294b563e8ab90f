import { describe, expect, it } from 'vitest';
import { sourceChangeFinding } from './source-change.ts';

describe('sourceChangeFinding', () => {
  it.each([
    { name: 'no change', changes: [], expected: null },
    {
      name: 'one changed figure',
      changes: [{ code: 'requests.new:total', from: 3, to: 4 }],
      expected: { rule: 'source.changed', severity: 'warning', codes: ['requests.new:total'] },
    },
    {
      name: 'an added and a removed figure',
      changes: [
        { code: 'a', from: undefined, to: 1 },
        { code: 'b', from: 2, to: undefined },
      ],
      expected: { rule: 'source.changed', codes: ['a', 'b'] },
    },
  ])('$name', ({ changes, expected }) => {
    const finding = sourceChangeFinding(1, changes);
    if (expected === null) expect(finding).toBeNull();
    else expect(finding).toMatchObject(expected);
  });

  it('lists at most 20 codes and counts them all', () => {
    const changes = Array.from({ length: 30 }, (_, i) => ({ code: `c${i}`, from: i, to: i + 1 }));
    const finding = sourceChangeFinding(2, changes);
    expect(finding?.codes).toHaveLength(20);
    expect(finding?.message).toContain('30 figures differ');
    expect(finding?.message).toContain('after version 2');
  });
});
