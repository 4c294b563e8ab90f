/**
 * `gongkai serve` (`npm start`): the local stack. DynamoDB Local keeping its data in a folder (or
 * the DynamoDB at DYNAMODB_ENDPOINT), the bundled sample reports loaded on first run, and one HTTP
 * server with the GraphQL API (and GraphiQL) at /graphql and the web app everywhere else.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type DbConfig,
  type DynamoDbLocal,
  dbConfigFromEnv,
  ensureTable,
  type IngestSummary,
  ingestFiles,
  JavaMissingError,
  listSourceFiles,
  openStore,
  type Store,
  startDynamoDbLocal,
} from '@gongkai/core';
import {
  apiRequestListener,
  createApi,
  depsFromEnv,
  GRAPHQL_PATH,
  moderatorKey,
  nodeClientAddress,
  signModeratorToken,
} from '@gongkai/functions';
import { buildWebApp, DEFAULT_OUT_DIR } from '@gongkai/web/build';
import type { Io } from '../io.ts';
import { loadStaticSite, type StaticSite, serveStatic } from '../web/static-site.ts';
import { describeDatabase, errorReason, quietSdkWarning, summaryLine } from './ingest.ts';

export const SERVE_USAGE = `Usage: gongkai serve     (also: npm start)

Runs Gongkai locally and prints the URLs; Ctrl-C stops everything it started.

Environment:
  DYNAMODB_ENDPOINT   use this DynamoDB instead of starting DynamoDB Local
  DYNAMODB_PORT       port for DynamoDB Local (default 8000)
  GONGKAI_DATA_DIR    where DynamoDB Local keeps its data (default .data)
  GONGKAI_TABLE       table name (default gongkai)
  PORT, HOST          where the web server listens (default 4000, 127.0.0.1)
  GONGKAI_WEB_DIR     serve the web app already built there, instead of building it now
  GONGKAI_MODERATOR_SECRET  signs moderator tokens (at least 32 characters); without it a
                      random secret is made for this run and a moderator token printed
  GONGKAI_SUBMIT_LIMIT, GONGKAI_SUBMIT_WINDOW  corrections per address per window (20 per 3600 s)

On first run (a new table) the bundled sample reports are loaded.
`;

/** The repository root, from this file's place in it (not the working directory). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const SAMPLE_REPORTS = join(REPO_ROOT, 'test/fixtures/corpus/reports');

/** An expected start-up failure, with a one-line message saying what to do. */
export class StackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StackError';
  }
}

export interface LocalStackOptions {
  env?: NodeJS.ProcessEnv;
  /** Base of a relative GONGKAI_DATA_DIR (default: the working directory). */
  cwd?: string;
  /** Progress lines. */
  log?: (line: string) => void;
}

export interface LocalStackUrls {
  web: string;
  health: string;
  /** The GraphQL endpoint; GraphiQL when opened in a browser. */
  graphql: string;
  dynamodb: string;
  /** DynamoDB Local's data folder; null when DYNAMODB_ENDPOINT points elsewhere. */
  data: string | null;
}

export interface LocalStack {
  urls: LocalStackUrls;
  table: string;
  /** The sample reports' ingest summary on first run; null otherwise. */
  samples: IngestSummary | null;
  /** A moderator token for this run when no secret is configured (local use only). */
  moderatorToken: string | null;
  /** Closes the HTTP server and the store and stops DynamoDB Local if it was started here. */
  stop(): Promise<void>;
}

export function parsePort(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 65535)
    throw new StackError(`${name} must be a port number (0-65535), not '${value}'`);
  return n;
}

/** Whether nothing listens on `port` (checked on every interface, as DynamoDB Local binds them all). */
export function portFree(port: number, host?: string): Promise<boolean> {
  return new Promise((done) => {
    const probe = createNetServer();
    probe.unref();
    probe.once('error', () => done(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => done(true)));
  });
}

export interface HandlerContext {
  store: Store;
  /** The GraphQL API, served at GRAPHQL_PATH. */
  api?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** The built web app, served at every other path. */
  web?: StaticSite;
  /** Shown by /health. */
  endpoint: string;
  table: string;
}

