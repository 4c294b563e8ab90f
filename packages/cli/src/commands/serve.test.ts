import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@gongkai/core';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { APP_CSP, IMMUTABLE, loadStaticSite, type StaticSite } from '../web/static-site.ts';
import {
  createRequestHandler,
  formatUrls,
  parsePort,
  SAMPLE_REPORTS,
  StackError,
  startLocalStack,
} from './serve.ts';

/** A store whose agency index answers (with nothing), or fails as an unreachable database. */
function fakeStore(fail = false): Store {
  const byRegion = () => ({
    go: async () => {
      if (fail)
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
          code: 'ECONNREFUSED',
        });
      return { data: [] };
    },
  });
  return { db: { entities: { agency: { query: { byRegion } } } } } as unknown as Store;
}

const INDEX = '<!doctype html><html lang="zh-CN"><body><div id="app"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('公开'.repeat(400))});`;

/** A built app in miniature: an index page and one hashed asset. */
async function tinySite(): Promise<StaticSite> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-site-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), INDEX);
  await writeFile(join(dir, 'assets/index-abc123.js'), SCRIPT);
  try {
    return await loadStaticSite(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((done) => s.close(done));
});

async function serve(store: Store, web?: StaticSite): Promise<string> {
  const server = createServer(
    createRequestHandler({
      store,
      endpoint: 'http://127.0.0.1:8000',
      table: 'gongkai',
      ...(web ? { web } : {}),
    }),
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

describe('the HTTP handler', () => {
  it('serves the app at every route, its assets compressed and cached, health, and 404s', async () => {
    const base = await serve(fakeStore(), await tinySite());
    for (const route of ['/', '/agencies/440100-abcdefghij', '/compare?reports=a,b']) {
      const page = await fetch(`${base}${route}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('content-security-policy')).toBe(APP_CSP);
      expect(await page.text()).toBe(INDEX);
    }
    const asset = await fetch(`${base}/assets/index-abc123.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(Number(asset.headers.get('content-length'))).toBeLessThan(Buffer.byteLength(SCRIPT));
    expect(await asset.text()).toBe(SCRIPT);
    const etag = asset.headers.get('etag') as string;
    const again = await fetch(`${base}/assets/index-abc123.js`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);

    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      ok: true,
      dynamodb: 'http://127.0.0.1:8000',
      table: 'gongkai',
    });

    for (const missing of ['/assets/index-old.js', '/robots.txt', '/graphql']) {
      expect((await fetch(`${base}${missing}`)).status, missing).toBe(404);
    }
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${base}/health`, { method: 'POST' })).status).toBe(405);
    const head = await fetch(`${base}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('says so when the database cannot be read', async () => {
    const base = await serve(fakeStore(true), await tinySite());
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      ok: false,
      error: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('refuses a folder without a built app', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gongkai-site-'));
    try {
      await expect(loadStaticSite(dir)).rejects.toThrow(/not built in .* \(no index.html\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
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
