/** Fixed-window rate limits: which window an instant falls in, and when it ends. Pure. */

export interface RatePolicy {
  /** Writes allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateWindow {
  /** The window's start as an ISO timestamp: the counter's key. */
  window: string;
  /** Seconds until the window ends (at least 1). */
  retryAfter: number;
  /** Epoch seconds after which the counter may be deleted. */
  expiresAt: number;
}

export function rateWindow(policy: RatePolicy, nowMs: number): RateWindow {
  if (!(policy.windowSeconds > 0) || !(policy.limit >= 0)) {
    throw new RangeError('a rate policy needs a positive window and a non-negative limit');
  }
  const size = policy.windowSeconds * 1000;
  const start = Math.floor(nowMs / size) * size;
  const end = start + size;
  return {
    window: new Date(start).toISOString(),
    retryAfter: Math.max(1, Math.ceil((end - nowMs) / 1000)),
    // Kept one more window so a clock slightly behind never recreates a spent counter.
    expiresAt: Math.ceil((end + size) / 1000),
  };
}
