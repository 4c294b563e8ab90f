/** Writes schema.graphql from the code (`npm run schema`); a test fails when it is stale. */
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schemaSdl } from './schema.ts';

export const SCHEMA_FILE = new URL('../schema.graphql', import.meta.url);

export const committedSdl = () => schemaSdl(printSchema);

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) {
  writeFileSync(SCHEMA_FILE, committedSdl());
  console.log(`wrote ${SCHEMA_FILE.pathname}`);
}
