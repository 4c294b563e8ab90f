/** Every access pattern of DESIGN.md "Data model", each served by a bounded number of Gets/Queries. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  correctionsBySubmitter,
  correctionsOfReport,
  moderationQueue,
  submitCorrection,
} from '../../packages/core/src/corrections/corrections.ts';
import { AgencySearchIndex } from '../../packages/core/src/domain/agency-search.ts';
import { ingestFiles, listSourceFiles } from '../../packages/core/src/ingest/ingest-files.ts';
import {
  agenciesOfRegion,
  getAgencies,
  getAgency,
  loadSearchEntries,
  regionPrefix,
} from '../../packages/core/src/queries/agencies.ts';
import { changesSince } from '../../packages/core/src/queries/changes.ts';
import { findingsByRule, findingsOfReport } from '../../packages/core/src/queries/findings.ts';
import { PageSizeError } from '../../packages/core/src/queries/page.ts';
import {
  getReport,
  getReportsById,
  reportsOfAgency,
  reportsOfYear,
  sourceText,
  versionsOfReport,
} from '../../packages/core/src/queries/reports.ts';
import {
  indicatorAcrossAgencies,
  valueHistory,
  valuesOfReport,
} from '../../packages/core/src/queries/values.ts';
import { freshStore, type TestStore } from '../support/store.ts';
import { REPORTS } from './corpus.ts';

describe('access patterns', () => {
  let store: TestStore;
  let start = '';
  const requests = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
    store.meter.reset();
    const out = await run();
    expect(store.meter.byCommand.ScanCommand).toBeUndefined();
    return [out, store.meter.requests];
  };

  beforeAll(async () => {
    store = await freshStore();
    start = new Date(Date.now() - 1000).toISOString();
    const { files } = await listSourceFiles([REPORTS]);
    const summary = await ingestFiles(store, files);
    expect(summary.failed).toEqual([]);
  });

  const pingtan = async () => {
    const page = await agenciesOfRegion(store, { region: '350128' });
    const zone = page.items.find((a) => a.name === '平潭综合实验区');
    if (!zone) throw new Error('pingtan zone not stored');
    return zone;
  };

  it('1. agency by id; agencies of a region, by level', async () => {
    const zone = await pingtan();
    const [byId, n] = await requests(() => getAgency(store, zone.agencyId));
    expect(byId).toMatchObject({
      name: '平潭综合实验区',
      regionCode: '350128',
      regionPath: ['福建省', '福州市', '平潭县'],
    });
    expect(n).toBe(1);
    const [province] = await requests(() => agenciesOfRegion(store, { region: '350000' }));
    expect(province.items.every((a) => a.regionCode.startsWith('35'))).toBe(true);
    expect(province.items.map((a) => a.name)).toContain('平潭县人民政府');
    const [counties, m] = await requests(() =>
      agenciesOfRegion(store, { region: '350128', level: 'county' }),
    );
    expect(counties.items.map((a) => a.name)).toEqual(['平潭县人民政府']);
    expect(m).toBe(1);
    const [js] = await requests(() => agenciesOfRegion(store, { region: '32', level: 'city' }));
    expect(js.items.map((a) => a.name)).toEqual(['淮安市人民政府']);
    const [batch, b] = await requests(() =>
      getAgencies(store, [zone.agencyId, '000000-aaaaaaaaaa']),
    );
    expect(batch.map((a) => a?.name ?? null)).toEqual(['平潭综合实验区', null]);
    expect(b).toBe(1);
    expect(() => regionPrefix('35x')).toThrow(/region code/);
    await expect(agenciesOfRegion(store, { region: '35', limit: 101 })).rejects.toBeInstanceOf(
      PageSizeError,
    );
  });

  it('2. agency search by name substring and pinyin, from the snapshot', async () => {
    const [entries, n] = await requests(() => loadSearchEntries(store));
    expect(n).toBeLessThanOrEqual(40); // one query per province partition
    const index = new AgencySearchIndex(entries);
    expect(index.search('平潭')[0]?.name).toMatch(/平潭/);
    expect(index.search('huaian')[0]?.name).toBe('淮安市人民政府');
    expect(index.search('hasrmzf')[0]?.name).toBe('淮安市人民政府');
  });

  it('3. reports of an agency newest first; one year; versions', async () => {
    const zone = await pingtan();
    const [reports, n] = await requests(() => reportsOfAgency(store, zone.agencyId));
    expect(reports.items.map((r) => r.year)).toEqual([2022, 2021, 2019]);
    expect(n).toBe(1);
    const [one, m] = await requests(() => getReport(store, zone.agencyId, 2021));
    expect(one?.form).toBe('gov-2021');
    expect(m).toBe(1);
    const [versions] = await requests(() => versionsOfReport(store, one?.reportId ?? ''));
    expect(versions).toHaveLength(1);
    const [byIds] = await requests(() => getReportsById(store, [one?.reportId ?? '', 'bad-id']));
    expect(byIds.map((r) => r?.year ?? null)).toEqual([2021, null]);
    const [ofYear] = await requests(() => reportsOfYear(store, 2024, { region: '32' }));
    expect(ofYear.items.map((r) => r.agencyName)).toEqual(['淮安市人民政府']);
    const [g2021] = await requests(() => reportsOfYear(store, 2024, { form: 'gov-2021' }));
    expect(g2021.items).toHaveLength(2);
  });

  it('4. all values of a report in one query; one value’s history; the source text', async () => {
    const zone = await pingtan();
    const report = await getReport(store, zone.agencyId, 2022);
    if (!report) throw new Error('no report');
    const [values, n] = await requests(() => valuesOfReport(store, report));
    expect(values).toHaveLength(report.valueCount ?? -1);
    expect(n).toBe(1);
    const [history, h] = await requests(() =>
      valueHistory(store, report.reportId, 'requests.new:total'),
    );
    expect(history).toEqual([]);
    expect(h).toBe(2);
    const text = await sourceText(store, report.reportId, report.currentVersion);
    const v = values.find((x) => x.code === 'requests.new:total');
    expect(text.slice(v?.spanStart, v?.spanEnd)).toBe(String(v?.extracted));
  });

  it('5. one indicator across agencies for a year and region', async () => {
    const [all, n] = await requests(() =>
      indicatorAcrossAgencies(store, { code: 'requests.new:total', year: 2024 }),
    );
    expect(all.items.map((v) => v.regionCode).sort()).toEqual(['310000', '320800']);
    expect(n).toBe(1);
    const [js] = await requests(() =>
      indicatorAcrossAgencies(store, { code: 'requests.new:total', year: 2024, region: '320000' }),
    );
    expect(js.items.map((v) => v.regionCode)).toEqual(['320800']);
  });

  it('6. findings of a report; reports with a given finding', async () => {
    const zone = await pingtan();
    const report = await getReport(store, zone.agencyId, 2022);
    const [findings, n] = await requests(() => findingsOfReport(store, report as never));
    expect(findings.length).toBe(report?.findingCount);
    expect(n).toBe(1);
    const rule = findings[0]?.rule ?? 'none';
    const [withRule] = await requests(() => findingsByRule(store, rule));
    expect(withRule.items.map((f) => f.reportId)).toContain(report?.reportId);
  });

  it('7. corrections of a report; the moderation queue; by submitter', async () => {
    const zone = await pingtan();
    const report = await getReport(store, zone.agencyId, 2022);
    const c = await submitCorrection(
      store,
      {
        reportId: report?.reportId ?? '',
        code: 'requests.new:total',
        value: 3,
        evidence: 'printed 3 in the PDF',
        submitter: 's-1',
      },
      new Date().toISOString(),
    );
    const [ofReport, a] = await requests(() => correctionsOfReport(store, report?.reportId ?? ''));
    const [queue, b] = await requests(() => moderationQueue(store));
    const [mine, d] = await requests(() => correctionsBySubmitter(store, 's-1'));
    for (const page of [ofReport, queue, mine])
      expect(page.items.map((x) => x.correctionId)).toEqual([c.correctionId]);
    expect([a, b, d]).toEqual([1, 1, 1]);
  });

  it('8. changes since a timestamp, page by page, none missed or repeated', async () => {
    const now = new Date().toISOString();
    const seen: string[] = [];
    let since: string | null = start;
    let pages = 0;
    while (since) {
      const page = await changesSince(store, since, now, 5);
      seen.push(...page.changes.map((c) => `${c.kind}:${c.id}`));
      since = page.next;
      pages++;
    }
    const entries = await loadSearchEntries(store);
    const reports = (
      await Promise.all(entries.map((e) => reportsOfAgency(store, e.id, { limit: 100 })))
    ).flatMap((p) => p.items);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(entries.length + reports.length);
    expect(pages).toBeGreaterThan(2);
    expect((await changesSince(store, now, now)).changes).toEqual([]);
    await expect(changesSince(store, 'yesterday', now)).rejects.toThrow(/ISO 8601/);
  });
});
