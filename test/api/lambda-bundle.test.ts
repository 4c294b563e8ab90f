/**
 * The Lambda bundle as deployed: esbuild's output imported by a fresh `node` (no TypeScript
 * loader), its `handler` called with Function URL and API Gateway HTTP API (payload 2.0) events
 * against DynamoDB Local.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type BundleInvocation,
  bundleLambda,
  functionUrlEvent,
  httpApiEvent,
  invokeBundleInChild,
  type LambdaBundle,
  type LambdaResponse,
} from '../../packages/functions/src/bundle.ts';
import { CSRF_HEADER, MAX_BODY_BYTES } from '../../packages/functions/src/index.ts';
import { startTestApi, TEST_SECRET } from '../support/api.ts';

const JSON_HEADERS = { 'content-type': 'application/json' };
const SEARCH =
  'query($q: String!) { agencies(search: $q, first: 5) { edges { node { id name regionPath reportCount } } } }';
const REVIEW = `mutation($id: ID!) {
  reviewCorrection(input: { correction: $id, decision: ACCEPT, reason: "checked" }) {
    __typename
    ... on Error { message }
  }
}`;

/** What the handler is asked, in order; one child process answers them all. */
const events = {
  post: functionUrlEvent({
    headers: JSON_HEADERS,
    body: JSON.stringify({ query: SEARCH, variables: { q: '平潭' } }),
  }),
  httpApi: httpApiEvent({
    headers: JSON_HEADERS,
    body: JSON.stringify({ query: SEARCH, variables: { q: '平潭' } }),
  }),
  base64: functionUrlEvent({
    headers: JSON_HEADERS,
    body: Buffer.from(JSON.stringify({ query: SEARCH, variables: { q: '平潭' } })).toString(
      'base64',
    ),
    isBase64Encoded: true,
  }),
  get: functionUrlEvent({
    method: 'GET',
    rawQueryString: new URLSearchParams({
      query: SEARCH,
      variables: JSON.stringify({ q: '平潭' }),
    }).toString(),
    headers: { [CSRF_HEADER]: '1' },
  }),
  getWithoutCsrf: functionUrlEvent({
    method: 'GET',
    rawQueryString: new URLSearchParams({ query: '{ __typename }' }).toString(),
  }),
  malformed: functionUrlEvent({
    headers: JSON_HEADERS,
    body: JSON.stringify({ query: '{ agencies(search: "平潭" { edges' }),
  }),
  oversized: functionUrlEvent({
    headers: JSON_HEADERS,
    body: JSON.stringify({ query: `{ __typename }${' '.repeat(MAX_BODY_BYTES)}` }),
  }),
  review: functionUrlEvent({
    headers: JSON_HEADERS,
    body: JSON.stringify({
      query: REVIEW,
      variables: { id: Buffer.from('Correction:nothing').toString('base64') },
    }),
  }),
};
type EventName = keyof typeof events;

