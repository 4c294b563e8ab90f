/** Building an API instance's dependencies from configuration (environment variables). */
import {
  AgencySearchIndex,
  dbConfigFromEnv,
  loadSearchEntries,
  openStore,
  type Store,
} from '@gongkai/core';
import { moderatorKey } from './auth.ts';
import { type ApiDeps, type ApiLimits, DEFAULT_LIMITS } from './context.ts';

/** How long an instance serves a search snapshot before reloading it (new agencies appear). */
export const SEARCH_MAX_AGE_MS = 10 * 60 * 1000;

/** The agency index, loaded on first use and reloaded in the background when old. */
export function cachedSearchIndex(store: Store, now: () => Date, maxAgeMs = SEARCH_MAX_AGE_MS) {
  let current: { at: number; index: Promise<AgencySearchIndex> } | null = null;
  const load = () => loadSearchEntries(store).then((entries) => new AgencySearchIndex(entries));
  return (): Promise<AgencySearchIndex> => {
    const t = now().getTime();
    if (!current) {
      current = { at: t, index: load() };
      current.index.catch(() => {
        current = null;
      });
    } else if (t - current.at > maxAgeMs) {
      const stale = current;
      const next = load();
      current = { at: t, index: stale.index };
      next.then(
        (index) => {
          current = { at: t, index: Promise.resolve(index) };
        },
        () => undefined,
      );
    }
    return current.index;
  };
}

export function limitsFromEnv(env: NodeJS.ProcessEnv): ApiLimits {
  const limit = Number(env.GONGKAI_SUBMIT_LIMIT ?? DEFAULT_LIMITS.submit.limit);
  const windowSeconds = Number(env.GONGKAI_SUBMIT_WINDOW ?? DEFAULT_LIMITS.submit.windowSeconds);
  if (
    !(Number.isInteger(limit) && limit >= 0 && Number.isInteger(windowSeconds) && windowSeconds > 0)
  ) {
    throw new Error('GONGKAI_SUBMIT_LIMIT and GONGKAI_SUBMIT_WINDOW must be whole numbers');
  }
  return { submit: { limit, windowSeconds } };
}

export function depsFromEnv(env: NodeJS.ProcessEnv = process.env, store?: Store): ApiDeps {
  const opened = store ?? openStore(dbConfigFromEnv(env));
  const now = () => new Date();
  return {
    store: opened,
    search: cachedSearchIndex(opened, now),
    limits: limitsFromEnv(env),
    now,
    moderatorSecret: moderatorKey(env.GONGKAI_MODERATOR_SECRET),
  };
}
