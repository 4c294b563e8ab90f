/**
 * How failures reach clients. Expected outcomes of mutations and lookups are typed errors in the
 * schema; bad arguments are GraphQL errors with a stable `extensions.code`; anything else is an
 * unexpected error and is masked, so no internals (stack, AWS messages, table names) leak.
 */
import { isCoreError } from '@gongkai/core';
import { GraphQLError, type GraphQLErrorOptions } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';

/** Error codes a client can rely on in `errors[].extensions.code`. */
export const ErrorCode = {
  badInput: 'BAD_USER_INPUT',
  tooComplex: 'QUERY_TOO_COMPLEX',
  internal: 'INTERNAL_SERVER_ERROR',
} as const;

export class ApiError extends Error {
  override name = 'ApiError';
}
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}
export interface InputIssue {
  field: string;
  message: string;
}
export class InvalidInputError extends ApiError {
  override name = 'InvalidInputError';
  constructor(
    message: string,
    readonly issues: InputIssue[] = [],
  ) {
    super(message);
  }
}
export class RateLimitedError extends ApiError {
  override name = 'RateLimitedError';
  constructor(readonly retryAfter: number) {
    super(`Too many corrections from this address; try again in ${retryAfter} s.`);
  }
}
/** No valid moderator token was presented. */
export class NotAuthenticatedError extends ApiError {
  override name = 'NotAuthenticatedError';
}
/** Authenticated, but not allowed (e.g. reviewing one's own correction). */
export class ForbiddenError extends ApiError {
  override name = 'ForbiddenError';
}
export class ConflictError extends ApiError {
  override name = 'ConflictError';
}

/** A core failure as the typed API error a client sees. */
export function apiErrorOf(error: unknown): unknown {
  if (!isCoreError(error)) return error;
  switch (error.code) {
    case 'not-found':
      return new NotFoundError(error.message);
    case 'invalid-input':
      return new InvalidInputError(error.message, issuesOf(error.details));
    case 'forbidden':
      return new ForbiddenError(error.message);
    case 'conflict':
      return new ConflictError(error.message);
  }
}

function issuesOf(details: unknown): InputIssue[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d) =>
    d && typeof d === 'object' && 'message' in d
      ? [{ field: String((d as { field?: unknown }).field ?? ''), message: String(d.message) }]
      : [],
  );
}

/** Runs a core call and rethrows its failures as typed API errors. */
export async function typed<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw apiErrorOf(error);
  }
}

export const badInput = (message: string) =>
  graphQLError(message, { extensions: { code: ErrorCode.badInput } });

/**
 * A GraphQLError of any loaded copy of graphql. Under vitest, our sources get graphql's ESM build
 * while yoga, Pothos and graphql-armor (loaded by node) get its CommonJS build: two classes, so
 * `instanceof` alone would take every syntax, request and argument error for an unexpected one.
 */
export function isGraphQLError(value: unknown): value is GraphQLError {
  return (
    value instanceof GraphQLError ||
    Object.prototype.toString.call(value) === '[object GraphQLError]'
  );
}

/**
 * Errors are built with yoga's copy of graphql: yoga does not recognise an error of another
 * copy, wraps it (dropping its path) and answers 500 where it should answer 200 or 400.
 */
function graphQLError(message: string, options: GraphQLErrorOptions): GraphQLError {
  return createGraphQLError(message, options);
}

/** The same error, built with yoga's copy of graphql. */
function rebuilt(error: GraphQLError): GraphQLError {
  return graphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: error.extensions,
  });
}

const API_ERROR_CODES: Record<string, string> = {
  NotAuthenticatedError: 'UNAUTHENTICATED',
  ForbiddenError: 'FORBIDDEN',
  NotFoundError: 'NOT_FOUND',
  ConflictError: 'CONFLICT',
  RateLimitedError: 'RATE_LIMITED',
  InvalidInputError: ErrorCode.badInput,
};

// Argument errors the core raises for what a client sent: safe to show as they are.
const CLIENT_ERRORS = new Set([
  'PageSizeError',
  'CursorError',
  'RegionCodeError',
  'TimestampError',
]);

/**
 * yoga's maskError: GraphQL errors raised on purpose (syntax, validation, bad arguments) pass;
 * client errors from the core become BAD_USER_INPUT; the rest is masked and logged with an id.
 */
export function maskError(error: unknown, log: (line: string) => void): Error {
  // A core error outside a field that declares typed errors: as the API error it stands for.
  const original = apiErrorOf(isGraphQLError(error) ? (error.originalError ?? null) : error);
  if (isGraphQLError(error) && (original === null || isGraphQLError(original))) {
    const raised =
      isGraphQLError(original) && original !== error ? withPath(original, error) : error;
    // Raised on purpose by the schema's own checks (e.g. an ID of the wrong type): the client's.
    return raised.extensions.code === undefined && raised.path !== undefined
      ? graphQLError(raised.message, {
          nodes: raised.nodes,
          path: raised.path,
          extensions: { ...raised.extensions, code: ErrorCode.badInput },
        })
      : rebuilt(raised);
  }
  if (original instanceof ApiError) {
    // A typed error outside a field that declares it (e.g. a moderator-only list): keep its code.
    return graphQLError(original.message, {
      ...(isGraphQLError(error) ? { path: error.path, nodes: error.nodes } : {}),
      extensions: { code: API_ERROR_CODES[original.name] ?? ErrorCode.badInput },
    });
  }
  if (original instanceof Error && CLIENT_ERRORS.has(original.name)) {
    return graphQLError(original.message, {
      ...(isGraphQLError(error) ? { path: error.path, nodes: error.nodes } : {}),
      extensions: { code: ErrorCode.badInput },
    });
  }
  const id = Math.random().toString(36).slice(2, 10);
  log(
    `unexpected error ${id}: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`,
  );
  return graphQLError(`Unexpected error (reference ${id}).`, {
    ...(isGraphQLError(error) ? { path: error.path, nodes: error.nodes } : {}),
    extensions: { code: ErrorCode.internal },
  });
}

function withPath(original: GraphQLError, wrapper: GraphQLError): GraphQLError {
  // The wrapper's message: graphql prefixes some (e.g. 'Variable "$n" got invalid value …').
  return graphQLError(wrapper.message, {
    nodes: wrapper.nodes,
    path: wrapper.path,
    extensions: { ...original.extensions, ...wrapper.extensions },
  });
}
