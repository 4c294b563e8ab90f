import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { committedSdl, SCHEMA_FILE } from './write-schema.ts';

describe('schema.graphql', () => {
  it('is what the code builds (run `npm run schema` after changing the schema)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(committedSdl());
  });
});
