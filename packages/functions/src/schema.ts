/** The GraphQL schema: every feature module adds its types and fields to the one builder. */
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.ts';
import './schema/error-types.ts';
import './schema/nodes.ts';
import './schema/agencies.ts';
import './schema/reports.ts';
import './schema/values.ts';
import './schema/findings.ts';
import './schema/corrections.ts';
import './schema/compare.ts';
import './schema/regions.ts';

export const schema = builder.toSchema();

/** The SDL as committed in schema.graphql: sorted, so diffs show real changes only. */
export function schemaSdl(print: (s: typeof schema) => string): string {
  return `${print(lexicographicSortSchema(schema)).trimEnd()}\n`;
}
