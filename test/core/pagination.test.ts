/**
 * Keyset pagination of every paged core list, both ways (Relay `first/after` and `last/before`):
 * complete coverage in natural order, exact `hasMore`, per-item cursors that are ElectroDB's own,
 * CursorError for cursors that are not this list's, and a bounded number of requests per page.
 */
import { createConversions } from 'electrodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  correctionsBySubmitter,
  correctionsOfReport,
  moderationQueue,
} from '../../packages/core/src/corrections/corrections.ts';
import { agenciesOfRegion } from '../../packages/core/src/queries/agencies.ts';
import { findingsByRule } from '../../packages/core/src/queries/findings.ts';
import {
  CursorError,
  type Page,
  type PageArgs,
  PageSizeError,
} from '../../packages/core/src/queries/page.ts';
import { reportsOfAgency, reportsOfYear } from '../../packages/core/src/queries/reports.ts';
import { indicatorAcrossAgencies } from '../../packages/core/src/queries/values.ts';
import { freshStore, type TestStore } from '../support/store.ts';

const CODE = 'requests.new:total';
const RULE = 'test.rule';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const agencyIdOf = (region: string, n: number) =>
  `${region}-aaaaaaaa${LETTERS[Math.floor(n / 26)]}${LETTERS[n % 26]}`;
const stamp = (n: number) =>
  `2024-01-01T00:${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}.000Z`;
const LEVELS = ['county', 'department', 'city'] as const;
const REGIONS = ['440103', '440104', '440106', '440300', '441900'];
const FORMS = ['gov-2021', 'gov-2019'] as const;

const encode = (keys: unknown) => Buffer.from(JSON.stringify(keys)).toString('base64url');
const decode = (cursor: string) =>
  JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;

/** One paged list, its types erased so the cases fit one table. */
interface ListCase {
  name: string;
  /** Lists of one family may accept each other's cursors (same index and partition). */
  family: string;
  page(args: PageArgs): Promise<Page<object>>;
  id(item: object): string;
  /** The whole list in natural order, read in one go without the pager: the oracle. */
  all(): Promise<string[]>;
  /** A cursor of the same kind of list over another partition. */
  elsewhere?(): Promise<string>;
  /** The same query through ElectroDB alone (no filter), to compare cursors with. */
  raw?(options: {
    count?: number;
    limit?: number;
  }): Promise<{ data: object[]; cursor: string | null }>;
  /** The index keys name the item's table keys too, so swapping the table keys is caught. */
  consistent?: boolean;
  /** DynamoDB requests a page may take. */
  requests: number;
}

function list<T extends object>(spec: {
  name: string;
  family: string;
  page(args: PageArgs): Promise<Page<T>>;
  id(item: T): string;
  all(): Promise<string[]>;
  elsewhere?(): Promise<string>;
  raw?(options: { count?: number; limit?: number }): Promise<{ data: T[]; cursor: string | null }>;
  consistent?: boolean;
  requests?: number;
}): ListCase {
  return {
    ...spec,
    page: spec.page as ListCase['page'],
    id: spec.id as ListCase['id'],
    raw: spec.raw as ListCase['raw'],
    requests: spec.requests ?? 1,
  };
}

