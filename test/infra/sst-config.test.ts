/**
 * sst.config.ts evaluated with recording fakes (no AWS, no Pulumi): the resources it declares,
 * and that they agree with the code they deploy — the table with the data layer, the handlers
 * with their files, the queue with the ingest Lambda, the site with the web app.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dbConfigFromEnv } from '../../packages/core/src/db/config.ts';
import { rateCounterSchema } from '../../packages/core/src/db/entities/rate-counter.ts';
import {
  GLOBAL_INDEXES,
  KEY_FIELDS,
  TTL_FIELD,
  tableDefinition,
} from '../../packages/core/src/db/table.ts';
import { type Created, installSstFakes, plain } from './fake-sst.ts';

const ROOT = join(import.meta.dirname, '..', '..');
// A computed path: the root tsc must not follow it into a file that needs SST's globals.
const CONFIG_FILE = join(ROOT, 'sst.config.ts');

// biome-ignore lint/suspicious/noExplicitAny: recorded args are whatever the config passed
type Args = any;

interface SstConfig {
  app(input: { stage: string }): Record<string, unknown>;
  run(): Promise<Record<string, unknown>>;
}

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

/** Runs app() and run() for `stage` and returns what they declared, tokens turned into text. */
async function evaluate(stage: string, options: { dev?: boolean } = {}) {
  restore?.();
  const fakes = installSstFakes({ stage, dev: options.dev });
  restore = fakes.restore;
  const config = (await import(CONFIG_FILE)).default as SstConfig;
  const app = config.app({ stage });
  const outputs = plain(await config.run()) as Record<string, string>;
  const created = fakes.recording.created.map((c) => ({ ...c, args: plain(c.args) as Args }));
  const called = fakes.recording.called.map((c) => ({
    path: c.path,
    args: plain(c.args) as Args[],
  }));
  const one = (type: string, name: string): Args => {
    const found = created.filter((c) => c.type === type && c.name === name);
    expect(found, `${type} ${name}`).toHaveLength(1);
    return (found[0] as Created).args;
  };
  const call = (path: string): Args[] => {
    const found = called.filter((c) => c.path === path);
    expect(found, path).toHaveLength(1);
    return found[0]?.args as Args[];
  };
  return { app, outputs, created, called, one, call };
}

/** Seconds in an SST duration ('10 seconds', '2 minutes', '1 hour'). */
function seconds(duration: string): number {
  const match = /^(\d+(?:\.\d+)?) (second|minute|hour|day)s?$/.exec(duration);
  if (!match) throw new Error(`not a duration: ${duration}`);
  const unit = { second: 1, minute: 60, hour: 3600, day: 86_400 }[match[2] as string] as number;
  return Number(match[1]) * unit;
}

/** Imports a handler ('dir/file.export') and returns its export, checking nothing connects. */
async function loadHandler(handler: string): Promise<unknown> {
  const dot = handler.lastIndexOf('.');
  const file = join(ROOT, `${handler.slice(0, dot)}.ts`);
  expect(existsSync(file), file).toBe(true);
  const connections: string[] = [];
  const connect = net.Socket.prototype.connect;
  const fetch = globalThis.fetch;
  const secret = process.env.GONGKAI_MODERATOR_SECRET;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    connections.push(JSON.stringify(args[0]));
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
    connections.push(String(input));
    return fetch(input, init);
  };
  // A secret the API refuses: building its dependencies at import would throw.
  process.env.GONGKAI_MODERATOR_SECRET = 'too short';
  try {
    const mod = (await import(file)) as Record<string, unknown>;
    expect(connections, `${file} connects at import`).toEqual([]);
    return mod[handler.slice(dot + 1)];
  } finally {
    net.Socket.prototype.connect = connect;
    globalThis.fetch = fetch;
    if (secret === undefined) delete process.env.GONGKAI_MODERATOR_SECRET;
    else process.env.GONGKAI_MODERATOR_SECRET = secret;
  }
}

describe('sst.config.ts', () => {
  it('declares exactly these resources', async () => {
    const { created, called } = await evaluate('production');
    expect(created.map((c) => `${c.type} ${c.name}`)).toEqual([
      'sst.Secret ModeratorSecret',
      'sst.aws.Dynamo Table',
      'sst.aws.Router Router',
      'sst.aws.Function Api',
      'sst.aws.Bucket Reports',
      'sst.aws.Queue IngestDeadLetters',
      'sst.aws.Queue IngestQueue',
      'sst.aws.StaticSite Web',
    ]);
    expect(called.map((c) => c.path)).toEqual([
      'sst.aws.Bucket:Reports.notify',
      'sst.aws.Queue:IngestQueue.subscribe',
    ]);
  });

  it('protects production and removes every other stage', async () => {
    const production = await evaluate('production');
    expect(production.app).toEqual({
      name: 'gongkai',
      home: 'aws',
      removal: 'retain',
      protect: true,
    });
    const dev = await evaluate('alice');
    expect(dev.app).toEqual({ name: 'gongkai', home: 'aws', removal: 'remove', protect: false });
  });

  it('outputs the API URL, the web URL and the bucket name', async () => {
    const { outputs } = await evaluate('production');
    expect(outputs).toEqual({
      api: '{{sst.aws.Function:Api.url}}',
      web: '{{sst.aws.StaticSite:Web.url}}',
      bucket: '{{sst.aws.Bucket:Reports.name}}',
      table: '{{sst.aws.Dynamo:Table.name}}',
      deadLetterQueue: '{{sst.aws.Queue:IngestDeadLetters.url}}',
    });
  });
});

