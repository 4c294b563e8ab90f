/**
 * GraphQL over HTTP conformance: the audits of `graphql-http` against the API over real HTTP.
 * Every MUST audit is a test of its own; SHOULD and MAY results are printed, not enforced.
 */
import { type AuditResult, serverAudits } from 'graphql-http';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, startTestApi, type TestApi } from '../support/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ ingest: false });
});

/** What a real client of this API does: send the CSRF header (required on GET). Nothing else. */
const withCsrfHeader = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const headers = new Headers(init?.headers);
  headers.set(CSRF_HEADER, '1');
  return fetch(input, { ...init, headers });
};

const audits = serverAudits({ url: () => api.url, fetchFn: withCsrfHeader });
const must = audits.filter((a) => a.name.startsWith('MUST'));
const optional = audits.filter((a) => !a.name.startsWith('MUST'));

async function explain(result: AuditResult): Promise<string> {
  if (result.status === 'ok') return 'ok';
  let body = '';
  try {
    body = (await result.response.text()).slice(0, 300);
  } catch {
    // The audit already read the body.
  }
  return `${result.reason} (status ${result.response.status}${body ? `, body ${body}` : ''})`;
}

describe('graphql-http server audits', () => {
  it('has audits of every level', () => {
    expect(must.length).toBeGreaterThan(0);
    expect(optional.length).toBeGreaterThan(0);
  });

  describe.each(must.map((a) => [`${a.id} ${a.name}`, a] as const))('%s', (_name, audit) => {
    it('passes', async () => {
      const result = await audit.fn();
      expect(await explain(result)).toBe('ok');
    });
  });

  it('reports SHOULD and MAY audits (informational)', async () => {
    const results = await Promise.all(optional.map(async (a) => ({ a, result: await a.fn() })));
    const lines = await Promise.all(
      results.map(
        async ({ a, result }) =>
          `${result.status === 'ok' ? 'pass' : result.status.padEnd(4)}  ${a.id} ${a.name}${result.status === 'ok' ? '' : ` — ${await explain(result)}`}`,
      ),
    );
    const summary = (level: 'SHOULD' | 'MAY') => {
      const of = results.filter(({ a }) => a.name.startsWith(level));
      return `${level}: ${of.filter(({ result }) => result.status === 'ok').length}/${of.length} passed`;
    };
    console.log(
      [
        `MUST: ${must.length} audits (each a test above)`,
        summary('SHOULD'),
        summary('MAY'),
        ...lines,
      ].join('\n'),
    );
    // Every audit ran to a result; failures here are recommendations, not requirements.
    expect(results).toHaveLength(optional.length);
  });
});
