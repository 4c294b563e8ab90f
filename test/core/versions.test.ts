import { beforeAll, describe, expect, it } from 'vitest';
import {
  reviewCorrection,
  submitCorrection,
} from '../../packages/core/src/corrections/corrections.ts';
import { ingestSource } from '../../packages/core/src/ingest/ingest-source.ts';
import { findingsOfReport } from '../../packages/core/src/queries/findings.ts';
import { getReportById, versionsOfReport } from '../../packages/core/src/queries/reports.ts';
import {
  indicatorAcrossAgencies,
  valueHistory,
  valuesOfReport,
} from '../../packages/core/src/queries/values.ts';
import { countItems } from '../support/scan.ts';
import { freshStore, type TestStore } from '../support/store.ts';
import { bytesOf, corpusText, withFigure } from './corpus.ts';

const NAME = 'js-huaian-city-2024.txt';
const CODE = 'requests.granted:natural';

describe('a changed source for the same agency and year', () => {
  let store: TestStore;
  const original = corpusText(NAME);
  let reportId = '';

  beforeAll(async () => {
    store = await freshStore();
    const first = await ingestSource(store, { bytes: bytesOf(original), fileName: NAME });
    if (first.status === 'failed') throw new Error(first.reason);
    reportId = first.reportId;
  });

  const readValue = async (code: string) => {
    const report = await getReportById(store, reportId);
    const values = await valuesOfReport(store, report as NonNullable<typeof report>);
    return values.find((v) => v.code === code);
  };

  it('becomes a new current version that records what changed', async () => {
    const before = await readValue(CODE);
    const other = await readValue('requests.granted:business');
    // A moderator corrected an unrelated cell of version 1: it must survive the new version.
    const c = await submitCorrection(
      store,
      {
        reportId,
        code: 'requests.granted:business',
        value: 99,
        evidence: 'the PDF prints 99',
        submitter: 'alice',
      },
      '2026-01-01T00:00:00.000Z',
    );
    await reviewCorrection(
      store,
      { correctionId: c.correctionId, decision: 'accept', reviewer: 'bob', reason: 'matches PDF' },
      '2026-01-02T00:00:00.000Z',
    );

    const edited = withFigure(original, CODE, 777);
    const outcome = await ingestSource(store, { bytes: bytesOf(edited), fileName: 'edited.txt' });
    expect(outcome).toMatchObject({ status: 'new-version', reportId, version: 2 });

    const report = await getReportById(store, reportId);
    expect(report).toMatchObject({ currentVersion: 2, versionCount: 2 });
    const versions = await versionsOfReport(store, reportId);
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'current'],
    ]);
    expect(versions[1]?.changes).toContainEqual({ code: CODE, from: before?.extracted, to: 777 });

    const after = await readValue(CODE);
    expect(after).toMatchObject({ extracted: 777, current: 777, version: 2 });
    expect(await readValue('requests.granted:business')).toMatchObject({
      extracted: other?.extracted,
      current: 99,
    });

    const findings = await findingsOfReport(store, report as NonNullable<typeof report>);
    expect(findings.filter((f) => f.rule === 'source.changed')).toEqual([
      expect.objectContaining({ scope: 'version', codes: [CODE], severity: 'warning' }),
    ]);

    const history = await valueHistory(store, reportId, CODE);
    expect(history).toEqual([
      expect.objectContaining({
        kind: 're-extracted',
        from: before?.extracted,
        to: 777,
        version: 2,
      }),
    ]);
  });

  it('leaves no items of the superseded version behind', async () => {
    const counts = await countItems(store);
    const report = await getReportById(store, reportId);
    expect(counts.value).toBe(report?.valueCount);
    expect(counts.finding ?? 0).toBe(report?.findingCount);
    expect(counts.version).toBe(2);
    expect(counts.source).toBe(2);
  });

  it('shows one value per report across agencies', async () => {
    const page = await indicatorAcrossAgencies(store, { code: CODE, year: 2024 });
    expect(page.items.map((v) => [v.reportId, v.current])).toEqual([[reportId, 777]]);
  });

  it('returns to an earlier source as yet another version, and the same bytes as unchanged', async () => {
    expect((await ingestSource(store, { bytes: bytesOf(original) })).status).toBe('unchanged');
    const again = withFigure(original, CODE, 778);
    expect(await ingestSource(store, { bytes: bytesOf(again) })).toMatchObject({
      status: 'new-version',
      version: 3,
    });
    expect(await ingestSource(store, { bytes: bytesOf(again) })).toMatchObject({
      status: 'unchanged',
      version: 3,
    });
  });
});

describe('sources of one agency-year ingested at the same time', () => {
  it('each get a version of their own, and the current one holds exactly its own values', async () => {
    const store = await freshStore();
    const original = corpusText(NAME);
    const texts = [1, 2, 3, 4].map((k) => withFigure(original, CODE, 1000 + k));
    const outcomes = await Promise.all(
      texts.map((t) => ingestSource(store, { bytes: bytesOf(t) })),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual([
      'ingested',
      'new-version',
      'new-version',
      'new-version',
    ]);
    const reportId = outcomes[0]?.status === 'failed' ? '' : (outcomes[0]?.reportId ?? '');
    const versions = await versionsOfReport(store, reportId);
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4]);
    expect(versions.filter((v) => v.status === 'current')).toHaveLength(1);
    const report = await getReportById(store, reportId);
    const values = await valuesOfReport(store, report as NonNullable<typeof report>);
    expect(values.every((v) => v.version === report?.currentVersion)).toBe(true);
    expect(values).toHaveLength(report?.valueCount ?? -1);
    const current = versions.find((v) => v.status === 'current');
    const figure = values.find((v) => v.code === CODE)?.extracted;
    // The current version's figure is the one its own source printed.
    const own = outcomes.findIndex((o) => o.status !== 'failed' && o.version === current?.version);
    expect(figure).toBe(1001 + own);
  });
});

describe('the same bytes ingested several times at once (SQS redelivery, a file under two keys)', () => {
  it.each([1, 2, 3])(
    'store one version; the others say unchanged at it; nothing staged is left (run %i)',
    async () => {
      const store = await freshStore();
      const bytes = bytesOf(corpusText(NAME));
      const outcomes = await Promise.all([1, 2, 3].map(() => ingestSource(store, { bytes })));
      expect(outcomes.map((o) => o.status).sort()).toEqual(['ingested', 'unchanged', 'unchanged']);
      const reportId = outcomes[0]?.status === 'failed' ? '' : (outcomes[0]?.reportId ?? '');
      const report = await getReportById(store, reportId);
      expect(outcomes.map((o) => (o.status === 'failed' ? -1 : o.version))).toEqual([
        report?.currentVersion,
        report?.currentVersion,
        report?.currentVersion,
      ]);
      const versions = await versionsOfReport(store, reportId);
      expect(versions.map((v) => v.status)).toEqual(['current']);
      // No staged copy of the values survives beside the current version's.
      expect((await countItems(store)).value).toBe(report?.valueCount);
    },
  );
});