describe('the table', () => {
  it('has the keys and indexes of the data layer’s definition, and its TTL field', async () => {
    const table = (await evaluate('production')).one('sst.aws.Dynamo', 'Table');
    // The same table the data layer creates locally (CreateTable input).
    const local = tableDefinition('gongkai');
    expect(table.fields).toEqual(
      Object.fromEntries(local.AttributeDefinitions.map((a) => [a.AttributeName, 'string'])),
    );
    expect(table.primaryIndex).toEqual({ hashKey: KEY_FIELDS.pk, rangeKey: KEY_FIELDS.sk });
    expect(table.globalIndexes).toEqual(
      Object.fromEntries(
        local.GlobalSecondaryIndexes.map((g) => [
          g.IndexName,
          {
            hashKey: g.KeySchema[0]?.AttributeName,
            rangeKey: g.KeySchema[1]?.AttributeName,
            projection: 'all',
          },
        ]),
      ),
    );
    expect(Object.keys(table.globalIndexes)).toEqual(GLOBAL_INDEXES.map((g) => g.name));
    expect(table.ttl).toBe(TTL_FIELD);
    expect(table.ttl).toBe('expiresAt');
    // The entity that expires writes the TTL field as a number (DynamoDB ignores anything else).
    expect(rateCounterSchema.attributes[TTL_FIELD].type).toBe('number');
  });

  it('serves every index an ElectroDB entity queries', async () => {
    const table = (await evaluate('production')).one('sst.aws.Dynamo', 'Table');
    const dir = join(ROOT, 'packages/core/src/db/entities');
    const seen: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const mod = (await import(join(dir, file))) as Record<string, unknown>;
      for (const [name, schema] of Object.entries(mod)) {
        const indexes = (schema as { indexes?: Record<string, Args> } | null)?.indexes;
        if (!indexes || typeof indexes !== 'object') continue;
        for (const [indexName, index] of Object.entries(indexes)) {
          const where = `${file} ${name}.indexes.${indexName}`;
          const keys = index.index
            ? table.globalIndexes[index.index]
            : { hashKey: table.primaryIndex.hashKey, rangeKey: table.primaryIndex.rangeKey };
          expect(keys, `${where}: index ${index.index} is not in the table`).toBeDefined();
          expect({ hashKey: index.pk.field, rangeKey: index.sk.field }, where).toEqual({
            hashKey: keys.hashKey,
            rangeKey: keys.rangeKey,
          });
          seen.push(index.index ?? 'table');
        }
      }
    }
    // Every entity was found, and between them they use the table and every GSI.
    expect(new Set(seen)).toEqual(new Set(['table', ...GLOBAL_INDEXES.map((g) => g.name)]));
  });

  it('keeps point-in-time recovery and deletion protection for production only', async () => {
    const production = (await evaluate('production')).one('sst.aws.Dynamo', 'Table');
    expect(production.transform.table.pointInTimeRecovery).toEqual({ enabled: true });
    expect(production.deletionProtection).toBe(true);
    const dev = (await evaluate('alice')).one('sst.aws.Dynamo', 'Table');
    expect(dev.transform.table.pointInTimeRecovery).toEqual({ enabled: false });
    expect(dev.deletionProtection).toBe(false);
  });
});

describe('the API', () => {
  it('runs lambda.ts’s handler, importable without connecting anywhere', async () => {
    const fn = (await evaluate('production')).one('sst.aws.Function', 'Api');
    expect(fn.handler).toBe('packages/functions/src/lambda.handler');
    expect(fn.runtime).toBe('nodejs22.x');
    expect(typeof (await loadHandler(fn.handler))).toBe('function');
  });

  it('gets the table, the moderator secret and submit limits the API reads', async () => {
    const { one } = await evaluate('production');
    const fn = one('sst.aws.Function', 'Api');
    expect(fn.link).toEqual(['{{sst.aws.Dynamo:Table}}']);
    expect(fn.environment.GONGKAI_MODERATOR_SECRET).toBe('{{sst.Secret:ModeratorSecret.value}}');
    expect(dbConfigFromEnv(fn.environment)).toMatchObject({
      endpoint: undefined,
      tableName: '{{sst.aws.Dynamo:Table.name}}',
    });
    const { limitsFromEnv } = await import('../../packages/functions/src/deps.ts');
    expect(limitsFromEnv(fn.environment)).toEqual({ submit: { limit: 20, windowSeconds: 3600 } });
    expect(seconds(fn.timeout)).toBeLessThanOrEqual(20); // CloudFront's origin read timeout
  });

  it('is served by the Router at the yoga endpoint, with CORS for the web origin only', async () => {
    const { CSRF_HEADER, GRAPHQL_PATH } = await import('../../packages/functions/src/yoga.ts');
    const fn = (await evaluate('production')).one('sst.aws.Function', 'Api');
    expect(fn.url.router).toEqual({ instance: '{{sst.aws.Router:Router}}', path: GRAPHQL_PATH });
    expect(fn.url.cors.allowOrigins).toEqual(['{{sst.aws.Router:Router.url}}']);
    expect(fn.url.cors.allowHeaders).toEqual(
      expect.arrayContaining(['content-type', 'authorization', CSRF_HEADER]),
    );
    const dev = (await evaluate('alice', { dev: true })).one('sst.aws.Function', 'Api');
    expect(dev.url.cors.allowOrigins).toContain('http://localhost:5173');
  });
});

