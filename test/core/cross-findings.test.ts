import { beforeAll, describe, expect, it } from 'vitest';
import { ingestSource } from '../../packages/core/src/ingest/ingest-source.ts';
import { findingsByRule, findingsOfReport } from '../../packages/core/src/queries/findings.ts';
import { getReportById } from '../../packages/core/src/queries/reports.ts';
import { freshStore, type TestStore } from '../support/store.ts';
import { bytesOf, copiedToYear, corpusText, withFigure } from './corpus.ts';

async function ingestText(store: TestStore, text: string): Promise<string> {
  const outcome = await ingestSource(store, { bytes: bytesOf(text) });
  if (outcome.status === 'failed') throw new Error(outcome.reason);
  return outcome.reportId;
}

async function rulesOf(store: TestStore, reportId: string): Promise<string[]> {
  const report = await getReportById(store, reportId);
  if (!report) throw new Error(`no report ${reportId}`);
  return (await findingsOfReport(store, report))
    .filter((f) => f.scope === 'cross')
    .map((f) => f.rule);
}

describe('cross-report findings computed on ingest', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore();
  });

  // Pingtan 2021 carries 1 forward and 2022 carries 1 over: consistent as published.
  const y2021 = corpusText('fj-pingtan-zone-2021.txt');
  const y2022 = corpusText('fj-pingtan-zone-2022.txt');

  it("carried-over ≠ last year's carried-forward, found whichever year arrives first", async () => {
    const later = await ingestText(store, y2022);
    expect(await rulesOf(store, later)).not.toContain('cross.carriedOver');
    // The earlier year arrives afterwards, with a different carried-forward figure.
    await ingestText(store, withFigure(y2021, 'requests.carriedForward:total', 5));
    const findings = (
      await findingsOfReport(store, (await getReportById(store, later)) as never)
    ).filter((f) => f.rule === 'cross.carriedOver');
    expect(findings).toEqual([
      expect.objectContaining({ expected: 5, printed: 1, codes: ['requests.carriedOver:total'] }),
    ]);

    // A corrected source for 2021 puts the figures back in agreement: the finding goes away.
    await ingestText(store, y2021);
    expect(await rulesOf(store, later)).not.toContain('cross.carriedOver');
    const byRule = await findingsByRule(store, 'cross.carriedOver');
    expect(byRule.items).toEqual([]);
  });

  it("flags a report whose figures are identical to the previous year's (雷同)", async () => {
    const copy = await ingestText(store, copiedToYear(y2022, 2022, 2023));
    expect(await rulesOf(store, copy)).toContain('cross.identicalToPrevious');
    const byRule = await findingsByRule(store, 'cross.identicalToPrevious');
    expect(byRule.items.map((f) => f.reportId)).toEqual([copy]);
    // The genuine 2022 report differs from 2021: no flag.
    const y2022Id = copy.replace(/-2023$/, '-2022');
    expect(await rulesOf(store, y2022Id)).not.toContain('cross.identicalToPrevious');
  });

  it('flags publication after the legal deadline', async () => {
    // 淮安市人民政府 is a government: its 2024 report is due by 2025-03-31.
    const huaian = corpusText('js-huaian-city-2024.txt');
    const onTime = await ingestText(store, `${huaian}\n淮安市人民政府\n2025年3月28日\n`);
    expect(await rulesOf(store, onTime)).not.toContain('cross.lateRelease');
    const late = await ingestText(store, `${huaian}\n淮安市人民政府\n2025年4月15日\n`);
    expect(late).toBe(onTime);
    expect(await rulesOf(store, late)).toContain('cross.lateRelease');
  });
});
