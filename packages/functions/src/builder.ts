/**
 * The one Pothos builder (plugins augment builder types globally, so a second builder would not
 * type-check). Plugin order: relay first so auth sees decoded IDs, errors before scope-auth so a
 * refused moderator gets a typed error, errors before dataloader as its docs require.
 */
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLError } from 'graphql';
import type { ApiContext } from './context.ts';
import { ErrorCode, NotAuthenticatedError } from './errors.ts';

/** The most work one request may ask for: about four full pages of a report's values. */
export const COMPLEXITY_LIMIT = { complexity: 2500, depth: 10, breadth: 150 };

export const builder = new SchemaBuilder<{
  Context: ApiContext;
  AuthScopes: { moderator: boolean };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  defaultFieldNullability: false,
  plugins: [
    RelayPlugin,
    ErrorsPlugin,
    ScopeAuthPlugin,
    ValidationPlugin,
    DataloaderPlugin,
    ComplexityPlugin,
  ],
  relay: {
    cursorType: 'String',
    clientMutationId: 'omit',
    edgesFieldOptions: { nullable: false, complexity: { field: 0, multiplier: 1 } },
    nodeFieldOptions: { nullable: false },
    nodeQueryOptions: { complexity: 1 },
    nodesQueryOptions: { complexity: { field: 1, multiplier: 1 } },
  },
  scopeAuth: {
    authScopes: (ctx) => ({ moderator: ctx.moderator !== null }),
    unauthorizedError: (_parent, context) =>
      new NotAuthenticatedError(
        `Sign in as a moderator: ${context.authProblem ?? 'send Authorization: Bearer <token>'}.`,
      ),
  },
  errors: { defaultTypes: [] },
  validation: {
    validationError: (result) =>
      new GraphQLError(
        result.issues
          .map((i) => {
            const path = i.path?.map((p) => String(typeof p === 'object' ? p.key : p)).join('.');
            return path ? `${path}: ${i.message}` : i.message;
          })
          .join('; '),
        { extensions: { code: ErrorCode.badInput } },
      ),
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: COMPLEXITY_LIMIT,
    complexityError: (kind, result) =>
      new GraphQLError(
        `Query is too ${kind === 'Complexity' ? 'expensive' : kind === 'Depth' ? 'deep' : 'broad'}: ${kind.toLowerCase()} ${result[kind === 'Complexity' ? 'complexity' : kind === 'Depth' ? 'depth' : 'breadth']}, at most ${result[kind === 'Complexity' ? 'maxComplexity' : kind === 'Depth' ? 'maxDepth' : 'maxBreadth']}. Ask for fewer items or fields.`,
        { extensions: { code: ErrorCode.tooComplex, ...result } },
      ),
  },
});

builder.queryType({});
builder.mutationType({});
