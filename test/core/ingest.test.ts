import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles, listSourceFiles } from '../../packages/core/src/ingest/ingest-files.ts';
import { ingestSource } from '../../packages/core/src/ingest/ingest-source.ts';
import { getReportById, versionsOfReport } from '../../packages/core/src/queries/reports.ts';
import { valuesOfReport } from '../../packages/core/src/queries/values.ts';
import { countItems } from '../support/scan.ts';
import { freshStore, type TestStore } from '../support/store.ts';

const REPORTS = join(import.meta.dirname, '../fixtures/corpus/reports');

describe('ingest of the corpus', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore();
  });

  it('ingests every report once, and a second run changes nothing', async () => {
    const { files } = await listSourceFiles([REPORTS]);
    expect(files.length).toBe(readdirSync(REPORTS).length);
    const first = await ingestFiles(store, files, { base: REPORTS });
    expect(first.failed).toEqual([]);
    expect(first.ingested).toBe(files.length);
    const items = await countItems(store);

    const second = await ingestFiles(store, files, { base: REPORTS });
    expect(second).toMatchObject({
      ingested: 0,
      newVersions: 0,
      unchanged: files.length,
      failed: [],
    });
    expect(await countItems(store)).toEqual(items);
  });

  it('keeps every extracted value with its provenance', async () => {
    const bytes = readFileSync(join(REPORTS, 'js-huaian-city-2024.txt'));
    const outcome = await ingestSource(store, { bytes, fileName: 'again.txt' });
    expect(outcome.status).toBe('unchanged');
    if (outcome.status === 'failed') return;
    const report = await getReportById(store, outcome.reportId);
    expect(report?.form).toBe('gov-2021');
    const values = await valuesOfReport(store, report as NonNullable<typeof report>);
    expect(values.length).toBe(report?.valueCount);
    const text = bytes.toString('utf8');
    for (const v of values
      .filter((x) => x.extracted !== null && x.source === 'table')
      .slice(0, 20)) {
      expect(v.current).toBe(v.extracted);
      expect(text.slice(v.spanStart, v.spanEnd)).toContain(String(v.extracted));
    }
    expect((await versionsOfReport(store, outcome.reportId)).map((v) => v.status)).toEqual([
      'current',
    ]);
  });
});