describe('ingest', () => {
  async function ingest() {
    const { one, call } = await evaluate('production');
    const [fn, subscription] = call('sst.aws.Queue:IngestQueue.subscribe');
    return {
      queue: one('sst.aws.Queue', 'IngestQueue'),
      deadLetters: one('sst.aws.Queue', 'IngestDeadLetters'),
      notify: call('sst.aws.Bucket:Reports.notify')[0],
      fn,
      subscription,
    };
  }

  it('runs ingest-lambda.ts’s handler, importable without connecting anywhere', async () => {
    const { fn } = await ingest();
    expect(fn.handler).toBe('packages/functions/src/ingest-lambda.handler');
    expect(fn.runtime).toBe('nodejs22.x');
    expect(typeof (await loadHandler(fn.handler))).toBe('function');
    expect(fn.link).toEqual(['{{sst.aws.Dynamo:Table}}', '{{sst.aws.Bucket:Reports}}']);
    expect(dbConfigFromEnv(fn.environment).tableName).toBe('{{sst.aws.Dynamo:Table.name}}');
  });

  it('hears of every upload to the bucket through the queue', async () => {
    const { notify } = await ingest();
    expect(notify.notifications).toEqual([
      {
        name: 'IngestUploads',
        queue: '{{sst.aws.Queue:IngestQueue}}',
        events: ['s3:ObjectCreated:*'],
      },
    ]);
  });

  it('takes batches and reports failures per message', async () => {
    const { subscription } = await ingest();
    expect(subscription.batch.partialResponses).toBe(true);
    expect(subscription.batch.size).toBeGreaterThan(1);
    expect(subscription.batch.size).toBeLessThanOrEqual(10_000);
    // Over 10 messages a batch needs a window; the window is at most 5 minutes.
    expect(seconds(subscription.batch.window)).toBeGreaterThan(0);
    expect(seconds(subscription.batch.window)).toBeLessThanOrEqual(300);
  });

  it('moves a message that keeps failing to a dead-letter queue kept for two weeks', async () => {
    const { queue, deadLetters } = await ingest();
    expect(queue.dlq.queue).toBe('{{sst.aws.Queue:IngestDeadLetters.arn}}');
    expect(queue.dlq.retry).toBeGreaterThanOrEqual(3);
    expect(deadLetters.transform.queue.messageRetentionSeconds).toBe(14 * 24 * 3600);
  });

  it('hides a message for at least six function timeouts plus the batching window', async () => {
    const { queue, fn, subscription } = await ingest();
    expect(seconds(queue.visibilityTimeout)).toBeGreaterThanOrEqual(
      6 * seconds(fn.timeout) + seconds(subscription.batch.window),
    );
    expect(seconds(queue.visibilityTimeout)).toBeLessThanOrEqual(12 * 3600);
  });
});

describe('the web app', () => {
  it('builds packages/web with the API URL in its environment', async () => {
    const site = (await evaluate('production')).one('sst.aws.StaticSite', 'Web');
    expect(site.path).toBe('packages/web');
    const pkg = JSON.parse(readFileSync(join(ROOT, site.path, 'package.json'), 'utf8'));
    expect(site.build.command).toBe('npm run build');
    expect(pkg.scripts.build).toBeTruthy();
    const vite = (await import(join(ROOT, site.path, 'vite.config.ts'))).default;
    expect(site.build.output).toBe(vite.build.outDir);
    expect(site.environment).toEqual({ VITE_GONGKAI_API_URL: '{{sst.aws.Function:Api.url}}' });
    // …which is the variable the app reads.
    const client = readFileSync(join(ROOT, site.path, 'src/client.ts'), 'utf8');
    expect(client).toContain('import.meta.env.VITE_GONGKAI_API_URL');
    expect(site.router).toEqual({ instance: '{{sst.aws.Router:Router}}' });
    // SST's generated env types stay out of the app's sources (they would clash with its own).
    const types = join(ROOT, site.path, site.vite.types);
    expect(types.startsWith(join(ROOT, '.sst/'))).toBe(true);
  });
});
