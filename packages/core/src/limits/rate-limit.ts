/**
 * Write rate limits shared by every API instance: one conditional update of a per-client counter,
 * which fails once the window's limit is reached. Counting happens before the write it guards, so
 * a burst cannot slip between a read and a write.
 */
import { isConditionFailure } from '../db/conditions.ts';
import type { Store } from '../db/store.ts';
import { type RatePolicy, rateWindow } from '../domain/rate-window.ts';

export type RateDecision =
  | { allowed: true; remaining: number }
  | { allowed: false; retryAfter: number };

export async function takeRateToken(
  store: Store,
  request: { action: string; client: string; policy: RatePolicy },
  nowMs: number,
): Promise<RateDecision> {
  const { window, retryAfter, expiresAt } = rateWindow(request.policy, nowMs);
  const limit = request.policy.limit;
  try {
    const out = await store.db.entities.rateCounter
      .update({ action: request.action, client: request.client, window })
      .add({ count: 1 })
      .set({ expiresAt })
      .where((attr, op) => `${op.notExists(attr.count)} OR ${op.lt(attr.count, limit)}`)
      .go({ response: 'all_new' });
    return { allowed: true, remaining: Math.max(0, limit - (out.data.count ?? limit)) };
  } catch (error) {
    if (isConditionFailure(error)) return { allowed: false, retryAfter };
    throw error;
  }
}
