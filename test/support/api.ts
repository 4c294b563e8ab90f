import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createRequestHandler } from '../../packages/cli/src/commands/serve.ts';
import type { StaticSite } from '../../packages/cli/src/web/static-site.ts';
import { ingestFiles, listSourceFiles } from '../../packages/core/src/index.ts';
import {
  type ApiDeps,
  apiRequestListener,
  CSRF_HEADER,
  cachedSearchIndex,
  createApi,
  DEFAULT_LIMITS,
  GRAPHQL_PATH,
  type ListeningApi,
  listenApi,
  moderatorKey,
  nodeClientAddress,
  signModeratorToken,
} from '../../packages/functions/src/index.ts';
import { freshStore, type TestStore } from './store.ts';

export const SAMPLE_REPORTS = join(import.meta.dirname, '../fixtures/corpus/reports');
export const TEST_SECRET = 'test-secret-that-is-at-least-32-characters-long';

export interface TestApi {
  /** The GraphQL endpoint. */
  url: string;
  /** The server's root, where the web app is served when one was given. */
  base: string;
  store: TestStore;
  deps: ApiDeps;
  /** Masked errors logged by the API, with their references. */
  logged: string[];
  /** POSTs a GraphQL operation as JSON; returns the parsed body and the status. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: { data?: T; errors?: GqlError[] } }>;
  moderatorToken(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface TestApiOptions {
  ingest?: boolean;
  now?: () => Date;
  limits?: ApiDeps['limits'];
  /** Serve this built web app beside the API, as `npm start` does. */
  web?: StaticSite;
}

/** The API mounted in the local stack's own handler, with the app at every other path. */
async function listenWithApp(
  api: ReturnType<typeof createApi>,
  store: TestStore,
  web: StaticSite,
): Promise<ListeningApi> {
  const server = createServer(
    createRequestHandler({
      store,
      api: apiRequestListener(api),
      web,
      endpoint: 'test',
      table: 'test',
    }),
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${GRAPHQL_PATH}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const store = await freshStore();
  if (options.ingest !== false) {
    const { files } = await listSourceFiles([SAMPLE_REPORTS]);
    await ingestFiles(store, files, { concurrency: 4 });
  }
  store.meter.reset();
  const now = options.now ?? (() => new Date());
  const deps: ApiDeps = {
    store,
    search: cachedSearchIndex(store, now),
    limits: options.limits ?? DEFAULT_LIMITS,
    now,
    moderatorSecret: moderatorKey(TEST_SECRET),
  };
  const logged: string[] = [];
  const api = createApi({
    deps,
    graphiql: true,
    log: (line) => logged.push(line),
    // Tests play several people from one machine: a header stands for their addresses.
    clientAddress: (ctx) => {
      const req = ctx.req as { headers: Record<string, string | undefined> } | undefined;
      return req?.headers['x-test-client'] ?? nodeClientAddress(ctx);
    },
  });
  const server = options.web ? await listenWithApp(api, store, options.web) : await listenApi(api);
  const { url, close } = server;
  afterAll(close);
  return {
    url,
    base: url.slice(0, -GRAPHQL_PATH.length),
    store,
    deps,
    logged,
    async gql(query, variables, headers) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as never };
    },
    moderatorToken: (name) =>
      signModeratorToken(moderatorKey(TEST_SECRET) as Uint8Array, name, now()),
    close,
  };
}

export { CSRF_HEADER };
