/** The typed errors of the schema: expected failures a client handles by __typename. */
import { builder } from '../builder.ts';
import {
  ConflictError,
  ForbiddenError,
  type InputIssue,
  InvalidInputError,
  NotAuthenticatedError,
  NotFoundError,
  RateLimitedError,
} from '../errors.ts';

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'An expected failure, returned in place of a result.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

const InputIssueRef = builder.objectRef<InputIssue>('InputIssue').implement({
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The input field at fault.' }),
    message: t.exposeString('message'),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof NotFoundError,
});

builder.objectType(InvalidInputError, {
  name: 'InvalidInputError',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof InvalidInputError,
  fields: (t) => ({ issues: t.field({ type: [InputIssueRef], resolve: (e) => e.issues }) }),
});

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof RateLimitedError,
  fields: (t) => ({
    retryAfter: t.exposeInt('retryAfter', { description: 'Seconds until a new write is allowed.' }),
  }),
});

builder.objectType(NotAuthenticatedError, {
  name: 'NotAuthenticatedError',
  description: 'The operation needs a valid moderator token.',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof NotAuthenticatedError,
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'Signed in, but not allowed: e.g. reviewing your own correction.',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof ForbiddenError,
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'Someone changed the data meanwhile; reload and try again.',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof ConflictError,
});
