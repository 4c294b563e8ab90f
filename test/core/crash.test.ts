import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFiles, listSourceFiles } from '../../packages/core/src/ingest/ingest-files.ts';
import { CLAIM_LEASE_MS, ingestSource } from '../../packages/core/src/ingest/ingest-source.ts';
import { getReportById } from '../../packages/core/src/queries/reports.ts';
import { countItems, scanAll } from '../support/scan.ts';
import { freshStore, testDbConfig } from '../support/store.ts';
import { bytesOf, copiedToYear, corpusText, REPORTS, withFigure } from './corpus.ts';

const ROOT = join(import.meta.dirname, '../..');
/** The next run comes after the crashed run's claim on its bytes has lapsed. */
const later = () => new Date(Date.now() + CLAIM_LEASE_MS + 1000);

describe('a crash in the middle of an ingest', () => {
  it('leaves nothing visible, and the next run completes it without duplicates', async () => {
    const store = await freshStore();
    const text = corpusText('fj-pingtan-zone-2022.txt');
    const crash = new Error('simulated crash');
    await expect(
      ingestSource(store, { bytes: bytesOf(text) }, { afterStage: () => Promise.reject(crash) }),
    ).rejects.toBe(crash);
    const staged = await countItems(store);
    expect(staged.report).toBeUndefined();
    expect(staged.agency).toBeUndefined();

    // Within the lease the bytes are still claimed: the run says so instead of racing it.
    await expect(ingestSource(store, { bytes: bytesOf(text) })).rejects.toThrow(
      /being ingested by another run \(or one stopped less than 5 minutes ago\); try again later/,
    );
    // A folder run reports that one file and goes on with the others.
    const folder = mkdtempSync(join(tmpdir(), 'gongkai-claimed-'));
    try {
      writeFileSync(join(folder, 'claimed.txt'), bytesOf(text));
      writeFileSync(join(folder, 'other.txt'), bytesOf(corpusText('js-huaian-city-2024.txt')));
      const run = await ingestFiles(
        store,
        [join(folder, 'claimed.txt'), join(folder, 'other.txt')],
        {
          base: folder,
        },
      );
      expect(run.ingested).toBe(1);
      expect(run.failed).toEqual([
        { file: 'claimed.txt', reason: expect.stringMatching(/^being ingested by another run/) },
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    const outcome = await ingestSource(store, { bytes: bytesOf(text) }, { now: later });
    expect(outcome).toMatchObject({ status: 'ingested', version: 1 });
    const clean = await freshStore();
    await ingestSource(clean, { bytes: bytesOf(text) });
    await ingestSource(clean, { bytes: bytesOf(corpusText('js-huaian-city-2024.txt')) });
    expect(await countItems(store)).toEqual(await countItems(clean));
  });

  it('of a new version keeps the old one current until the new one is complete', async () => {
    const store = await freshStore();
    const text = corpusText('fj-pingtan-zone-2022.txt');
    const first = await ingestSource(store, { bytes: bytesOf(text) });
    if (first.status === 'failed') throw new Error(first.reason);
    const edited = withFigure(text, 'requests.new:total', 999);
    await expect(
      ingestSource(
        store,
        { bytes: bytesOf(edited) },
        { afterStage: () => Promise.reject(new Error('crash')) },
      ),
    ).rejects.toThrow('crash');
    expect(await getReportById(store, first.reportId)).toMatchObject({ currentVersion: 1 });
    expect(await ingestSource(store, { bytes: bytesOf(edited) }, { now: later })).toMatchObject({
      status: 'new-version',
      version: 2,
    });
    const counts = await countItems(store);
    const report = await getReportById(store, first.reportId);
    expect(counts.value).toBe(report?.valueCount);
  });

  describe('when the ingest process is killed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-crash-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('is completed by the next run, with the same items as an uninterrupted ingest', async () => {
      // Enough distinct reports that the kill lands mid-run: the corpus plus copies as later years.
      cpSync(REPORTS, dir, { recursive: true });
      for (const year of [2023, 2024, 2025, 2026, 2027, 2028]) {
        writeFileSync(
          join(dir, `pingtan-${year}.txt`),
          copiedToYear(corpusText('fj-pingtan-zone-2022.txt'), 2022, year),
        );
      }
      const config = testDbConfig();
      const store = await freshStore(config);
      const child = spawn(
        process.execPath,
        [join(ROOT, 'packages/cli/bin/gongkai.js'), 'ingest', '--concurrency', '2', dir],
        {
          env: {
            ...process.env,
            DYNAMODB_ENDPOINT: config.endpoint,
            GONGKAI_TABLE: config.tableName,
          },
          stdio: 'ignore',
        },
      );
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      // Kill as soon as the first report is committed: later files are staged or not yet begun.
      for (let i = 0; i < 600 && child.exitCode === null; i++) {
        const items = await scanAll(store);
        if (items.some((x) => x.__edb_e__ === 'report')) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      child.kill('SIGKILL');
      await exited;
      const partial = await countItems(store);
      const { files } = await listSourceFiles([dir]);

      const rerun = await ingestFiles(store, files, { now: later });
      expect(rerun.failed).toEqual([]);
      const clean = await freshStore();
      await ingestFiles(clean, files);
      expect(await countItems(store)).toEqual(await countItems(clean));
      // The kill really interrupted something: the first run had not stored every report.
      expect(partial.report ?? 0).toBeLessThan((await countItems(clean)).report ?? 0);
    });
  });
});
