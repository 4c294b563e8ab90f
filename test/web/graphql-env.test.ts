/** The web app's document types are generated from the committed schema and must keep up. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const WEB = join(import.meta.dirname, '../../packages/web');
const COMMITTED = join(WEB, 'src/graphql/graphql-env.d.ts');

describe('graphql-env.d.ts', () => {
  it('is what gql.tada generates from schema.graphql (run `npm run schema` after a change)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gongkai-tada-'));
    try {
      // The package exports no bin path; its folder is found from its package.json.
      const pkg = createRequire(join(WEB, 'package.json')).resolve('gql.tada/package.json');
      const cli = join(dirname(pkg), 'bin/cli.js');
      const fresh = join(dir, 'graphql-env.d.ts');
      await promisify(execFile)(process.execPath, [cli, 'generate', 'output', '-o', fresh], {
        cwd: WEB,
      });
      expect(await readFile(COMMITTED, 'utf8')).toBe(await readFile(fresh, 'utf8'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
