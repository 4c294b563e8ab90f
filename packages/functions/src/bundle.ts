/**
 * The Lambda bundles: a handler (`lambda.ts`, the API, or `ingest-lambda.ts`) and everything it
 * imports, the AWS SDK included (it imports faster bundled than resolved file by file from
 * node_modules, and the tested SDK version ships), as one minified ESM file for the nodejs22.x
 * runtime, as SST builds it; and a way to run that file as Lambda would, in a fresh node process,
 * for the bundle tests and the cold-start benchmark.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const LAMBDA_ENTRY = fileURLToPath(new URL('./lambda.ts', import.meta.url));
export const BUNDLE_FILE_NAME = 'graphql.mjs';

/** A handler's source file and the name of its bundle. */
export interface LambdaTarget {
  entry: string;
  fileName: string;
}

/** The GraphQL API (Function URL / API Gateway HTTP API events). */
export const API_LAMBDA: LambdaTarget = { entry: LAMBDA_ENTRY, fileName: BUNDLE_FILE_NAME };

/** The ingest worker (SQS events carrying S3 notifications). */
export const INGEST_LAMBDA: LambdaTarget = {
  entry: fileURLToPath(new URL('./ingest-lambda.ts', import.meta.url)),
  fileName: 'ingest.mjs',
};

/**
 * Bundled CommonJS modules call `require` for node builtins; ESM output has none, so the bundle
 * makes one (without it the import fails with "Dynamic require of "node:buffer" is not supported").
 */
export const REQUIRE_BANNER =
  "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);";

export interface LambdaBundle {
  /** Absolute path of the written `.mjs`. */
  file: string;
  bytes: number;
  gzipBytes: number;
  /** The largest packages in the bundle by minified bytes, biggest first. */
  largest: { name: string; bytes: number }[];
}

/** Builds `OUTDIR/graphql.mjs` (or the target's file); the handler is its `handler` export. */
export async function bundleLambda(
  outDir: string,
  target: LambdaTarget = API_LAMBDA,
): Promise<LambdaBundle> {
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, target.fileName);
  const result = await build({
    entryPoints: [target.entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    minify: true,
    sourcemap: false,
    banner: { js: REQUIRE_BANNER },
    metafile: true,
    logLevel: 'silent',
  });
  const contents = await readFile(file);
  const output = Object.values(result.metafile.outputs)[0];
  return {
    file,
    bytes: contents.length,
    gzipBytes: gzipSync(contents).length,
    largest: output ? largestPackages(output.inputs, 8) : [],
  };
}

function largestPackages(
  inputs: Record<string, { bytesInOutput: number }>,
  count: number,
): { name: string; bytes: number }[] {
  const sizes = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const name = packageOf(path);
    sizes.set(name, (sizes.get(name) ?? 0) + bytesInOutput);
  }
  return [...sizes]
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}

/** `node_modules/@scope/pkg/…` → `@scope/pkg`; the repository's own sources → `@gongkai/<pkg>`. */
function packageOf(path: string): string {
  const at = path.lastIndexOf('node_modules/');
  if (at >= 0) {
    const parts = path.slice(at + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? path);
  }
  const own = /packages\/([^/]+)\//.exec(path);
  return own ? `@gongkai/${own[1]}` : path;
}

/** A Function URL / API Gateway HTTP API (payload 2.0) event, as AWS sends it. */
export interface HttpEventInit {
  method?: string;
  path?: string;
  /** Without the `?`. */
  rawQueryString?: string;
  /** Lower-case names, as AWS delivers them. */
  headers?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
  sourceIp?: string;
}

const DOMAIN = 'abcdefghijklmnopqrstuvwxyz012345.lambda-url.ap-east-1.on.aws';
const API_DOMAIN = 'a1b2c3d4e5.execute-api.ap-east-1.amazonaws.com';

/** A Function URL event: the `$default` route of a domain of its own. */
export function functionUrlEvent(init: HttpEventInit = {}) {
  return httpEvent(init, { domain: DOMAIN, accountId: 'anonymous', route: () => '$default' });
}

/**
 * An API Gateway HTTP API event: the same payload 2.0, but from an execute-api domain, with the
 * matched route (`POST /graphql`) and the account in the request context.
 */
export function httpApiEvent(init: HttpEventInit = {}) {
  return httpEvent(init, {
    domain: API_DOMAIN,
    accountId: '123456789012',
    route: (method, path) => `${method} ${path}`,
  });
}

