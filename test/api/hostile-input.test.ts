/**
 * Hostile and malformed requests over real HTTP. Every case states the status, a clear message
 * and its code; no response may leak internals; none may be an unexpected server error.
 */
import { request as httpRequest } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  COMPLEXITY_LIMIT,
  MAX_BODY_BYTES,
  MAX_TOKENS,
} from '../../packages/functions/src/index.ts';
import { CSRF_HEADER, type GqlError, startTestApi, type TestApi } from '../support/api.ts';

let api: TestApi;

interface Reply {
  status: number;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: GqlError[] } | undefined;
}

async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  let body: Reply['body'];
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, text, body };
}

/** A POST of any body (JSON-encoded unless a string or bytes), as a JSON request by default. */
async function post(payload: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const body =
    typeof payload === 'string'
      ? payload
      : payload instanceof Uint8Array
        ? new Uint8Array(payload)
        : JSON.stringify(payload);
  return reply(
    await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    }),
  );
}

const gql = (query: string, variables?: Record<string, unknown>) => post({ query, variables });

async function get(
  params: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const url = new URL(api.url);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return reply(await fetch(url, { headers }));
}

/**
 * A raw node:http request, for bodies fetch will not send as asked: `declared` sets the
 * content-length (else the body goes chunked); `chunks` are written one by one.
 */
function rawPost(chunks: Buffer[], declared?: number): Promise<Reply> {
  return new Promise((done, fail) => {
    const url = new URL(api.url);
    const req = httpRequest({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(declared === undefined
          ? { 'transfer-encoding': 'chunked' }
          : { 'content-length': String(declared) }),
      },
    });
    req.on('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        let body: Reply['body'];
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
        done({ status: res.statusCode ?? 0, text, body });
      });
    });
    // The server may answer and close before the whole body is written: that is the point.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') fail(error);
    });
    const write = (i: number): void => {
      if (i >= chunks.length) {
        req.end();
        return;
      }
      if (req.destroyed) return;
      req.write(chunks[i], () => setImmediate(() => write(i + 1)));
    };
    write(0);
  });
}

const toGlobalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
/** Changes one character in the middle of a cursor, keeping it valid base64url. */
const tamper = (cursor: string) => {
  const at = Math.floor(cursor.length / 2);
  return cursor.slice(0, at) + (cursor[at] === 'A' ? 'B' : 'A') + cursor.slice(at + 1);
};

/** Real ids and cursors of the sample data, found before the table runs. */
const known = {
  agencyId: '',
  agencyGlobalId: '',
  reportGlobalId: '',
  region: '',
  regionCursor: '',
  searchCursor: '',
  reportsCursor: '',
};

beforeAll(async () => {
  api = await startTestApi();
  const found = await api.gql<{
    agencies: {
      edges: {
        cursor: string;
        node: {
          id: string;
          agencyId: string;
          regionCode: string;
          reports: { edges: { cursor: string; node: { id: string } }[] };
        };
      }[];
    };
  }>(
    `{ agencies(search: "平潭", first: 2) { edges { cursor node { id agencyId regionCode
        reports(first: 1) { edges { cursor node { id } } } } } } }`,
  );
  const edge = found.body.data?.agencies.edges.find((e) => e.node.reports.edges.length > 0);
  if (!edge) throw new Error(`no sample agency with reports: ${JSON.stringify(found.body)}`);
  known.agencyId = edge.node.agencyId;
  known.agencyGlobalId = edge.node.id;
  known.searchCursor = edge.cursor;
  known.region = edge.node.regionCode.slice(0, 2);
  known.reportGlobalId = edge.node.reports.edges[0]?.node.id ?? '';
  known.reportsCursor = edge.node.reports.edges[0]?.cursor ?? '';
  const listed = await api.gql<{ agencies: { edges: { cursor: string }[] } }>(
    `query($r: String) { agencies(region: $r, first: 1) { edges { cursor } } }`,
    { r: known.region },
  );
  known.regionCursor = listed.body.data?.agencies.edges[0]?.cursor ?? '';
  expect(known.regionCursor).not.toBe('');
  expect(known.reportsCursor).not.toBe('');
  expect(api.logged).toEqual([]);
});

interface Case {
  name: string;
  send: () => Promise<Reply>;
  status: number;
  /** Some error's message matches; leave out when the request must succeed without errors. */
  message?: RegExp;
  /** That error's extensions.code; left out where the error has none. */
  code?: string;
  /** Checks the data of a request that succeeds, or partly succeeds. */
  data?: (data: Record<string, unknown> | null | undefined) => void;
}

