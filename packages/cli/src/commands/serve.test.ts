import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@gongkai/core';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import {
  createRequestHandler,
  formatUrls,
  parsePort,
  placeholderPage,
  SAMPLE_REPORTS,
  StackError,
  startLocalStack,
} from './serve.ts';

/** A store whose agency index answers from a list (province 32 only), or fails. */
function fakeStore(agencies: { agencyId: string; reportCount?: number }[], fail = false): Store {
  const byRegion = ({ province }: { province: string }) => ({
    go: async () => {
      if (fail)
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
          code: 'ECONNREFUSED',
        });
      return { data: province === '32' ? agencies : [] };
    },
  });
  return { db: { entities: { agency: { query: { byRegion } } } } } as unknown as Store;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((done) => s.close(done));
});

async function serve(store: Store): Promise<string> {
  const server = createServer(
    createRequestHandler({ store, endpoint: 'http://127.0.0.1:8000', table: 'gongkai' }),
  );
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

describe('parsePort', () => {
  it('reads a port, with a default', () => {
    expect(parsePort('PORT', undefined, 4000)).toBe(4000);
    expect(parsePort('PORT', '', 4000)).toBe(4000);
    expect(parsePort('PORT', '4100', 4000)).toBe(4100);
  });
  it.each(['abc', '-1', '70000', '80.5'])('refuses %j naming the variable', (value) => {
    expect(() => parsePort('DYNAMODB_PORT', value, 8000)).toThrow(StackError);
    expect(() => parsePort('DYNAMODB_PORT', value, 8000)).toThrow(
      /^DYNAMODB_PORT must be a port number/,
    );
  });
});

describe('the placeholder page', () => {
  it('is Simplified Chinese and English, for phones too, and shows the counts', () => {
    const html = placeholderPage({ agencies: 11, reports: 13 });
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('公开');
    expect(html).toContain('GraphQL');
    expect(html).toContain('href="/graphql"');
    expect(html).toMatch(/机构.*?<dd>11<\/dd>/s);
    expect(html).toMatch(/报告.*?<dd>13<\/dd>/s);
  });
});

describe('the HTTP handler', () => {
  it('serves the page, health and 404', async () => {
    const base = await serve(
      fakeStore([
        { agencyId: 'a', reportCount: 2 },
        { agencyId: 'b', reportCount: 1 },
        { agencyId: 'c' },
      ]),
    );
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toMatch(/机构.*?<dd>3<\/dd>/s);
    expect(html).toMatch(/报告.*?<dd>3<\/dd>/s);

    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      ok: true,
      dynamodb: 'http://127.0.0.1:8000',
      table: 'gongkai',
    });

    expect((await fetch(`${base}/graphql`)).status).toBe(404);
    expect((await fetch(`${base}/health`, { method: 'POST' })).status).toBe(405);
    const head = await fetch(`${base}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('says so when the database cannot be read', async () => {
    const base = await serve(fakeStore([], true));
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      ok: false,
      error: expect.stringContaining('ECONNREFUSED'),
    });
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('The database cannot be read');
  });
});

describe('startLocalStack', () => {
  const busy: { close(): void }[] = [];
  afterEach(() => {
    for (const b of busy.splice(0)) b.close();
  });
  async function occupy(): Promise<number> {
    const srv = createNetServer();
    busy.push(srv);
    await new Promise<void>((done) => srv.listen(0, done));
    const address = srv.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  it('tells which variable to set when the DynamoDB port is busy', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gongkai-serve-'));
    try {
      const port = await occupy();
      const start = startLocalStack({
        env: { DYNAMODB_PORT: String(port), PORT: '0', GONGKAI_DATA_DIR: dir },
      });
      await expect(start).rejects.toThrow(StackError);
      await expect(start).rejects.toThrow(
        new RegExp(`port ${port} for DynamoDB Local is in use: set DYNAMODB_PORT`),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('tells which variable to set when the web port is busy', async () => {
    const port = await occupy();
    await expect(
      startLocalStack({ env: { PORT: String(port), HOST: '127.0.0.1' } }),
    ).rejects.toThrow(new RegExp(`port ${port} is in use: set PORT`));
  });

  it('finds the sample reports from the repository, not the working directory', () => {
    expect(SAMPLE_REPORTS.replaceAll('\\', '/')).toMatch(/\/test\/fixtures\/corpus\/reports$/);
  });

  it('prints every URL and how to stop', () => {
    const text = formatUrls({
      urls: {
        web: 'http://127.0.0.1:4000/',
        health: 'http://127.0.0.1:4000/health',
        graphql: 'http://127.0.0.1:4000/graphql',
        dynamodb: 'http://127.0.0.1:8000',
        data: '/x/.data/dynamodb',
      },
      table: 'gongkai',
      samples: null,
      moderatorToken: 'tok.en.here',
      stop: async () => {},
    });
    for (const part of [
      'http://127.0.0.1:4000/',
      '/health',
      'http://127.0.0.1:4000/graphql',
      'tok.en.here',
      'http://127.0.0.1:8000',
      '/x/.data/dynamodb',
      'Press Ctrl-C to stop',
    ]) {
      expect(text).toContain(part);
    }
  });
});

describe('gongkai serve arguments', () => {
  it('exits 2 on an unexpected argument', async () => {
    let stderr = '';
    const io = {
      out: () => {},
      err: (t: string) => {
        stderr += t;
      },
    };
    expect(await main(['serve', '--port', '1'], io)).toBe(2);
    expect(stderr).toContain("unexpected argument '--port'");
  });
});