function httpEvent(
  init: HttpEventInit,
  source: { domain: string; accountId: string; route: (method: string, path: string) => string },
) {
  const method = init.method ?? 'POST';
  const path = init.path ?? '/graphql';
  const rawQueryString = init.rawQueryString ?? '';
  const routeKey = source.route(method, path);
  const apiId = source.domain.split('.')[0] as string;
  const now = new Date();
  const headers: Record<string, string> = {
    host: source.domain,
    'user-agent': 'gongkai-bench/1.0',
    accept: 'application/graphql-response+json, application/json',
    'x-amzn-trace-id': 'Root=1-67891233-abcdef012345678912345678',
    'x-forwarded-for': init.sourceIp ?? '203.0.113.7',
    'x-forwarded-port': '443',
    'x-forwarded-proto': 'https',
    ...init.headers,
  };
  const queryStringParameters = rawQueryString
    ? Object.fromEntries(new URLSearchParams(rawQueryString))
    : undefined;
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString,
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    requestContext: {
      accountId: source.accountId,
      apiId,
      domainName: source.domain,
      domainPrefix: apiId,
      http: {
        method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp: init.sourceIp ?? '203.0.113.7',
        userAgent: headers['user-agent'] as string,
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(init.body !== undefined ? { body: init.body } : {}),
    isBase64Encoded: init.isBase64Encoded ?? false,
  };
}

export interface BundleInvocation<R = LambdaResponse> {
  /** performance.now() when the child's script began: the process's own start-up. */
  bootMs: number;
  /** `await import(bundle)` alone. */
  importMs: number;
  /** One per event, in order; the first includes the container's lazy set-up. */
  results: { ms: number; response: R }[];
  /** Spawn to exit, as the parent saw it. */
  wallMs: number;
  /** What the child printed besides its result (the handler's log lines). */
  stdout: string;
  /** What the child logged (masked errors with their references). */
  stderr: string;
}

export interface LambdaResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
}

/** Precedes the child's result on stdout, so that a handler may log there as on Lambda. */
const RESULT_MARKER = '\u0000gongkai-invocation-result\u0000';

/**
 * Runs in a fresh `node`: reads { bundle, events, functionName } from stdin, imports the bundle
 * (timed), calls `handler` with each event in turn (timed) and prints the outcome as JSON.
 */
const INVOKER = `
const bootMs = performance.now();
let input = '';
for await (const chunk of process.stdin) input += chunk;
const { bundle, events, functionName } = JSON.parse(input);
const t0 = performance.now();
const mod = await import(bundle);
const importMs = performance.now() - t0;
const context = {
  callbackWaitsForEmptyEventLoop: true, functionName, functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:ap-east-1:000000000000:function:' + functionName,
  memoryLimitInMB: '1024', awsRequestId: 'local', logGroupName: '/aws/lambda/' + functionName,
  logStreamName: 'local', getRemainingTimeInMillis: () => 30000, done() {}, fail() {}, succeed() {},
};
const results = [];
for (const event of events) {
  const t = performance.now();
  const response = await mod.handler(event, context);
  results.push({ ms: performance.now() - t, response });
}
process.stdout.write(${JSON.stringify(RESULT_MARKER)} + JSON.stringify({ bootMs, importMs, results }), () => process.exit(0));
`;

/**
 * Imports the bundle in a fresh `node` process (no TypeScript loader: the real bundle runs) and
 * invokes its handler with `events`. `env` is the child's whole environment besides PATH.
 */
export function invokeBundleInChild<R = LambdaResponse>(
  file: string,
  events: unknown[],
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<BundleInvocation<R>> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', INVOKER], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - start;
      if (code !== 0) {
        fail(new Error(`bundle child exited with ${signal ?? code}: ${stderr.slice(0, 2000)}`));
        return;
      }
      const at = stdout.lastIndexOf(RESULT_MARKER);
      try {
        if (at < 0) throw new Error('no result');
        done({
          ...(JSON.parse(stdout.slice(at + RESULT_MARKER.length)) as Omit<
            BundleInvocation<R>,
            'wallMs' | 'stdout' | 'stderr'
          >),
          wallMs,
          stdout: stdout.slice(0, at),
          stderr,
        });
      } catch {
        fail(
          new Error(
            `bundle child printed no result: ${stdout.slice(-500)} ${stderr.slice(0, 500)}`,
          ),
        );
      }
    });
    const functionName = basename(file).replace(/\.m?js$/, '');
    child.stdin.end(JSON.stringify({ bundle: pathToFileURL(file).href, events, functionName }));
  });
}
