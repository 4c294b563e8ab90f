/**
 * `gongkai serve` as a user runs it: the real CLI in a child process, its own DynamoDB Local on
 * a data folder, stopped by SIGINT with nothing left running, and the data kept for next time.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../packages/core/src/db/dynamodb-local.ts';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'packages/cli/bin/gongkai.js');

interface Running {
  child: ChildProcess;
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let dataDir: string;
let dbPort: number;
let webPort: number;
const children: Running[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gongkai-serve-'));
  dbPort = await freePort();
  webPort = await freePort();
  while (webPort === dbPort) webPort = await freePort();
});

afterAll(async () => {
  // A failed test must not leave a server (or its java child) behind.
  for (const r of children) {
    if (r.child.exitCode === null && r.child.signalCode === null) {
      r.child.kill('SIGINT');
      const stopped = await Promise.race([
        r.exit.then(() => true),
        new Promise((d) => setTimeout(() => d(false), 15_000)),
      ]);
      if (!stopped) r.child.kill('SIGKILL');
    }
  }
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

function start(): Running {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DYNAMODB_PORT: String(dbPort),
    PORT: String(webPort),
    GONGKAI_DATA_DIR: dataDir,
    GONGKAI_TABLE: 'gongkai',
  };
  delete env.DYNAMODB_ENDPOINT;
  delete env.HOST;
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  const running = { child, output: () => output, exit };
  children.push(running);
  return running;
}

async function waitFor(running: Running, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!running.output().includes(text)) {
    if (running.child.exitCode !== null)
      throw new Error(`gongkai serve exited early:\n${running.output()}`);
    if (Date.now() > deadline)
      throw new Error(`no '${text}' within ${timeoutMs} ms:\n${running.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

async function stopAndCheck(running: Running): Promise<void> {
  running.child.kill('SIGINT');
  const result = await Promise.race([
    running.exit,
    new Promise<'timeout'>((d) => setTimeout(() => d('timeout'), 15_000)),
  ]);
  expect(result, running.output()).toEqual({ code: 0, signal: null });
  expect(running.output()).toContain('Stopped.');
  // Nothing left running: DynamoDB Local and the web server are gone.
  expect(await accepts(dbPort)).toBe(false);
  expect(await accepts(webPort)).toBe(false);
}

describe('gongkai serve', () => {
  it('starts the local stack, loads the samples once, serves the app and stops cleanly', {
    timeout: 180_000,
  }, async () => {
    const first = start();
    const web = `http://127.0.0.1:${webPort}/`;
    await waitFor(first, 'Press Ctrl-C to stop', 90_000);
    const out = first.output();
    expect(out).toContain(`Web app:   ${web}`);
    expect(out).toContain(`Health:    ${web}health`);
    expect(out).toContain(`DynamoDB:  http://127.0.0.1:${dbPort} (table gongkai)`);
    expect(out).toContain(join(dataDir, 'dynamodb'));
    expect(out).toContain(
      'Loaded the sample reports: 13 files: 13 ingested, 0 unchanged, 0 new versions, 0 failed',
    );

    // The web app, built from source at start: its page at every route, its script compressed.
    expect(out).toContain('Building the web app…');
    const page = await fetch(`${web}agencies/anything`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<div id="app"></div>');
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    expect(script).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    const js = await fetch(`${web}${script?.slice(1)}`, { headers: { 'accept-encoding': 'br' } });
    expect(js.status).toBe(200);
    expect(js.headers.get('content-encoding')).toBe('br');
    const health = await fetch(`${web}health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      ok: true,
      dynamodb: `http://127.0.0.1:${dbPort}`,
      table: 'gongkai',
    });
    expect((await fetch(`${web}assets/nothing-here.js`)).status).toBe(404);

    // The API is mounted: a search over the sample reports, GraphiQL for a browser, and the
    // printed moderator token is accepted.
    expect(out).toContain(`GraphQL:   ${web}graphql`);
    const token = /Moderator token[^\n]*\n\s+(\S+)/.exec(out)?.[1];
    expect(token).toBeDefined();
    const search = await fetch(`${web}graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query:
          '{ agencies(search: "pingtan", first: 3) { edges { node { name } } } moderationQueue(first: 1) { edges { cursor } } }',
      }),
    });
    const answer = (await search.json()) as {
      data: { agencies: { edges: { node: { name: string } }[] } };
      errors?: unknown;
    };
    expect(answer.errors).toBeUndefined();
    expect(answer.data.agencies.edges[0]?.node.name).toContain('平潭');
    const graphiql = await fetch(`${web}graphql`, { headers: { accept: 'text/html' } });
    expect(graphiql.status).toBe(200);
    expect(await graphiql.text()).toContain('GraphiQL');

    await stopAndCheck(first);

    // Second run on the same folder: the data is still there and nothing is loaded again.
    const second = start();
    await waitFor(second, 'Press Ctrl-C to stop', 90_000);
    expect(second.output()).not.toContain('sample reports');
    const again = await fetch(`${web}graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ regions { agencyCount } }' }),
    });
    const regions = ((await again.json()) as { data: { regions: { agencyCount: number }[] } }).data
      .regions;
    expect(regions.reduce((n, r) => n + r.agencyCount, 0)).toBeGreaterThan(0);
    await stopAndCheck(second);
  });
});