function send(
  res: ServerResponse,
  req: IncomingMessage,
  status: number,
  type: string,
  body: string,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, {
    'content-type': type,
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * The HTTP handler of the local stack: the API at /graphql, `/health`, and the web app at every
 * other path; 404 for what is neither.
 */
export function createRequestHandler(
  ctx: HandlerContext,
): (req: IncomingMessage, res: ServerResponse) => void {
  const json = 'application/json; charset=utf-8';
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === GRAPHQL_PATH && ctx.api) {
      void ctx.api(req, res);
      return;
    }
    const readOnly = req.method === 'GET' || req.method === 'HEAD';
    const isApp = path !== '/health' && path !== GRAPHQL_PATH;
    if (isApp && ctx.web && readOnly && serveStatic(ctx.web, req, res)) return;
    if (path !== '/health') {
      send(res, req, 404, json, `${JSON.stringify({ error: 'not found', path })}\n`);
      return;
    }
    if (!readOnly) {
      send(res, req, 405, json, `${JSON.stringify({ error: 'method not allowed' })}\n`, {
        allow: 'GET, HEAD',
      });
      return;
    }
    const work = ctx.store.db.entities.agency.query
      .byRegion({ province: '00' })
      .go({ limit: 1 })
      .then(
        () =>
          send(
            res,
            req,
            200,
            json,
            `${JSON.stringify({ ok: true, dynamodb: ctx.endpoint, table: ctx.table })}\n`,
          ),
        (error: unknown) =>
          send(
            res,
            req,
            503,
            json,
            `${JSON.stringify({ ok: false, dynamodb: ctx.endpoint, table: ctx.table, error: errorReason(error) })}\n`,
          ),
      );
    work.catch(() => {
      if (!res.headersSent)
        send(res, req, 500, json, `${JSON.stringify({ error: 'internal error' })}\n`);
      else res.destroy();
    });
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((done, fail) => {
    const onError = (error: NodeJS.ErrnoException) => {
      fail(
        error.code === 'EADDRINUSE' || error.code === 'EACCES'
          ? new StackError(
              `port ${port} on ${host} is ${error.code === 'EADDRINUSE' ? 'in use' : 'not allowed'}: set PORT to a free port (e.g. PORT=4001 npm start)`,
            )
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      done(typeof address === 'object' && address ? address.port : port);
    });
  });
}

const urlHost = (host: string) =>
  host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

/** The web app from a prebuilt folder, or built now from source so it is never stale. */
async function loadWebApp(dir: string | null, log: (line: string) => void): Promise<StaticSite> {
  if (dir) return loadStaticSite(resolve(dir));
  log('Building the web app…\n');
  try {
    return await loadStaticSite(await buildWebApp({ outDir: DEFAULT_OUT_DIR }));
  } catch (error) {
    throw new StackError(`could not build the web app: ${errorReason(error)}`);
  }
}

/** Starts the local stack; everything it started is stopped by the returned `stop()`, or on failure. */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  quietSdkWarning();
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const cleanups: (() => Promise<void> | void)[] = [];
  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    })();
    return stopped;
  };

  try {
    const port = parsePort('PORT', env.PORT, 4000);
    const host = env.HOST?.trim() || '127.0.0.1';
    if (port !== 0 && !(await portFree(port, host))) {
      throw new StackError(
        `port ${port} is in use: set PORT to a free port (e.g. PORT=4001 npm start)`,
      );
    }

    let endpoint = env.DYNAMODB_ENDPOINT?.trim() || undefined;
    let data: string | null = null;
    if (!endpoint) {
      const dbPort = parsePort('DYNAMODB_PORT', env.DYNAMODB_PORT, 8000);
      data = join(
        resolve(options.cwd ?? process.cwd(), env.GONGKAI_DATA_DIR?.trim() || '.data'),
        'dynamodb',
      );
      if (dbPort !== 0 && !(await portFree(dbPort))) {
        throw new StackError(
          `port ${dbPort} for DynamoDB Local is in use: set DYNAMODB_PORT to a free port (e.g. DYNAMODB_PORT=8001 npm start), or DYNAMODB_ENDPOINT to use the DynamoDB already running there`,
        );
      }
      log(`Starting DynamoDB Local (data in ${data})…\n`);
      const local: DynamoDbLocal = await startDynamoDbLocal({
        dbPath: data,
        port: dbPort === 0 ? undefined : dbPort,
      });
      cleanups.push(() => local.stop());
      endpoint = local.endpoint;
    }

    const config: DbConfig = dbConfigFromEnv({ ...env, DYNAMODB_ENDPOINT: endpoint });
    const store = openStore(config);
    cleanups.push(() => store.close());
    let created: boolean;
    try {
      created = await ensureTable(store.client, config.tableName);
    } catch (error) {
      const hint = env.DYNAMODB_ENDPOINT?.trim()
        ? 'check DYNAMODB_ENDPOINT, or unset it to let gongkai serve start DynamoDB Local'
        : 'DynamoDB Local stopped answering';
      throw new StackError(
        `cannot reach ${describeDatabase(config)} (${errorReason(error)}); ${hint}`,
      );
    }

    let samples: IngestSummary | null = null;
    if (created) {
      log(`New table '${config.tableName}': loading the bundled sample reports…\n`);
      const { files } = await listSourceFiles([SAMPLE_REPORTS]);
      samples = await ingestFiles(store, files, { base: SAMPLE_REPORTS });
      log(`Loaded the sample reports: ${summaryLine(samples)}\n`);
      for (const f of samples.failed) log(`  failed: ${f.file}: ${f.reason}\n`);
    }

    // Moderation works locally without configuration: a secret for this run only.
    const configured = env.GONGKAI_MODERATOR_SECRET?.trim();
    const secret = configured || randomBytes(32).toString('base64url');
    const deps = depsFromEnv({ ...env, GONGKAI_MODERATOR_SECRET: secret }, store);
    const moderatorToken = configured
      ? null
      : await signModeratorToken(moderatorKey(secret) as Uint8Array, 'local-moderator', new Date());
    const api = apiRequestListener(
      createApi({ deps, graphiql: true, clientAddress: nodeClientAddress }),
    );
    const web = await loadWebApp(env.GONGKAI_WEB_DIR?.trim() || null, log);
    const server = createServer(
      createRequestHandler({ store, api, web, endpoint, table: config.tableName }),
    );
    const bound = await listen(server, port, host);
    cleanups.push(
      () =>
        new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
    );
    const base = `http://${urlHost(host)}:${bound}/`;
    return {
      urls: {
        web: base,
        health: `${base}health`,
        graphql: `${base}${GRAPHQL_PATH.slice(1)}`,
        dynamodb: endpoint,
        data,
      },
      table: config.tableName,
      samples,
      moderatorToken,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export function formatUrls(stack: LocalStack): string {
  return [
    'Gongkai is running:',
    `  Web app:   ${stack.urls.web}`,
    `  GraphQL:   ${stack.urls.graphql} (GraphiQL in a browser)`,
    `  Health:    ${stack.urls.health}`,
    `  DynamoDB:  ${stack.urls.dynamodb} (table ${stack.table})`,
    `  Data:      ${stack.urls.data ?? 'kept by the DynamoDB at DYNAMODB_ENDPOINT'}`,
    ...(stack.moderatorToken
      ? [`  Moderator token for this run (Authorization: Bearer …):`, `    ${stack.moderatorToken}`]
      : []),
    'Press Ctrl-C to stop',
    '',
  ].join('\n');
}

/** Runs the stack until SIGINT or SIGTERM, then stops everything it started and returns 0. */
export async function serveCommand(args: string[], io: Io): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.out(SERVE_USAGE);
    return 0;
  }
  if (args.length > 0) {
    io.err(`gongkai serve: unexpected argument '${args[0]}'\n\n${SERVE_USAGE}`);
    return 2;
  }
  // Listening from the start: a signal during start-up stops the stack once it is up.
  let signalled = false;
  let wake: (() => void) | null = null;
  const onSignal = () => {
    signalled = true;
    wake?.();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    let stack: LocalStack;
    try {
      stack = await startLocalStack({ log: io.out });
    } catch (error) {
      if (error instanceof JavaMissingError || error instanceof StackError) {
        io.err(`gongkai serve: ${error.message}\n`);
        return 2;
      }
      io.err(`gongkai serve: could not start: ${errorReason(error)}\n`);
      return 1;
    }
    if (!signalled) {
      io.out(formatUrls(stack));
      await new Promise<void>((done) => {
        wake = done;
      });
    }
    io.out('Stopping…\n');
    await stack.stop();
    io.out('Stopped.\n');
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
