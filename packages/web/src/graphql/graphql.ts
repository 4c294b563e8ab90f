/**
 * Typed GraphQL documents: `graphql(\`…\`)` infers each result and variables type from the
 * committed schema (packages/functions/schema.graphql) through `graphql-env.d.ts`, which
 * `npm run graphql-env -w @gongkai/web` regenerates; a test fails when it is stale.
 */
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  // Fragments are plain data here: the pages are small and read what they ask for.
  disableMasking: true;
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
