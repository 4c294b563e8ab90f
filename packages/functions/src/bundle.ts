/**
 * The Lambda bundle: `lambda.ts` and everything it imports, the AWS SDK included (it imports
 * faster bundled than resolved file by file from node_modules, and the tested SDK version ships),
 * as one minified ESM file for the nodejs22.x runtime; and a way to run that file as Lambda would,
 * in a fresh node process, for the bundle test and the cold-start benchmark.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const LAMBDA_ENTRY = fileURLToPath(new URL('./lambda.ts', import.meta.url));
export const BUNDLE_FILE_NAME = 'graphql.mjs';

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

/** Builds `OUTDIR/graphql.mjs`; the Lambda handler is its `handler` export. */
export async function bundleLambda(outDir: string): Promise<LambdaBundle> {
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, BUNDLE_FILE_NAME);
  const result = await build({
    entryPoints: [LAMBDA_ENTRY],
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

export function functionUrlEvent(init: HttpEventInit = {}) {
  const method = init.method ?? 'POST';
  const path = init.path ?? '/graphql';
  const rawQueryString = init.rawQueryString ?? '';
  const now = new Date();
  const headers: Record<string, string> = {
    host: DOMAIN,
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
    routeKey: '$default',
    rawPath: path,
    rawQueryString,
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    requestContext: {
      accountId: 'anonymous',
      apiId: DOMAIN.split('.')[0] as string,
      domainName: DOMAIN,
      domainPrefix: DOMAIN.split('.')[0] as string,
      http: {
        method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp: init.sourceIp ?? '203.0.113.7',
        userAgent: headers['user-agent'] as string,
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(init.body !== undefined ? { body: init.body } : {}),
    isBase64Encoded: init.isBase64Encoded ?? false,
  };
}

export interface BundleInvocation {
  /** performance.now() when the child's script began: the process's own start-up. */
  bootMs: number;
  /** `await import(bundle)` alone. */
  importMs: number;
  /** One per event, in order; the first includes the container's lazy set-up. */
  results: { ms: number; response: LambdaResponse }[];
  /** Spawn to exit, as the parent saw it. */
  wallMs: number;
  /** What the child logged (masked errors with their references). */
  stderr: string;
}

export interface LambdaResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
}

/**
 * Runs in a fresh `node`: reads { bundle, events } from stdin, imports the bundle (timed), calls
 * `handler` with each event in turn (timed) and prints the outcome as JSON.
 */
const INVOKER = `
const bootMs = performance.now();
let input = '';
for await (const chunk of process.stdin) input += chunk;
const { bundle, events } = JSON.parse(input);
const t0 = performance.now();
const mod = await import(bundle);
const importMs = performance.now() - t0;
const context = {
  callbackWaitsForEmptyEventLoop: true, functionName: 'graphql', functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:ap-east-1:000000000000:function:graphql', memoryLimitInMB: '1024',
  awsRequestId: 'local', logGroupName: '/aws/lambda/graphql', logStreamName: 'local',
  getRemainingTimeInMillis: () => 30000, done() {}, fail() {}, succeed() {},
};
const results = [];
for (const event of events) {
  const t = performance.now();
  const response = await mod.handler(event, context);
  results.push({ ms: performance.now() - t, response });
}
process.stdout.write(JSON.stringify({ bootMs, importMs, results }), () => process.exit(0));
`;

/**
 * Imports the bundle in a fresh `node` process (no TypeScript loader: the real bundle runs) and
 * invokes its handler with `events`. `env` is the child's whole environment besides PATH.
 */
export function invokeBundleInChild(
  file: string,
  events: unknown[],
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<BundleInvocation> {
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
      try {
        done({
          ...(JSON.parse(stdout) as Omit<BundleInvocation, 'wallMs' | 'stderr'>),
          wallMs,
          stderr,
        });
      } catch {
        fail(
          new Error(
            `bundle child printed no result: ${stdout.slice(0, 500)} ${stderr.slice(0, 500)}`,
          ),
        );
      }
    });
    child.stdin.end(JSON.stringify({ bundle: pathToFileURL(file).href, events }));
  });
}