let dir: string;
let bundle: LambdaBundle;
let run: BundleInvocation;
const responses = {} as Record<EventName, LambdaResponse>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gongkai-lambda-'));
  const [built, api] = await Promise.all([bundleLambda(dir), startTestApi()]);
  bundle = built;
  run = await bundleInvocation(api.store.config.tableName);
  const names = Object.keys(events) as EventName[];
  for (const [i, name] of names.entries()) {
    responses[name] = (run.results[i] as { response: LambdaResponse }).response;
  }
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function bundleInvocation(tableName: string): Promise<BundleInvocation> {
  return invokeBundleInChild(bundle.file, Object.values(events), {
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    GONGKAI_TABLE: tableName,
    AWS_REGION: 'local',
    // DynamoDB Local accepts any key made of letters and digits only.
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    GONGKAI_MODERATOR_SECRET: TEST_SECRET,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
}

/** Header names are case-insensitive; yoga's own headers keep their capitals ("Content-Type"). */
function header(response: LambdaResponse, name: string): string | undefined {
  const found = Object.entries(response.headers).filter(([n]) => n.toLowerCase() === name);
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0]?.[1];
}

function json(response: LambdaResponse): {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
} {
  expect(response.isBase64Encoded).toBe(false);
  return JSON.parse(response.body);
}

function agencyNames(response: LambdaResponse): string[] {
  const data = json(response).data as {
    agencies: { edges: { node: { name: string; reportCount: number } }[] };
  };
  return data.agencies.edges.map((e) => e.node.name);
}

/** No stack, file path, AWS or table detail in what a client sees. */
function expectNothingInternal(body: string): void {
  expect(body).not.toMatch(
    /node_modules|\.mjs|\.ts\b|\bat [\w.<]+ \(|stack|dynamodb|aws|GONGKAI|t-[0-9a-f]{8}-/i,
  );
}

describe('the Lambda bundle', () => {
  it('is one minified ESM file', () => {
    expect(bundle.file.endsWith('.mjs')).toBe(true);
    expect(bundle.bytes).toBeGreaterThan(100_000);
    expect(bundle.gzipBytes).toBeLessThan(bundle.bytes / 2);
    expect(run.importMs).toBeGreaterThan(0);
    // Masked errors are logged with their reference: none happened.
    expect(run.stderr).not.toMatch(/unexpected error/i);
  });

  it('answers a POSTed JSON query with real data', () => {
    const response = responses.post;
    expect(response.statusCode).toBe(200);
    expect(header(response, 'content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    const body = json(response);
    expect(body.errors).toBeUndefined();
    const names = agencyNames(response);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.includes('平潭'))).toBe(true);
    const edges = (body.data as { agencies: { edges: { node: { reportCount: number } }[] } })
      .agencies.edges;
    expect(edges.some((e) => e.node.reportCount > 1)).toBe(true);
  });

  it('answers the same query sent through API Gateway (HTTP API, route POST /graphql)', () => {
    expect(events.httpApi.routeKey).toBe('POST /graphql');
    expect(events.httpApi.requestContext.domainName).toMatch(/\.execute-api\./);
    const response = responses.httpApi;
    expect(response.statusCode).toBe(200);
    expect(header(response, 'content-type')).toMatch(/json/);
    expect(json(response).errors).toBeUndefined();
    expect(agencyNames(response)).toEqual(agencyNames(responses.post));
  });

  it('decodes a base64-encoded body', () => {
    expect(responses.base64.statusCode).toBe(200);
    expect(agencyNames(responses.base64)).toEqual(agencyNames(responses.post));
  });

  it('answers GET with the query string when the CSRF header is sent', () => {
    expect(responses.get.statusCode).toBe(200);
    expect(header(responses.get, 'content-type')).toMatch(/json/);
    expect(agencyNames(responses.get)).toEqual(agencyNames(responses.post));
  });

  it('refuses GET without the CSRF header', () => {
    expect(responses.getWithoutCsrf.statusCode).toBe(403);
    expect(responses.getWithoutCsrf.body).not.toContain('__typename":"Query');
  });

  it('answers a malformed query with 400 and a syntax error, nothing internal', () => {
    const response = responses.malformed;
    expect(response.statusCode).toBe(400);
    expect(header(response, 'content-type')).toMatch(/json/);
    const body = json(response);
    expect(body.data ?? undefined).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/^Syntax Error/);
    expectNothingInternal(response.body);
  });

  it('refuses an oversized body with 413', () => {
    const response = responses.oversized;
    expect(response.statusCode).toBe(413);
    expect(header(response, 'content-type')).toMatch(/json/);
    expect(json(response).errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('gives a typed NotAuthenticatedError to a review without a token', () => {
    const response = responses.review;
    expect(response.statusCode).toBe(200);
    const body = json(response);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      reviewCorrection: {
        __typename: 'NotAuthenticatedError',
        message: expect.stringMatching(/moderator/),
      },
    });
    expectNothingInternal(response.body);
  });
});
