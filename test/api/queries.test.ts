/**
 * Every query of the API over HTTP against DynamoDB Local, on the sample reports. Expected
 * figures come from the corpus truth files or from the core read directly, never typed in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  getReport,
  loadSearchEntries,
  reportsOfAgency,
  reportsOfYear,
  valuesOfReport,
} from '../../packages/core/src/index.ts';
import { startTestApi, type TestApi } from '../support/api.ts';

interface Truth {
  file: string;
  agency: { name: string; regionCode: string };
  year: number;
  form: string;
  values: Record<string, number | null>;
}
const TRUTH_DIR = join(import.meta.dirname, '../fixtures/corpus/truth');
const truth = (name: string) =>
  JSON.parse(readFileSync(join(TRUTH_DIR, `${name}.json`), 'utf8')) as Truth;

let api: TestApi;
let zone: { id: string; agencyId: string };

const AGENCY_FIELDS = 'id agencyId name regionCode level';

beforeAll(async () => {
  api = await startTestApi();
  const found = await api.gql<{
    agencies: { edges: { node: { id: string; agencyId: string; name: string } }[] };
  }>(`{ agencies(search: "平潭综合实验区", first: 1) { edges { node { ${AGENCY_FIELDS} } } } }`);
  const first = found.body.data?.agencies.edges[0]?.node;
  if (!first) throw new Error(`no agency found: ${JSON.stringify(found.body)}`);
  zone = first;
});

const ok = <T>(r: { status: number; body: { data?: T; errors?: unknown } }): T => {
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  expect(r.status).toBe(200);
  return r.body.data as T;
};

describe('agencies', () => {
  type Search = { agencies: { edges: { node: { name: string; regionCode: string | null } }[] } };

  it.each([
    ['a Chinese substring', '平潭'],
    ['full pinyin', 'pingtan'],
    ['pinyin initials', 'ptzhsyq'],
    ['pinyin with spaces and capitals', 'Ping Tan'],
  ])('finds agencies by %s', async (_how, search) => {
    const data = ok(
      await api.gql<Search>(
        'query($s: String) { agencies(search: $s, first: 10) { edges { node { name regionCode } } } }',
        { s: search },
      ),
    );
    const names = data.agencies.edges.map((e) => e.node.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.includes('平潭'))).toBe(true);
  });

  it('ranks an exact name first', async () => {
    const data = ok(
      await api.gql<Search>(
        '{ agencies(search: "平潭综合实验区", first: 10) { edges { node { name } } } }',
      ),
    );
    expect(data.agencies.edges[0]?.node.name).toBe('平潭综合实验区');
  });

  it('narrows a search to a region and a level', async () => {
    const inFujian = ok(
      await api.gql<Search>(
        '{ agencies(search: "平潭", region: "35", first: 10) { edges { node { name regionCode } } } }',
      ),
    );
    expect(inFujian.agencies.edges.length).toBeGreaterThan(0);
    const elsewhere = ok(
      await api.gql<Search>(
        '{ agencies(search: "平潭", region: "44", first: 10) { edges { node { name } } } }',
      ),
    );
    expect(elsewhere.agencies.edges).toEqual([]);
  });

  it('lists the agencies of a region without a search, as the store holds them', async () => {
    const expected = (await loadSearchEntries(api.store)).filter((e) =>
      e.regionCode?.startsWith('35'),
    );
    const data = ok(
      await api.gql<Search>(
        '{ agencies(region: "350000", first: 100) { edges { node { name regionCode } } } }',
      ),
    );
    expect(data.agencies.edges.map((e) => e.node.name).sort()).toEqual(
      expected.map((e) => e.name).sort(),
    );
  });

  it('browses by place: provinces, then the divisions inside, each with its agencies', async () => {
    const entries = (await loadSearchEntries(api.store)).filter((e) => e.regionCode);
    const within = (prefix: string) =>
      entries.filter((e) => e.regionCode?.startsWith(prefix)).length;
    type R = { code: string; name: string; level: string; agencyCount: number };
    const top = ok(
      await api.gql<{ regions: R[] }>('{ regions { code name level agencyCount } }'),
    ).regions;
    expect(top.length).toBeGreaterThan(1);
    for (const p of top) {
      expect(p.level).toBe('PROVINCE');
      expect(p.agencyCount).toBe(within(p.code.slice(0, 2)));
    }
    expect(top.reduce((n, p) => n + p.agencyCount, 0)).toBe(entries.length);
    const fujian = ok(
      await api.gql<{ region: R & { path: R[]; children: R[] } }>(
        '{ region(code: "350000") { code name agencyCount path { code } children { code name level agencyCount } } }',
      ),
    ).region;
    expect(fujian).toMatchObject({ code: '350000', name: '福建省', agencyCount: within('35') });
    expect(fujian.path.map((s) => s.code)).toEqual(['350000']);
    expect(fujian.children.length).toBeGreaterThan(0);
    for (const c of fujian.children) {
      expect(c.level).toBe('CITY');
      expect(c.agencyCount).toBe(within(c.code.slice(0, 4)));
    }
    const unknown = ok(await api.gql<{ region: null }>('{ region(code: "999999") { code } }'));
    expect(unknown.region).toBeNull();
  });

  it('asks for a search or a region', async () => {
    const r = await api.gql('{ agencies(first: 5) { edges { cursor } } }');
    expect(r.body.errors?.[0]?.message).toBe('give a search text or a region');
    expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a region that is not a region code', async () => {
    const r = await api.gql('{ agencies(region: "guangdong", first: 5) { edges { cursor } } }');
    expect(r.body.errors?.[0]?.message).toContain('is not a region code');
    expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('nodes and global IDs', () => {
  it('resolves node and nodes by stable global IDs; unknown IDs are null', async () => {
    const data = ok(
      await api.gql<{
        agency: { id: string; reports: { edges: { node: { id: string; year: number } }[] } };
      }>(
        `query($id: ID!) { agency(id: $id) { id reports(first: 1) { edges { node { id year } } } } }`,
        {
          id: zone.id,
        },
      ),
    );
    const reportId = data.agency.reports.edges[0]?.node.id as string;
    const unknownAgency = Buffer.from('Agency:350128-aaaaaaaaaa').toString('base64');
    const nodes = ok(
      await api.gql<{ nodes: ({ __typename: string; id: string } | null)[] }>(
        'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }',
        { ids: [zone.id, reportId, unknownAgency] },
      ),
    );
    expect(nodes.nodes[0]).toEqual({ __typename: 'Agency', id: zone.id });
    expect(nodes.nodes[1]).toEqual({ __typename: 'Report', id: reportId });
    expect(nodes.nodes[2]).toBeNull();
    // Stable: the same agency has the same ID in every query.
    const again = ok(
      await api.gql<{ node: { id: string; name: string } }>(
        'query($id: ID!) { node(id: $id) { id ... on Agency { name } } }',
        { id: zone.id },
      ),
    );
    expect(again.node.id).toBe(zone.id);
    expect(Buffer.from(zone.id, 'base64').toString()).toBe(`Agency:${zone.agencyId}`);
  });

  it('refuses an ID of another type where a type is expected', async () => {
    const r = await api.gql('query($id: ID!) { report(id: $id) { year } }', { id: zone.id });
    expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('reports', () => {
  type Conn = {
    edges: { cursor: string; node: { year: number } }[];
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string;
      endCursor: string;
    };
  };
  const PAGE =
    'edges { cursor node { year } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

  it('pages an agency’s reports newest first, forward and backward', async () => {
    const all = (await reportsOfAgency(api.store, zone.agencyId, { limit: 100 })).items.map(
      (r) => r.year,
    );
    expect(all.length).toBeGreaterThanOrEqual(3);
    const seen: number[] = [];
    let after: string | null = null;
    for (;;) {
      const data: { agency: { reports: Conn } } = ok(
        await api.gql(
          `query($id: ID!, $after: String) { agency(id: $id) { reports(first: 2, after: $after) { ${PAGE} } } }`,
          { id: zone.id, after },
        ),
      );
      const page: Conn = data.agency.reports;
      seen.push(...page.edges.map((e) => e.node.year));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    const last = ok(
      await api.gql<{ agency: { reports: Conn } }>(
        `query($id: ID!) { agency(id: $id) { reports(last: 2) { ${PAGE} } } }`,
        { id: zone.id },
      ),
    ).agency.reports;
    expect(last.edges.map((e) => e.node.year)).toEqual(all.slice(-2));
    expect(last.pageInfo.hasPreviousPage).toBe(all.length > 2);
  });

  it('finds the reports of a year, and one agency’s report of a year', async () => {
    const t = truth('nx-dawukou-logistics-2016');
    const year = ok(
      await api.gql<{
        reports: { edges: { node: { year: number; agencyName: string; form: string } }[] };
      }>('{ reports(year: 2016, first: 20) { edges { node { year agencyName form } } } }'),
    );
    expect(year.reports.edges.length).toBeGreaterThan(1);
    expect(year.reports.edges.every((e) => e.node.year === 2016)).toBe(true);
    const stored = await reportsOfYear(api.store, 2016, { limit: 100 });
    expect(year.reports.edges.map((e) => e.node.agencyName).sort()).toEqual(
      stored.items.map((r) => r.agencyName).sort(),
    );
    expect(stored.items.map((r) => r.regionCode)).toContain(t.agency.regionCode);
    const one = ok(
      await api.gql<{ reports: { edges: { node: { year: number } }[] } }>(
        'query($id: ID) { reports(agency: $id, year: 2022, first: 5) { edges { node { year } } } }',
        { id: zone.id },
      ),
    );
    expect(one.reports.edges.map((e) => e.node.year)).toEqual([2022]);
  });

  it('serves a report page: values with provenance, findings, metrics, versions, text', async () => {
    const t = truth('fj-pingtan-zone-2022');
    const stored = await getReport(api.store, zone.agencyId, 2022);
    if (!stored) throw new Error('no stored report');
    const values = await valuesOfReport(api.store, stored);
    const data = ok(
      await api.gql<{
        agency: {
          report: {
            year: number;
            form: string;
            values: {
              code: string;
              current: number | null;
              extracted: number | null;
              source: string;
              span: { start: number; end: number } | null;
              context: { before: string; text: string; after: string } | null;
              label: string;
            }[];
            findings: { rule: string; severity: string }[];
            metrics: { metric: string; value: number | null; comparable: boolean }[];
            versions: { version: number; status: string; sourceHash: string }[];
            text: { text: string; totalLength: number };
          };
        };
      }>(
        `query($id: ID!) { agency(id: $id) { report(year: 2022) { year form
          values { code label current extracted source span { start end } context(radius: 20) { before text after } }
          findings { rule severity } metrics { metric value comparable }
          versions { version status sourceHash } text(offset: 0, length: 100) { text totalLength } } } }`,
        { id: zone.id },
      ),
    );
    const report = data.agency.report;
    expect(report.form).toBe('GOV_2021');
    expect(report.values).toHaveLength(values.length);
    // Every truth figure is served as the extracted reading of its code.
    const byCode = new Map(report.values.map((v) => [v.code, v]));
    let matched = 0;
    for (const [code, value] of Object.entries(t.values)) {
      const served = byCode.get(code);
      if (served && served.extracted === value) matched++;
    }
    expect(matched / Object.keys(t.values).length).toBeGreaterThan(0.95);
    // A table figure's span is the printed number itself.
    const withSpan = report.values.filter(
      (v) => v.source === 'TABLE' && v.span && v.context && v.current !== null,
    );
    expect(withSpan.length).toBeGreaterThan(10);
    for (const v of withSpan.slice(0, 20)) expect(v.context?.text).toMatch(/\d/);
    expect(report.findings.length).toBe(stored.findingCount ?? 0);
    expect(report.metrics.map((m) => m.metric)).toContain('REQUESTS_RECEIVED');
    expect(report.versions).toEqual([
      { version: stored.currentVersion, status: 'current', sourceHash: stored.sourceHash },
    ]);
    expect(report.text.text.length).toBe(100);
    expect(report.text.totalLength).toBeGreaterThan(1000);
  });

  it('offers money in yuan as well as printed', async () => {
    const data = ok(
      await api.gql<{
        agencies: {
          edges: {
            node: {
              reports: {
                edges: {
                  node: {
                    values: {
                      unit: string | null;
                      current: number | null;
                      currentYuan: number | null;
                    }[];
                  };
                }[];
              };
            };
          }[];
        };
      }>(
        `{ agencies(region: "35", first: 20) { edges { node { reports(first: 10) { edges { node {
          values(codes: ["fees.collected", "fees.waived", "fees.processing"]) { unit current currentYuan } } } } } } } }`,
      ),
    );
    const money = data.agencies.edges
      .flatMap((a) => a.node.reports.edges.flatMap((r) => r.node.values))
      .filter((v) => v.unit === '万元' || v.unit === '元');
    expect(money.length).toBeGreaterThan(0);
    for (const v of money) {
      if (v.current === null) expect(v.currentYuan).toBeNull();
      else expect(v.currentYuan).toBeCloseTo(v.current * (v.unit === '万元' ? 10000 : 1), 2);
    }
  });
});

describe('compare and series', () => {
  async function reportIds(years: number[]): Promise<string[]> {
    const data = ok(
      await api.gql<{ agency: { reports: { edges: { node: { id: string; year: number } }[] } } }>(
        'query($id: ID!) { agency(id: $id) { reports(first: 20) { edges { node { id year } } } } }',
        { id: zone.id },
      ),
    );
    return years.map((y) => {
      const found = data.agency.reports.edges.find((e) => e.node.year === y);
      if (!found) throw new Error(`no ${y} report`);
      return found.node.id;
    });
  }
  const COMPARE = `query($ids: [ID!]!) { compare(reports: $ids) {
    __typename
    ... on QueryCompareSuccess { data { reports { year } rows { kind key label unit comparable reason deltas cells { value yuan status } } } }
    ... on Error { message }
  } }`;
  type Row = {
    kind: string;
    key: string;
    comparable: boolean;
    reason: string | null;
    deltas: (number | null)[];
    cells: { value: number | null; yuan: number | null; status: string }[];
  };
  type CompareData = {
    compare: {
      __typename: string;
      message?: string;
      data?: { reports: { year: number }[]; rows: Row[] };
    };
  };

  it('aligns two reports of one form with deltas from the first', async () => {
    const [a, b] = [truth('fj-pingtan-zone-2021'), truth('fj-pingtan-zone-2022')];
    const data = ok(await api.gql<CompareData>(COMPARE, { ids: await reportIds([2021, 2022]) }));
    const rows = data.compare.data?.rows ?? [];
    expect(data.compare.data?.reports.map((r) => r.year)).toEqual([2021, 2022]);
    expect(rows[0]?.kind).toBe('METRIC');
    const indicators = rows.filter((r) => r.kind === 'INDICATOR');
    expect(indicators.length).toBeGreaterThan(50);
    let checked = 0;
    for (const row of indicators) {
      const [x, y] = [a.values[row.key], b.values[row.key]];
      if (
        typeof x === 'number' &&
        typeof y === 'number' &&
        row.cells.every((c) => c.status === 'VALUE')
      ) {
        expect(row.comparable).toBe(true);
        if (row.cells[0]?.value === x && row.cells[1]?.value === y) {
          // Money rows count their deltas in yuan.
          const [p = x, q = y] = row.cells.map((c) => c.yuan ?? c.value ?? Number.NaN);
          expect(row.deltas[1]).toBeCloseTo(q - p, 2);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('compares across forms through metrics and marks codes of one form only', async () => {
    const data = ok(await api.gql<CompareData>(COMPARE, { ids: await reportIds([2019, 2022]) }));
    const rows = data.compare.data?.rows ?? [];
    const received = rows.find((r) => r.key === 'requestsReceived');
    expect(received?.comparable).toBe(true);
    const oldOnly = rows.filter((r) => r.kind === 'INDICATOR' && !r.comparable);
    expect(oldOnly.length).toBeGreaterThan(0);
    for (const r of oldOnly) {
      expect(r.reason).toMatch(/NOT_IN_FORM|UNITS_DIFFER/);
      expect(r.deltas).toEqual([null, null]);
    }
  });

  it.each([
    ['one report', 1, 'InvalidInputError'],
    ['six reports', 6, 'InvalidInputError'],
  ])('refuses %s', async (_name, n, type) => {
    const ids = await reportIds([2019, 2021, 2022]);
    const many = [...ids, ...ids.map((id) => id)].slice(0, n);
    const unique = new Set(many).size;
    const data = ok(
      await api.gql<CompareData>(COMPARE, {
        ids: unique === n ? many : [...new Set(many), ...fakeReportIds(n - unique)],
      }),
    );
    expect(data.compare.__typename).toBe(type);
    expect(data.compare.message).toMatch(/2 to 5/);
  });

  it('says which report is unknown', async () => {
    const [id] = await reportIds([2022]);
    const data = ok(await api.gql<CompareData>(COMPARE, { ids: [id, ...fakeReportIds(1)] }));
    expect(data.compare.__typename).toBe('NotFoundError');
    expect(data.compare.message).toContain('350128-zzzzzzzzzz-1990');
  });

  it('gives a metric year by year, oldest first, null where a form lacks it', async () => {
    const data = ok(
      await api.gql<{
        agency: {
          series: { year: number; value: number | null; comparable: boolean; form: string }[];
        };
      }>(
        'query($id: ID!) { agency(id: $id) { series(metric: REQUESTS_RECEIVED) { year value comparable form } } }',
        { id: zone.id },
      ),
    );
    const years = data.agency.series.map((p) => p.year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    const stored = await getReport(api.store, zone.agencyId, 2022);
    const metric = ((stored?.metrics ?? []) as { metric: string; value: number | null }[]).find(
      (m) => m.metric === 'requestsReceived',
    );
    expect(data.agency.series.find((p) => p.year === 2022)?.value).toBe(metric?.value);
    const top = ok(
      await api.gql<{ series: unknown[] }>(
        'query($id: ID!) { series(agency: $id, metric: REQUESTS_RECEIVED) { year value comparable form } }',
        { id: zone.id },
      ),
    );
    expect(top.series).toEqual(data.agency.series);
  });
});

function fakeReportIds(n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    Buffer.from(`Report:350128-zzzzzzzzzz-${1990 - i}`).toString('base64'),
  );
}

describe('catalog, findings, rankings, sync', () => {
  it('serves the indicator catalog and the metric definitions', async () => {
    const data = ok(
      await api.gql<{
        indicators: { code: string; forms: string[] }[];
        metrics: {
          id: string;
          formulas: { form: string; comparable: boolean; terms: string[] }[];
        }[];
      }>(
        '{ indicators(form: GOV_2021) { code forms } metrics { id formulas { form comparable terms } } }',
      ),
    );
    expect(data.indicators.length).toBeGreaterThan(100);
    expect(data.indicators.every((i) => i.forms.includes('GOV_2021'))).toBe(true);
    expect(data.metrics.map((m) => m.id)).toContain('FEES_YUAN');
  });

  it('lists reports failing a rule', async () => {
    const data = ok(
      await api.gql<{
        findings: { edges: { node: { rule: string; report: { year: number } } }[] };
      }>(
        '{ findings(rule: "cross.lateRelease", first: 50) { edges { node { rule report { year } } } } }',
      ),
    );
    expect(data.findings.edges.length).toBeGreaterThan(0);
    expect(data.findings.edges.every((e) => e.node.rule === 'cross.lateRelease')).toBe(true);
  });

  it('ranks one indicator across agencies of a year', async () => {
    const data = ok(
      await api.gql<{
        indicatorValues: {
          edges: { node: { code: string; current: number | null; report: { year: number } } }[];
        };
      }>(
        '{ indicatorValues(code: "requests.received", year: 2016, first: 50) { edges { node { code current report { year } } } } }',
      ),
    );
    expect(data.indicatorValues.edges.length).toBeGreaterThan(0);
    for (const e of data.indicatorValues.edges) {
      expect(e.node.code).toBe('requests.received');
      expect(e.node.report.year).toBe(2016);
    }
  });

  it('pages the change feed until caught up, each item once', async () => {
    const ids: string[] = [];
    let since = '2000-01-01T00:00:00Z';
    for (let i = 0; i < 20; i++) {
      const data = ok(
        await api.gql<{
          updatedSince: {
            changes: {
              kind: string;
              agency: { id: string } | null;
              report: { id: string } | null;
            }[];
            next: string | null;
          };
        }>(
          'query($s: String!) { updatedSince(since: $s, first: 7) { changes { kind agency { id } report { id } } next } }',
          { s: since },
        ),
      );
      ids.push(...data.updatedSince.changes.map((c) => (c.agency ?? c.report)?.id ?? ''));
      if (!data.updatedSince.next) break;
      since = data.updatedSince.next;
    }
    const agencies = await loadSearchEntries(api.store);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(agencies.length + 13);
  });

  it('refuses a since that is not a time', async () => {
    const r = await api.gql('{ updatedSince(since: "yesterday") { next } }');
    expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.body.errors?.[0]?.message).toContain('ISO 8601');
  });
});

describe('compression', () => {
  it('compresses a large answer for a client that accepts it, and only then', async () => {
    const query = '{ indicators { code label section unit forms } }';
    const ask = (encoding: string) =>
      fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-encoding': encoding },
        body: JSON.stringify({ query }),
      });
    const plain = await ask('identity');
    const plainBody = await plain.text();
    expect(plain.headers.get('content-encoding')).toBeNull();
    for (const encoding of ['br', 'gzip']) {
      const packed = await ask(encoding);
      expect(packed.headers.get('content-encoding')).toBe(encoding);
      expect(packed.headers.get('vary')).toContain('accept-encoding');
      expect(Number(packed.headers.get('content-length'))).toBeLessThan(plainBody.length / 4);
      // fetch decodes it: the same answer.
      expect(await packed.text()).toBe(plainBody);
    }
  });
});

describe('cross-origin callers', () => {
  it('get no CORS grant from the API itself (the deployment lists its one origin)', async () => {
    const origin = 'https://elsewhere.example';
    const preflight = await fetch(api.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ query: '{ metrics { metric } }' }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('limits', () => {
  it.each([
    [
      'no page size',
      '{ agencies(region: "35") { edges { cursor } } }',
      'give either first or last',
    ],
    [
      'a page over 100',
      '{ agencies(region: "35", first: 101) { edges { cursor } } }',
      'at most 100',
    ],
    [
      'first and last',
      '{ agencies(region: "35", first: 1, last: 1) { edges { cursor } } }',
      'either first or last',
    ],
  ])('refuses %s', async (_name, query, message) => {
    const r = await api.gql(query);
    expect(r.body.errors?.[0]?.message).toContain(message);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a query too expensive to run, before reading anything', async () => {
    api.store.meter.reset();
    const r = await api.gql(`{ agencies(region: "35", first: 100) { edges { node {
      reports(first: 100) { edges { node { values { code history { at } } } } } } } } }`);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(r.body.errors?.[0]?.message).toMatch(/too expensive.*at most \d+/);
    expect(api.store.meter.requests).toBe(0);
  });

  it('has logged no unexpected errors', () => {
    expect(api.logged).toEqual([]);
  });
});