const REGION_Q = (args: string) =>
  `{ agencies(region: "35", ${args}) { edges { cursor node { id } } } }`;
const PAGE_SIZE_CODE = 'BAD_USER_INPUT';

const cases: Case[] = [
  // Malformed GraphQL
  {
    name: 'syntax error',
    send: () => gql('{ agencies(first: 5 { edges } }'),
    status: 200,
    message: /^Syntax Error: Expected Name, found "\{"\./,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'syntax error, graphql-response+json',
    send: () => post({ query: '{' }, { accept: 'application/graphql-response+json' }),
    status: 400,
    message: /^Syntax Error: Expected Name, found <EOF>\./,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'line break inside a string literal',
    send: () => gql('{ agencies(search: "a\nb", first: 1) { edges { cursor } } }'),
    status: 200,
    message: /^Syntax Error: Unterminated string\./,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'unknown field',
    send: () => gql('{ agencies(region: "35", first: 1) { edges { node { secretColumn } } } }'),
    status: 200,
    message: /^Cannot query field "secretColumn" on type "Agency"\./,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'unknown argument',
    send: () => gql('{ agencies(region: "35", first: 1, orderBy: "name") { edges { cursor } } }'),
    status: 200,
    message: /^Unknown argument "orderBy" on field "Query\.agencies"\./,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'wrong argument type (literal)',
    send: () => gql('{ agencies(region: "35", first: "ten") { edges { cursor } } }'),
    status: 200,
    message: /^Int cannot represent non-integer value: "ten"/,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  // Variable coercion errors carry no code; yoga's executor answers them with 400.
  {
    name: 'wrong argument type (variable)',
    send: () =>
      gql('query($n: Int) { agencies(region: "35", first: $n) { edges { cursor } } }', {
        n: 'ten',
      }),
    status: 400,
    message:
      /^Variable "\$n" got invalid value "ten"; Int cannot represent non-integer value: "ten"$/,
  },
  {
    name: 'missing required variable',
    send: () => gql('query($id: ID!) { agency(id: $id) { id } }', {}),
    status: 400,
    message: /^Variable "\$id" of required type "ID!" was not provided\.$/,
  },
  {
    name: 'missing required argument',
    send: () => gql('{ agency { id } }'),
    status: 200,
    message: /^Field "agency" argument "id" of type "ID!" is required, but it was not provided\./,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'unknown enum value',
    send: () => gql('{ agencies(region: "35", first: 1, level: EMPEROR) { edges { cursor } } }'),
    status: 200,
    message: /^Value "EMPEROR" does not exist in "AgencyLevel" enum\./,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },

  // Bodies that are not a GraphQL request
  {
    name: 'non-JSON body',
    send: () => post('this is not json'),
    status: 400,
    message: /^POST body sent invalid JSON\.$/,
    code: 'BAD_REQUEST',
  },
  {
    name: 'truncated JSON body',
    send: () => post('{"query": "{ __typename'),
    status: 400,
    message: /^POST body sent invalid JSON\.$/,
    code: 'BAD_REQUEST',
  },
  {
    name: 'JSON string body',
    send: () => post('"{ __typename }"'),
    status: 400,
    message: /^POST body is expected to be object but received string$/,
    code: 'BAD_REQUEST',
  },
  {
    name: 'JSON number body',
    send: () => post('42'),
    status: 400,
    message: /^POST body is expected to be object but received number$/,
    code: 'BAD_REQUEST',
  },
  {
    name: 'JSON null body',
    send: () => post('null'),
    status: 400,
    message: /^POST body is expected to be object but received null$/,
    code: 'BAD_REQUEST',
  },
  {
    name: 'empty body',
    send: () => post(''),
    status: 400,
    message: /^POST body sent invalid JSON\.$/,
    code: 'BAD_REQUEST',
  },
  {
    name: 'object without query',
    send: () => post({ qeury: '{ __typename }' }),
    status: 400,
    message: /^Unexpected parameter "qeury" in the request body\.$/,
    code: 'BAD_REQUEST',
  },
  {
    name: 'query that is not a string',
    send: () => post({ query: { __typename: true } }),
    status: 400,
    message: /^Expected "query" param to be a string, but given object\.$/,
    code: 'BAD_REQUEST',
  },
  {
    name: 'variables that are not an object',
    send: () => post({ query: '{ __typename }', variables: '{"a":1}' }),
    status: 400,
    message: /^Expected "variables" param to be empty or an object, but given string\.$/,
    code: 'BAD_REQUEST',
  },
  {
    name: 'invalid UTF-8 bytes in the body',
    send: () =>
      post(
        Buffer.concat([
          Buffer.from('{"query":"{ agencies(search: \\"'),
          Buffer.from([0xff, 0xfe, 0xc3]),
          Buffer.from('\\", first: 1) { edges { cursor } } }"}'),
        ]),
      ),
    status: 200,
    data: (d) => expect(d).toEqual({ agencies: { edges: [] } }),
  },
  {
    name: 'text/plain POST without the CSRF header',
    send: () => post('{"query":"{ __typename }"}', { 'content-type': 'text/plain' }),
    status: 403,
    message: /^Required CSRF header\(s\) not present$/,
  },
  {
    name: 'text/plain POST with the CSRF header',
    send: () =>
      post('{"query":"{ __typename }"}', { 'content-type': 'text/plain', [CSRF_HEADER]: '1' }),
    status: 415,
    message: /^Unsupported content-type \(text\/plain\): send application\/json\.$/,
    code: 'BAD_REQUEST',
  },

  // Size limits
  {
    name: `oversized body with content-length (> ${MAX_BODY_BYTES} bytes)`,
    send: () => post({ query: '{ __typename }', pad: 'x'.repeat(MAX_BODY_BYTES) }),
    status: 413,
    message: new RegExp(`^Request body is larger than ${MAX_BODY_BYTES} bytes\\.$`),
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'declared huge content-length, body never sent',
    send: () => rawPost([Buffer.from('{"query":')], 1024 * 1024 * 1024),
    status: 413,
    message: new RegExp(`^Request body is larger than ${MAX_BODY_BYTES} bytes\\.$`),
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'oversized chunked body without content-length',
    send: () =>
      rawPost([
        Buffer.from('{"query":"{ __typename }","pad":"'),
        ...Array.from({ length: 12 }, () => Buffer.alloc(8 * 1024, 'x')),
        Buffer.from('"}'),
      ]),
    status: 413,
    message: new RegExp(`^Request body is larger than ${MAX_BODY_BYTES} bytes\\.$`),
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'chunked body under the limit',
    send: () => rawPost([Buffer.from('{"query":"{ __ty'), Buffer.from('pename }"}')]),
    status: 200,
    data: (d) => expect(d).toEqual({ __typename: 'Query' }),
  },
  {
    name: `query over MAX_TOKENS (${MAX_TOKENS})`,
    send: () => gql(`{ ${'__typename '.repeat(MAX_TOKENS + 10)} }`),
    status: 200,
    message: new RegExp(`^Syntax Error: Token limit of ${MAX_TOKENS} exceeded\\.`),
    code: 'GRAPHQL_PARSE_FAILED',
  },

  // Query cost
  {
    name: `too deep (> ${COMPLEXITY_LIMIT.depth})`,
    send: () =>
      gql(`{ agencies(region: "35", first: 1) { edges { node {
        reports(first: 1) { edges { node { agency {
        reports(first: 1) { edges { node { agency {
        reports(first: 1) { edges { node { id } } } } } } } } } } } } } } }`),
    status: 200,
    message: new RegExp(`^Query is too deep: depth \\d+, at most ${COMPLEXITY_LIMIT.depth}\\.`),
    code: 'QUERY_TOO_COMPLEX',
  },
  {
    name: `too complex (> ${COMPLEXITY_LIMIT.complexity}): nested connections of 100`,
    send: () =>
      gql(`{ agencies(region: "35", first: 100) { edges { node { id
        reports(first: 100) { edges { node { id year } } } } } } }`),
    status: 200,
    message: new RegExp(
      `^Query is too expensive: complexity \\d+, at most ${COMPLEXITY_LIMIT.complexity}\\.`,
    ),
    code: 'QUERY_TOO_COMPLEX',
  },
  {
    name: `too broad (> ${COMPLEXITY_LIMIT.breadth} fields)`,
    send: () =>
      gql(
        `query($id: ID!) { agency(id: $id) { ${Array.from({ length: COMPLEXITY_LIMIT.breadth + 5 }, (_, i) => `f${i}: name`).join(' ')} } }`,
        { id: known.agencyGlobalId },
      ),
    status: 200,
    message: new RegExp(
      `^Query is too broad: breadth \\d+, at most ${COMPLEXITY_LIMIT.breadth}\\.`,
    ),
    code: 'QUERY_TOO_COMPLEX',
  },

  // Connection arguments
  {
    name: 'connection without first or last',
    send: () => gql(REGION_Q('')),
    status: 200,
    message: /give either first or last \(1 to 100\)/,
    code: PAGE_SIZE_CODE,
  },
  {
    name: 'first: 101',
    send: () => gql(REGION_Q('first: 101')),
    status: 200,
    message: /ask for at most 100 items per page/,
    code: PAGE_SIZE_CODE,
  },
  {
    name: 'first: 0',
    send: () => gql(REGION_Q('first: 0')),
    status: 200,
    message: /ask for at least 1 item/,
    code: PAGE_SIZE_CODE,
  },
  {
    name: 'first: -5',
    send: () => gql(REGION_Q('first: -5')),
    status: 200,
    message: /ask for at least 1 item/,
    code: PAGE_SIZE_CODE,
  },
  {
    name: 'first and last together',
    send: () => gql(REGION_Q('first: 5, last: 5')),
    status: 200,
    message: /give either first or last \(1 to 100\)/,
    code: PAGE_SIZE_CODE,
  },
  {
    name: 'nested connection without first (agency.reports)',
    send: () =>
      gql(
        '{ agencies(region: "35", first: 1) { edges { node { reports { edges { cursor } } } } } }',
      ),
    status: 200,
    message: /give either first or last \(1 to 100\)/,
    code: PAGE_SIZE_CODE,
  },
  {
    name: 'after with last',
    send: () => gql(REGION_Q(`last: 2, after: "${known.regionCursor}"`)),
    status: 200,
    message: /after goes with first; use before with last/,
    code: PAGE_SIZE_CODE,
  },

  // Cursors
  {
    name: 'garbage cursor',
    send: () => gql(REGION_Q('first: 2, after: "!!not a cursor!!"')),
    status: 200,
    message: /cursor/i,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'tampered cursor',
    send: () =>
      gql(
        'query($r: String, $c: String) { agencies(region: $r, first: 2, after: $c) { edges { cursor } } }',
        {
          r: known.region,
          c: tamper(known.regionCursor),
        },
      ),
    status: 200,
    message: /cursor/i,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'JSON-shaped forged cursor',
    send: () =>
      gql(
        'query($c: String) { agencies(region: "35", first: 2, after: $c) { edges { cursor } } }',
        {
          c: Buffer.from('{"pk":"$gongkai#x","sk":"y","__proto__":{"admin":true}}').toString(
            'base64url',
          ),
        },
      ),
    status: 200,
    message: /cursor/i,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'cursor of another list (search cursor on a region list)',
    send: () =>
      gql(
        'query($r: String, $c: String) { agencies(region: $r, first: 2, after: $c) { edges { cursor } } }',
        {
          r: known.region,
          c: known.searchCursor,
        },
      ),
    status: 200,
    message: /cursor/i,
    code: 'BAD_USER_INPUT',
  },
  {
    name: "cursor of another list (region cursor on an agency's reports)",
    send: () =>
      gql(
        'query($id: ID!, $c: String) { agency(id: $id) { reports(first: 2, after: $c) { edges { cursor } } } }',
        {
          id: known.agencyGlobalId,
          c: known.regionCursor,
        },
      ),
    status: 200,
    message: /cursor/i,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'cursor of the same list kind, another region',
    send: () =>
      gql(
        'query($c: String) { agencies(region: "11", first: 2, after: $c) { edges { cursor } } }',
        {
          c: known.regionCursor,
        },
      ),
    status: 200,
    message: /cursor/i,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'over-long cursor',
    send: () =>
      gql(
        'query($c: String) { agencies(region: "35", first: 2, after: $c) { edges { cursor } } }',
        {
          c: 'A'.repeat(5000),
        },
      ),
    status: 200,
    message: /cursor is too long/,
    code: 'BAD_USER_INPUT',
  },

  // Global IDs
  {
    name: 'garbage global ID',
    send: () => gql('{ agency(id: "%%%garbage%%%") { id name } }'),
    status: 200,
    message: /global ?id/i,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'global ID of the wrong type',
    send: () =>
      gql('query($id: ID!) { agency(id: $id) { id name } }', { id: known.reportGlobalId }),
    status: 200,
    message: /Agency/,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'global ID of an unknown type (node)',
    send: () => gql('query($id: ID!) { node(id: $id) { id } }', { id: toGlobalId('Table', 'x') }),
    status: 200,
    message: /Table/,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'valid type, unknown id (agency) → null',
    send: () =>
      gql('query($id: ID!) { agency(id: $id) { id name } }', {
        id: toGlobalId('Agency', '350128-nosuchagency'),
      }),
    status: 200,
    data: (d) => expect(d).toEqual({ agency: null }),
  },
  {
    name: 'valid type, unknown id (report) → null',
    send: () =>
      gql('query($id: ID!) { report(id: $id) { id year } }', {
        id: toGlobalId('Report', `${known.agencyId}#1999`),
      }),
    status: 200,
    data: (d) => expect(d).toEqual({ report: null }),
  },
  {
    name: 'valid type, unknown id (node) → null',
    send: () =>
      gql('query($id: ID!) { node(id: $id) { id } }', { id: toGlobalId('Agency', 'nosuch') }),
    status: 200,
    data: (d) => expect(d).toEqual({ node: null }),
  },
  {
    name: 'valid types, unknown ids (nodes) → nulls',
    send: () =>
      gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
        ids: [toGlobalId('Agency', 'nosuch'), toGlobalId('Report', 'nosuch'), known.agencyGlobalId],
      }),
    status: 200,
    data: (d) => expect(d).toEqual({ nodes: [null, null, { id: known.agencyGlobalId }] }),
  },

  // Hostile search strings
  {
    name: 'very long search',
    send: () =>
      gql('query($s: String) { agencies(search: $s, first: 5) { edges { cursor } } }', {
        s: '平潭'.repeat(5000),
      }),
    status: 200,
    message: /search is at most 64 characters/,
    code: 'BAD_USER_INPUT',
  },
  ...[
    ['control characters', '\u0000\u0001\u0007\u001b[31m\r\n\t平潭'],
    ['SQL', "' OR 1=1; DROP TABLE agencies; --"],
    ['HTML', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
    ['emoji and ZWJ', '🏛️👨‍👩‍👧‍👦💥平潭'],
    ['lone surrogates', '\ud800平\udfff潭\ud83d'],
    ['DynamoDB expression syntax', 'begins_with(#pk, :v) OR attribute_exists(pk)'],
    ['regex metacharacters', '.*+?^$()|[]{}\\'],
    ['only whitespace and unicode spaces', ' \u3000\u200b\u2028\ufeff '],
    ['prototype keys', '__proto__ constructor toString'],
  ].map(
    ([label, s]): Case => ({
      name: `search with ${label}`,
      send: () =>
        gql(
          'query($s: String) { agencies(search: $s, first: 5) { edges { cursor node { name } } } }',
          { s },
        ),
      // Whitespace-only search falls back to a region listing, which needs a region.
      status: 200,
      ...(label === 'only whitespace and unicode spaces' && !/\S/.test(s ?? '')
        ? { message: /give a search text or a region/, code: 'BAD_USER_INPUT' }
        : {
            data: (d) =>
              expect(Array.isArray((d as { agencies: { edges: unknown[] } }).agencies.edges)).toBe(
                true,
              ),
          }),
    }),
  ),

  // Region codes
  {
    name: 'bad region code (letters)',
    send: () => gql('{ agencies(region: "abc", first: 5) { edges { cursor } } }'),
    status: 200,
    message: /^'abc' is not a region code: give 2, 4 or 6 digits of a GB\/T 2260 code$/,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'bad region code (odd length)',
    send: () => gql('{ agencies(region: "350", first: 5) { edges { cursor } } }'),
    status: 200,
    message: /is not a region code/,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'bad region code (injection, long)',
    send: () =>
      gql('query($r: String) { agencies(region: $r, first: 5) { edges { cursor } } }', {
        r: `35" OR "1"="1${'0'.repeat(500)}`,
      }),
    status: 200,
    message: /is not a region code/,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'bad region code with a search',
    send: () => gql('{ agencies(search: "平潭", region: "xx", first: 5) { edges { cursor } } }'),
    status: 200,
    message: /is not a region code/,
    code: 'BAD_USER_INPUT',
  },

  // Transport rules
  {
    name: 'GET without the CSRF header',
    send: () => get({ query: '{ __typename }' }),
    status: 403,
    message: /^Required CSRF header\(s\) not present$/,
  },
  {
    name: 'GET with the CSRF header',
    send: () => get({ query: '{ __typename }' }, { [CSRF_HEADER]: '1' }),
    status: 200,
    data: (d) => expect(d).toEqual({ __typename: 'Query' }),
  },
  {
    name: 'mutation via GET',
    send: () =>
      get(
        {
          query:
            'mutation { submitCorrection(input: { report: "x", code: "y", evidence: "z", value: 1 }) { __typename } }',
        },
        { [CSRF_HEADER]: '1' },
      ),
    status: 405,
    message: /^Can only perform a mutation operation from a POST request\.$/,
    code: 'BAD_REQUEST',
  },
  {
    name: 'GET with variables that are not JSON',
    send: () => get({ query: '{ __typename }', variables: '{not json' }, { [CSRF_HEADER]: '1' }),
    status: 400,
    message: /^The variables and extensions parameters must be JSON objects\.$/,
    code: 'BAD_REQUEST',
  },
  {
    name: 'form-encoded POST with extensions that are not JSON',
    send: () =>
      post('query=%7B__typename%7D&extensions=%7Bnope', {
        'content-type': 'application/x-www-form-urlencoded',
        [CSRF_HEADER]: '1',
      }),
    status: 400,
    message: /^The variables and extensions parameters must be JSON objects\.$/,
    code: 'BAD_REQUEST',
  },
  {
    name: 'unknown operationName',
    send: () =>
      post({ query: 'query A { __typename } query B { __typename }', operationName: 'C' }),
    status: 400,
    message: /^Could not determine what operation to execute\.$/,
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'several operations without operationName',
    send: () => post({ query: 'query A { __typename } query B { __typename }' }),
    status: 400,
    message: /^Could not determine what operation to execute\.$/,
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'batched array',
    send: () => post([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    status: 400,
    message: /^Batching is not supported\.$/,
    code: 'BAD_REQUEST',
  },
  {
    name: 'empty batched array',
    send: () => post([]),
    status: 400,
    message: /^Batching is not supported\.$/,
    code: 'BAD_REQUEST',
  },
  {
    name: 'PUT',
    send: async () =>
      reply(
        await fetch(api.url, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{ __typename }"}',
        }),
      ),
    status: 405,
    message: /GraphQL only supports GET and POST requests\./,
    code: 'BAD_REQUEST',
  },
];

/** Anything that names the machinery behind the API. */
function leaks(text: string): string[] {
  const patterns: RegExp[] = [
    /DynamoDB/i,
    /ValidationException/,
    /ConditionalCheckFailed/,
    /electrodb/i,
    /\bat [\w.<>]+ \(/, // stack frames
    /\n\s+at /,
    /"stack"/,
    /node_modules/,
    /file:\/\//,
    /\/work\//,
    /\.ts:\d+/,
    /packages\/(core|functions)/,
    /aws-sdk|@aws-sdk|amazonaws/i,
    new RegExp(api.store.config.tableName),
  ];
  return patterns.filter((p) => p.test(text)).map(String);
}

describe('hostile input over HTTP', () => {
  it.each(cases)('$name', async (c) => {
    const r = await c.send();
    const context = `${c.name}: ${r.status} ${r.text.slice(0, 600)}`;
    expect(leaks(r.text), context).toEqual([]);
    expect(r.status, context).toBe(c.status);
    expect(r.body, context).toBeTypeOf('object');
    const errors = r.body?.errors ?? [];
    if (c.message) {
      const hit = errors.find((e) => c.message?.test(e.message));
      expect(hit, context).toBeDefined();
      expect(hit?.extensions?.code, context).toBe(c.code);
      expect(hit?.extensions?.code, context).not.toBe('INTERNAL_SERVER_ERROR');
      for (const e of errors) expect(e.message, context).not.toMatch(/Unexpected error/);
    } else {
      expect(errors, context).toEqual([]);
    }
    c.data?.(r.body?.data);
  });

  it('is still healthy after the table', async () => {
    const r = await api.gql<{ agencies: { edges: { node: { id: string } }[] } }>(
      `{ agencies(search: "平潭", first: 2) { edges { node { id reports(first: 1) { edges { node { year } } } } } } }`,
    );
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data?.agencies.edges.length).toBeGreaterThan(0);
  });

  it('logged no unexpected errors', () => {
    expect(api.logged.map((line) => line.split('\n').slice(0, 3).join(' | '))).toEqual([]);
  });
});