describe('keyset pagination', () => {
  let store: TestStore;
  let cases: ListCase[] = [];
  const agencyA = agencyIdOf('440103', 0);
  const agencyB = agencyIdOf('440104', 1);
  const reportOfA = `${agencyA}-2024`;
  const reportOfB = `${agencyB}-2024`;

  beforeAll(async () => {
    store = await freshStore();
    const { agency, report, finding, value, correction } = store.db.entities;
    const now = stamp(0);
    const common = { createdAt: now, updatedAt: now, changeBucket: now.slice(0, 7) };
    const agencies = [
      ...Array.from({ length: 24 }, (_, i) => {
        const regionCode = REGIONS[i % REGIONS.length] as string;
        return {
          agencyId: agencyIdOf(regionCode, i),
          regionCode,
          level: LEVELS[i % 3] as (typeof LEVELS)[number],
        };
      }),
      ...Array.from({ length: 3 }, (_, i) => ({
        agencyId: agencyIdOf('450100', 30 + i),
        regionCode: '450100',
        level: LEVELS[i % 3] as (typeof LEVELS)[number],
      })),
    ].map((a, i) => ({
      ...a,
      ...common,
      name: `机构${i}`,
      normalizedName: `机构${String(i).padStart(2, '0')}`,
      province: a.regionCode.slice(0, 2),
    }));
    expect(agencies[0]?.agencyId).toBe(agencyA);
    expect(agencies[1]?.agencyId).toBe(agencyB);

    const reportItem = (a: (typeof agencies)[number], year: number, form: string) => ({
      ...common,
      agencyId: a.agencyId,
      year,
      reportId: `${a.agencyId}-${year}`,
      regionCode: a.regionCode,
      form: form as (typeof FORMS)[number],
      currentVersion: 1,
      versionCount: 1,
      sourceHash: `hash-${a.agencyId}-${year}`,
      revision: 0,
    });
    const [first, second] = agencies as [(typeof agencies)[number], (typeof agencies)[number]];
    const reports = [
      // Fourteen years of agency A, forms alternating; 2024 for every agency; two years of B.
      ...Array.from({ length: 13 }, (_, i) => reportItem(first, 2011 + i, FORMS[i % 2] as string)),
      ...agencies.map((a, i) => reportItem(a, 2024, FORMS[i % 2] as string)),
      reportItem(second, 2023, 'gov-2021'),
    ];
    const findings = [
      ...Array.from({ length: 16 }, (_, i) => {
        const a = agencies[i] as (typeof agencies)[number];
        const year = 2022 + (i % 3);
        return { a, year, rule: RULE, seq: i };
      }),
      { a: second, year: 2024, rule: 'other.rule', seq: 99 },
      { a: first, year: 2024, rule: 'other.rule', seq: 98 },
    ].map(({ a, year, rule, seq }) => ({
      reportId: `${a.agencyId}-${year}`,
      version: 1,
      scope: 'report' as const,
      seq,
      rule,
      severity: 'warning' as const,
      message: `finding ${seq}`,
      year,
      regionCode: a.regionCode,
      agencyId: a.agencyId,
    }));
    const valueItem = (a: (typeof agencies)[number], year: number, version: number) => ({
      reportId: `${a.agencyId}-${year}`,
      version,
      code: CODE,
      year,
      regionCode: a.regionCode,
      agencyId: a.agencyId,
      extracted: version,
      current: version,
      source: 'table' as const,
      revision: 0,
      updatedAt: now,
    });
    const values = [
      // Every fourth report shows two versions, one of them versions 9 and 10 ('10' sorts first).
      ...agencies.flatMap((a, i) =>
        i === 5
          ? [valueItem(a, 2024, 9), valueItem(a, 2024, 10)]
          : i % 4 === 0
            ? [valueItem(a, 2024, 1), valueItem(a, 2024, 2)]
            : [valueItem(a, 2024, 1)],
      ),
      valueItem(second, 2023, 1),
    ];
    const statuses = ['pending', 'accepted', 'rejected'] as const;
    const corrections = Array.from({ length: 17 }, (_, i) => ({
      correctionId: `c-${String(i).padStart(3, '0')}`,
      reportId: i < 13 ? reportOfA : reportOfB,
      version: 1,
      code: CODE,
      proposed: i,
      basis: 1,
      evidence: 'printed otherwise',
      submitter: i % 2 === 0 ? 's-1' : 's-2',
      status: statuses[i % 3] as (typeof statuses)[number],
      // Not in id order, so the index sort key (createdAt first) decides.
      createdAt: stamp((i * 7) % 17),
    }));
    for (const out of await Promise.all([
      agency.put(agencies).go(),
      report.put(reports).go(),
      finding.put(findings).go(),
      value.put(values).go(),
      correction.put(corrections).go(),
    ]))
      expect(out.unprocessed).toEqual([]);

    const ids = <T>(items: T[], id: (item: T) => string) => items.map(id);
    const agencyId = (a: { agencyId: string }) => a.agencyId;
    const reportKey = (r: { reportId: string }) => r.reportId;
    const findingKey = (f: { reportId: string; seq: number }) => `${f.reportId}/${f.seq}`;
    const valueKey = (v: { reportId: string; version: number }) => `${v.reportId}@${v.version}`;
    const correctionId = (c: { correctionId: string }) => c.correctionId;
    const region44 = () =>
      agency.query
        .byRegion({ province: '44' })
        .go({ pages: 'all' })
        .then((o) => o.data);
    const year2024 = () =>
      report.query
        .byYear({ year: 2024 })
        .go({ pages: 'all' })
        .then((o) => o.data);
    const newest = <T extends { reportId: string; version: number }>(items: T[]) => {
      const out: T[] = [];
      for (const v of items) {
        const last = out.at(-1);
        if (last?.reportId !== v.reportId) out.push(v);
        else if (v.version > last.version) out[out.length - 1] = v;
      }
      return out;
    };
    const accepted = corrections.find((c) => c.status === 'accepted');

    cases = [
      list({
        name: 'agenciesOfRegion 44',
        family: 'agency/44',
        page: (a) => agenciesOfRegion(store, { region: '44', ...a }),
        id: agencyId,
        all: async () => ids(await region44(), agencyId),
        elsewhere: async () =>
          (await agenciesOfRegion(store, { region: '45', limit: 1 })).cursors[0] as string,
        raw: (o) => agency.query.byRegion({ province: '44' }).go({ order: 'asc', ...o }),
      }),
      list({
        name: 'agenciesOfRegion 44, counties (where filter)',
        family: 'agency/44',
        page: (a) => agenciesOfRegion(store, { region: '440000', level: 'county', ...a }),
        id: agencyId,
        all: async () =>
          ids(
            (await region44()).filter((x) => x.level === 'county'),
            agencyId,
          ),
      }),
      list({
        name: 'agenciesOfRegion 4401, departments (where filter, sort-key prefix)',
        family: 'agency/44',
        page: (a) => agenciesOfRegion(store, { region: '440100', level: 'department', ...a }),
        id: agencyId,
        all: async () =>
          ids(
            (await region44()).filter(
              (x) => x.level === 'department' && x.regionCode.startsWith('4401'),
            ),
            agencyId,
          ),
      }),
      list({
        name: 'reportsOfAgency',
        family: 'report/A',
        page: (a) => reportsOfAgency(store, agencyA, a),
        id: reportKey,
        all: async () =>
          ids(
            (await report.query.primary({ agencyId: agencyA }).go({ pages: 'all', order: 'desc' }))
              .data,
            reportKey,
          ),
        elsewhere: async () =>
          (await reportsOfAgency(store, agencyB, { limit: 1 })).cursors[0] as string,
        raw: (o) => report.query.primary({ agencyId: agencyA }).go({ order: 'desc', ...o }),
      }),
      list({
        name: 'reportsOfAgency, one form (where filter)',
        family: 'report/A',
        page: (a) => reportsOfAgency(store, agencyA, { form: 'gov-2021', ...a }),
        id: reportKey,
        all: async () =>
          ids(
            (
              await report.query.primary({ agencyId: agencyA }).go({ pages: 'all', order: 'desc' })
            ).data.filter((r) => r.form === 'gov-2021'),
            reportKey,
          ),
      }),
      list({
        name: 'reportsOfYear, a province',
        family: 'report/2024',
        page: (a) => reportsOfYear(store, 2024, { region: '44', ...a }),
        id: reportKey,
        all: async () =>
          ids(
            (await year2024()).filter((r) => r.regionCode.startsWith('44')),
            reportKey,
          ),
        elsewhere: async () =>
          (await reportsOfYear(store, 2023, { limit: 1 })).cursors[0] as string,
        raw: (o) => report.query.byYear({ year: 2024 }).begins({ regionCode: '44' }).go(o),
        consistent: true,
      }),
      list({
        name: 'reportsOfYear, one form (where filter)',
        family: 'report/2024',
        page: (a) => reportsOfYear(store, 2024, { form: 'gov-2019', ...a }),
        id: reportKey,
        all: async () =>
          ids(
            (await year2024()).filter((r) => r.form === 'gov-2019'),
            reportKey,
          ),
        consistent: true,
      }),
      list({
        name: 'findingsByRule',
        family: 'finding/rule',
        page: (a) => findingsByRule(store, RULE, a),
        id: findingKey,
        all: async () =>
          ids(
            (await finding.query.byRule({ rule: RULE }).go({ pages: 'all', order: 'desc' })).data,
            findingKey,
          ),
        elsewhere: async () =>
          (await findingsByRule(store, 'other.rule', { limit: 1 })).cursors[0] as string,
        raw: (o) => finding.query.byRule({ rule: RULE }).go({ order: 'desc', ...o }),
        consistent: true,
      }),
      list({
        name: 'findingsByRule, one year (sort-key prefix)',
        family: 'finding/rule',
        page: (a) => findingsByRule(store, RULE, { year: 2023, ...a }),
        id: findingKey,
        all: async () =>
          ids(
            (
              await finding.query.byRule({ rule: RULE }).go({ pages: 'all', order: 'desc' })
            ).data.filter((f) => f.year === 2023),
            findingKey,
          ),
        consistent: true,
      }),
      list({
        name: 'indicatorAcrossAgencies (newest version of each report)',
        family: 'value/2024',
        page: (a) => indicatorAcrossAgencies(store, { code: CODE, year: 2024, ...a }),
        id: valueKey,
        all: async () =>
          ids(
            newest(
              (await value.query.byIndicator({ code: CODE, year: 2024 }).go({ pages: 'all' })).data,
            ),
            valueKey,
          ),
        elsewhere: async () =>
          (await indicatorAcrossAgencies(store, { code: CODE, year: 2023, limit: 1 }))
            .cursors[0] as string,
        consistent: true,
        requests: 2,
      }),
      list({
        name: 'indicatorAcrossAgencies, a city',
        family: 'value/2024',
        page: (a) =>
          indicatorAcrossAgencies(store, { code: CODE, year: 2024, region: '440100', ...a }),
        id: valueKey,
        all: async () =>
          ids(
            newest(
              (
                await value.query
                  .byIndicator({ code: CODE, year: 2024 })
                  .begins({ regionCode: '4401' })
                  .go({ pages: 'all' })
              ).data,
            ),
            valueKey,
          ),
        consistent: true,
        requests: 2,
      }),
      list({
        name: 'correctionsOfReport',
        family: 'correction/report',
        page: (a) => correctionsOfReport(store, reportOfA, a),
        id: correctionId,
        all: async () =>
          ids(
            (
              await correction.query
                .byReport({ reportId: reportOfA })
                .go({ pages: 'all', order: 'desc' })
            ).data,
            correctionId,
          ),
        elsewhere: async () =>
          (await correctionsOfReport(store, reportOfB, { limit: 1 })).cursors[0] as string,
        raw: (o) => correction.query.byReport({ reportId: reportOfA }).go({ order: 'desc', ...o }),
        consistent: true,
      }),
      list({
        name: 'moderationQueue',
        family: 'correction/status',
        page: (a) => moderationQueue(store, a),
        id: correctionId,
        all: async () =>
          ids(
            (await correction.query.byStatus({ status: 'pending' }).go({ pages: 'all' })).data,
            correctionId,
          ),
        // No other queue to ask: an accepted correction's cursor on the same index.
        elsewhere: async () =>
          createConversions(correction).byAccessPattern.byStatus.fromComposite.toCursor(
            accepted as never,
          ),
        raw: (o) => correction.query.byStatus({ status: 'pending' }).go({ order: 'asc', ...o }),
        consistent: true,
      }),
      list({
        name: 'correctionsBySubmitter',
        family: 'correction/submitter',
        page: (a) => correctionsBySubmitter(store, 's-1', a),
        id: correctionId,
        all: async () =>
          ids(
            (
              await correction.query
                .bySubmitter({ submitter: 's-1' })
                .go({ pages: 'all', order: 'desc' })
            ).data,
            correctionId,
          ),
        elsewhere: async () =>
          (await correctionsBySubmitter(store, 's-2', { limit: 1 })).cursors[0] as string,
        consistent: true,
      }),
    ];
  });

  /** A page, checking its shape and the DynamoDB requests it took. */
  const fetchPage = async (c: ListCase, args: PageArgs) => {
    store.meter.reset();
    const page = await c.page(args);
    expect(store.meter.byCommand.ScanCommand).toBeUndefined();
    expect(store.meter.requests).toBeLessThanOrEqual(c.requests);
    expect(page.cursors).toHaveLength(page.items.length);
    const edge = args.backward ? page.cursors[0] : page.cursors.at(-1);
    expect(page.cursor).toBe(page.hasMore ? edge : null);
    return { ...page, ids: page.items.map((item) => c.id(item)) };
  };

  const caseNames = () => cases.map((c) => c.name);
  const byName = (name: string) => {
    const found = cases.find((c) => c.name === name);
    if (!found) throw new Error(name);
    return found;
  };
  // Names are known before beforeAll runs; the cases themselves are built there.
  const NAMES = [
    'agenciesOfRegion 44',
    'agenciesOfRegion 44, counties (where filter)',
    'agenciesOfRegion 4401, departments (where filter, sort-key prefix)',
    'reportsOfAgency',
    'reportsOfAgency, one form (where filter)',
    'reportsOfYear, a province',
    'reportsOfYear, one form (where filter)',
    'findingsByRule',
    'findingsByRule, one year (sort-key prefix)',
    'indicatorAcrossAgencies (newest version of each report)',
    'indicatorAcrossAgencies, a city',
    'correctionsOfReport',
    'moderationQueue',
    'correctionsBySubmitter',
  ];

  it('covers every list', () => {
    expect(caseNames()).toEqual(NAMES);
  });

  describe.each(NAMES)('%s', (name) => {
    it('walks forward with several page sizes: every item once, in order, exact hasMore', async () => {
      const c = byName(name);
      const all = await c.all();
      expect(all.length).toBeGreaterThanOrEqual(3);
      expect(new Set(all).size).toBe(all.length);
      for (const size of [1, 2, 3, 7, all.length, 100]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        for (let n = 0; ; n++) {
          const page = await fetchPage(c, { limit: size, cursor });
          seen.push(...page.ids);
          expect(page.ids).toEqual(all.slice(n * size, (n + 1) * size));
          expect(page.hasMore).toBe((n + 1) * size < all.length);
          if (!page.hasMore) break;
          cursor = page.cursor;
        }
        expect(seen).toEqual(all);
      }
    });

    it('walks backward from the end with several page sizes', async () => {
      const c = byName(name);
      const all = await c.all();
      for (const size of [1, 2, 5, all.length, 100]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        for (let n = 0; ; n++) {
          const page = await fetchPage(c, { limit: size, cursor, backward: true });
          const end = all.length - n * size;
          expect(page.ids).toEqual(all.slice(Math.max(0, end - size), end));
          expect(page.hasMore).toBe(end - size > 0);
          seen.unshift(...page.ids);
          if (!page.hasMore) break;
          cursor = page.cursor;
        }
        expect(seen).toEqual(all);
      }
    });

    it('continues from any item’s cursor both ways, excluding that item', async () => {
      const c = byName(name);
      const all = await c.all();
      const full = await fetchPage(c, { limit: 100 });
      expect(full.ids).toEqual(all);
      expect(full.hasMore).toBe(false);
      expect(full.cursor).toBeNull();
      const back = await fetchPage(c, { limit: 100, backward: true });
      expect(back.ids).toEqual(all);
      expect(back.cursors).toEqual(full.cursors);
      for (const [i, cursor] of full.cursors.entries()) {
        const after = await fetchPage(c, { limit: 2, cursor });
        expect(after.ids).toEqual(all.slice(i + 1, i + 3));
        expect(after.hasMore).toBe(i + 3 < all.length);
        expect(after.cursors).toEqual(full.cursors.slice(i + 1, i + 3));
        const before = await fetchPage(c, { limit: 2, cursor, backward: true });
        expect(before.ids).toEqual(all.slice(Math.max(0, i - 2), i));
        expect(before.hasMore).toBe(i - 2 > 0);
        expect(before.cursors).toEqual(full.cursors.slice(Math.max(0, i - 2), i));
      }
      // From a middle item, backward then forward again lands back on it.
      const middle = Math.floor(all.length / 2);
      const before = await fetchPage(c, {
        limit: 1,
        cursor: full.cursors[middle] as string,
        backward: true,
      });
      const again = await fetchPage(c, { limit: 1, cursor: before.cursors[0] as string });
      expect(again.ids).toEqual([all[middle]]);
    });

    it('rejects garbage, truncated, foreign and tampered cursors with CursorError', async () => {
      const c = byName(name);
      const { cursors } = await c.page({ limit: 3 });
      const good = cursors[1] as string;
      const keys = decode(good);
      const names = Object.keys(keys);
      const indexKeys = names.filter((k) => k.startsWith('gsi'));
      const [pkName, skName] = indexKeys.length ? indexKeys : ['pk', 'sk'];
      const foreign = cases
        .filter((other) => other.family !== c.family)
        .map(async (other) => (await other.page({ limit: 1 })).cursors[0] as string);
      const tampered = [
        `${good.slice(0, 1) === 'A' ? 'B' : 'A'}${good.slice(1)}`,
        `${good}!`,
        `${good}A`,
        encode(Object.fromEntries(Object.entries(keys).slice(1))),
        encode({ ...keys, extra: 'x' }),
        encode({ ...keys, [pkName as string]: `${keys[pkName as string]}x` }),
        encode({ ...keys, [skName as string]: `x${keys[skName as string]}` }),
        encode({ ...keys, [skName as string]: 7 }),
      ];
      if (c.consistent || indexKeys.length === 0) {
        // Another table partition: the list's own (table index) or one the index keys contradict.
        tampered.push(encode({ ...keys, pk: `${keys.pk}`.replace(/_/, '_x') }));
      }
      if (c.consistent) {
        // The index keys of one item with the table keys of another.
        const other = decode(cursors[2] as string);
        tampered.push(encode({ ...keys, pk: other.pk, sk: other.sk }));
      }
      const bad = [
        '',
        'not a cursor',
        '%%%',
        'abc',
        'x'.repeat(5000),
        encode([]),
        encode(null),
        encode('x'),
        encode({}),
        encode({ pk: 1 }),
        good.slice(0, -2),
        good.slice(0, Math.floor(good.length / 2)),
        ...(await Promise.all(foreign)),
        ...(c.elsewhere ? [await c.elsewhere()] : []),
        ...tampered,
      ];
      expect(bad.length).toBeGreaterThan(20);
      for (const cursor of bad) {
        for (const backward of [false, true]) {
          store.meter.reset();
          const error = await c.page({ limit: 2, cursor, backward }).then(
            () => new Error(`accepted ${cursor.slice(0, 60)}`),
            (e: unknown) => e,
          );
          expect(error, cursor.slice(0, 200)).toBeInstanceOf(CursorError);
          expect((error as Error).message).toMatch(/cursor is not valid for this list/);
          expect(store.meter.requests).toBe(0);
        }
      }
      await expect(c.page({ limit: 0 })).rejects.toBeInstanceOf(PageSizeError);
      await expect(c.page({ limit: 101, backward: true })).rejects.toBeInstanceOf(PageSizeError);
    });
  });

  const RAW = [
    'agenciesOfRegion 44',
    'reportsOfAgency',
    'reportsOfYear, a province',
    'findingsByRule',
    'correctionsOfReport',
    'moderationQueue',
  ];
  describe.each(RAW)('%s cursors', (name) => {
    it('are the cursors ElectroDB itself returns after each item', async () => {
      const c = byName(name);
      if (!c.raw) throw new Error(`${name} has no raw query`);
      const all = await c.all();
      const full = await c.page({ limit: 100 });
      for (let k = 1; k < all.length; k++) {
        // `count` ends the page on an item: ElectroDB builds the cursor from it.
        const counted = await c.raw({ count: k });
        expect(counted.data.map((x) => c.id(x))).toEqual(all.slice(0, k));
        expect(counted.cursor).toBe(full.cursors[k - 1]);
        // `limit` ends it on DynamoDB's LastEvaluatedKey: the same keys, and accepted as a cursor.
        const limited = await c.raw({ limit: k });
        expect(decode(limited.cursor as string)).toEqual(decode(full.cursors[k - 1] as string));
        const next = await c.page({ limit: 1, cursor: limited.cursor });
        expect(next.items.map((x) => c.id(x))).toEqual([all[k]]);
      }
    });
  });

  it('rejects a cursor of the same partition outside the list’s sort-key range', async () => {
    const wide = await findingsByRule(store, RULE, { limit: 1 });
    const agencies = await agenciesOfRegion(store, { region: '44', limit: 100 });
    const outside = agencies.items.findIndex((a) => !a.regionCode.startsWith('4401'));
    for (const backward of [false, true]) {
      await expect(
        findingsByRule(store, RULE, { year: 2023, cursor: wide.cursor, backward }),
      ).rejects.toBeInstanceOf(CursorError);
      await expect(
        agenciesOfRegion(store, { region: '4401', cursor: agencies.cursors[outside], backward }),
      ).rejects.toBeInstanceOf(CursorError);
    }
  });

  it('an empty list: no items, no cursors, nothing more either way', async () => {
    for (const backward of [false, true]) {
      const page = await reportsOfAgency(store, agencyIdOf('110101', 0), { backward });
      expect(page).toEqual({ items: [], cursors: [], cursor: null, hasMore: false });
      const none = await correctionsBySubmitter(store, 'nobody', { backward, limit: 1 });
      expect(none).toEqual({ items: [], cursors: [], cursor: null, hasMore: false });
    }
  });

  it('one Query per page for lists without a filter, whatever the size and direction', async () => {
    for (const name of NAMES.filter((n) => !/filter|newest|city/.test(n))) {
      const c = byName(name);
      const first = await c.page({ limit: 3 });
      for (const args of [
        { limit: 1 },
        { limit: 100 },
        { limit: 3, cursor: first.cursor },
        { limit: 3, backward: true },
        { limit: 2, cursor: first.cursors[2], backward: true },
      ]) {
        store.meter.reset();
        await c.page(args);
        expect(store.meter.byCommand, `${name} ${JSON.stringify(args)}`).toEqual({
          QueryCommand: 1,
        });
      }
    }
  });
});
