/** Gongkai's GraphQL API: the schema, the yoga instance and its transports. */
export {
  MIN_SECRET_LENGTH,
  moderatorKey,
  signModeratorToken,
  verifyModeratorToken,
} from './auth.ts';
export { COMPLEXITY_LIMIT } from './builder.ts';
export { chooseEncoding, type Encoding } from './content-encoding.ts';
export type { ApiDeps, ApiLimits } from './context.ts';
export { DEFAULT_LIMITS } from './context.ts';
export { cachedSearchIndex, depsFromEnv, limitsFromEnv } from './deps.ts';
export { apiRequestListener, type ListeningApi, listenApi, nodeClientAddress } from './http.ts';
export { schema, schemaSdl } from './schema.ts';
export {
  type Api,
  CSRF_HEADER,
  createApi,
  GRAPHQL_PATH,
  MAX_BODY_BYTES,
  MAX_TOKENS,
} from './yoga.ts';
