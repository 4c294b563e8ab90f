/** What every resolver gets: the store, per-request loaders, the caller, and the clock. */
import type { AgencySearchIndex, RatePolicy, Store } from '@gongkai/core';
import { createLoaders, type Loaders } from './loaders.ts';

export interface Moderator {
  /** The token's subject: who reviews. */
  id: string;
}

export interface ApiLimits {
  /** Corrections one client may submit per window. */
  submit: RatePolicy;
}

export const DEFAULT_LIMITS: ApiLimits = { submit: { limit: 20, windowSeconds: 3600 } };

/** Shared by every request of one API instance (one Lambda container, one local server). */
export interface ApiDeps {
  store: Store;
  /** The agency-name index, loaded once per instance and reused. */
  search: () => Promise<AgencySearchIndex>;
  limits: ApiLimits;
  now: () => Date;
  /** Secret that signs moderator tokens; null disables moderation. */
  moderatorSecret: Uint8Array | null;
}

export interface ApiContext extends ApiDeps {
  loaders: Loaders;
  /** An opaque, stable id of the caller's network address: rate limits and "my corrections". */
  client: string;
  moderator: Moderator | null;
  /** Why a presented token was refused, for the error a moderator sees. */
  authProblem: string | null;
}

export function requestContext(
  deps: ApiDeps,
  caller: { client: string; moderator: Moderator | null; authProblem: string | null },
): ApiContext {
  return { ...deps, ...caller, loaders: createLoaders(deps.store) };
}

/** Who a submission is attributed to: a signed-in moderator by name, anyone else by address. */
export function submitterOf(ctx: { moderator: { id: string } | null; client: string }): string {
  return ctx.moderator ? `moderator:${ctx.moderator.id}` : `client:${ctx.client}`;
}
