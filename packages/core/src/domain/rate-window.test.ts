import { describe, expect, it } from 'vitest';
import { rateWindow } from './rate-window.ts';

describe('rateWindow', () => {
  const hour = { limit: 10, windowSeconds: 3600 };
  it.each([
    ['start of a window', '2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z', 3600],
    ['inside a window', '2026-03-01T10:59:30.000Z', '2026-03-01T10:00:00.000Z', 30],
    ['last millisecond', '2026-03-01T10:59:59.999Z', '2026-03-01T10:00:00.000Z', 1],
    ['next window', '2026-03-01T11:00:00.000Z', '2026-03-01T11:00:00.000Z', 3600],
  ])('%s', (_name, now, window, retryAfter) => {
    const w = rateWindow(hour, Date.parse(now));
    expect(w.window).toBe(window);
    expect(w.retryAfter).toBe(retryAfter);
    expect(w.expiresAt * 1000).toBe(Date.parse(window) + 2 * 3600 * 1000);
  });

  it.each([
    { limit: 10, windowSeconds: 0 },
    { limit: -1, windowSeconds: 60 },
    { limit: 10, windowSeconds: Number.NaN },
  ])('refuses a policy that cannot limit: %o', (policy) => {
    expect(() => rateWindow(policy, 0)).toThrow(RangeError);
  });
});
