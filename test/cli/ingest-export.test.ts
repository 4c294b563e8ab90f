/**
 * `gongkai ingest` and `gongkai export` end to end, through main() with the environment pointing
 * at the test run's DynamoDB Local (a table of this file's own).
 */

import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { capturingIo } from '../../packages/cli/src/io.ts';
import { main } from '../../packages/cli/src/main.ts';
import { dropTable } from '../../packages/core/src/db/setup-table.ts';
import { openStore } from '../../packages/core/src/db/store.ts';
import { CSV_COLUMNS } from '../../packages/core/src/export/csv.ts';
import type {
  ExportRecord,
  ReportExport,
  ValueExport,
} from '../../packages/core/src/export/export.ts';
import { countItems } from '../support/scan.ts';

const REPORTS = join(import.meta.dirname, '../fixtures/corpus/reports');
const TABLE = `t-cli-${randomUUID()}`;
const ENV = ['DYNAMODB_ENDPOINT', 'GONGKAI_TABLE', 'AWS_REGION'] as const;
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
const tables = new Set<string>([TABLE]);
let scratch: string;

beforeAll(async () => {
  process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
  process.env.GONGKAI_TABLE = TABLE;
  process.env.AWS_REGION = 'local';
  scratch = await mkdtemp(join(tmpdir(), 'gongkai-cli-'));
});

afterAll(async () => {
  const store = openStore({
    endpoint: inject('dynamoEndpoint'),
    region: 'local',
    tableName: TABLE,
  });
  for (const table of tables) await dropTable(store.client, table);
  store.close();
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  await rm(scratch, { recursive: true, force: true });
});

async function run(...args: string[]) {
  const io = capturingIo();
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

async function exportJsonl(...args: string[]): Promise<ExportRecord[]> {
  const { code, stdout, stderr } = await run('export', '--format', 'jsonl', ...args);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  if (stdout === '') return [];
  expect(stdout.endsWith('\n')).toBe(true);
  return stdout
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as ExportRecord);
}

const ofType = <T extends ExportRecord['type']>(records: ExportRecord[], type: T) =>
  records.filter((r): r is Extract<ExportRecord, { type: T }> => r.type === type);

/** A tiny RFC 4180 reader: quoted fields with doubled quotes and line breaks, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
    i++;
  }
  if (field !== '' || row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}

describe('gongkai ingest', () => {
  it('ingests the 13 sample reports, then finds them unchanged', { timeout: 120_000 }, async () => {
    const first = await run('ingest', REPORTS);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('13 files: 13 ingested, 0 unchanged, 0 new versions, 0 failed\n');

    const second = await run('ingest', REPORTS, '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual({
      ingested: 0,
      unchanged: 13,
      newVersions: 0,
      failed: [],
      total: 13,
    });
  });

  it('reports each bad file with its reason and still stores the good ones', {
    timeout: 120_000,
  }, async () => {
    const table = `t-cli-${randomUUID()}`;
    tables.add(table);
    const dir = join(scratch, 'mixed');
    await mkdir(join(dir, 'nested'), { recursive: true });
    const good = [
      'fj-pingtan-county-2011.txt',
      'js-huaian-city-2024.txt',
      'sh-science-commission-2024.txt',
    ];
    for (const name of good) await copyFile(join(REPORTS, name), join(dir, name));
    const text = await readFile(join(REPORTS, 'nx-dawukou-logistics-2016.txt'), 'utf8');
    const gbk = iconv.encode(text, 'gbk');
    expect(iconv.decode(gbk, 'gbk')).toBe(text); // the whole report survives the round trip
    await writeFile(join(dir, 'nested', 'dawukou-gbk.txt'), gbk);
    await writeFile(
      join(dir, 'scanned-report.txt'),
      Buffer.concat([
        Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'),
        Buffer.alloc(512, 0),
      ]),
    );
    await writeFile(join(dir, 'blank.txt'), '');
    const missing = join(scratch, 'no-such-folder');

    process.env.GONGKAI_TABLE = table;
    try {
      const { code, stdout, stderr } = await run('ingest', dir, missing);
      expect(stderr).toBe('');
      expect(code).toBe(1);
      const lines = stdout.trimEnd().split('\n');
      expect(lines[0]).toBe('7 files: 4 ingested, 0 unchanged, 0 new versions, 3 failed');
      expect(lines.slice(1).sort()).toEqual(
        [
          `  failed: ${missing}: no such file or folder`,
          `  failed: ${join(dir, 'blank.txt')}: The input is empty or contains only whitespace.`,
          `  failed: ${join(dir, 'scanned-report.txt')}: The input is a binary file (such as a PDF, image, Word document or archive), not text or HTML.`,
        ].sort(),
      );
      const records = await exportJsonl();
      expect(
        ofType(records, 'report')
          .map((r) => r.year)
          .sort(),
      ).toEqual([2011, 2016, 2024, 2024]);
      expect(ofType(records, 'report').find((r) => r.year === 2016)?.agencyName).toContain(
        '大武口',
      );
    } finally {
      process.env.GONGKAI_TABLE = TABLE;
    }
  });
});

describe('gongkai export', () => {
  const before = new Date(Date.now() - 60 * 60 * 1000).toISOString();

  it('dumps every agency, report and value as JSON lines', async () => {
    const records = await exportJsonl();
    const agencies = ofType(records, 'agency');
    const reports = ofType(records, 'report');
    const values = ofType(records, 'value');
    expect(reports).toHaveLength(13);
    expect(new Set(reports.map((r) => r.agencyId))).toEqual(new Set(agencies.map((a) => a.id)));
    expect(new Set(agencies.map((a) => a.id)).size).toBe(agencies.length);

    // Matches what the table holds (a test-only Scan).
    const store = openStore({
      endpoint: inject('dynamoEndpoint'),
      region: 'local',
      tableName: TABLE,
    });
    try {
      const counts = await countItems(store);
      expect(agencies).toHaveLength(counts.agency ?? -1);
      expect(values).toHaveLength(counts.value ?? -1);
    } finally {
      store.close();
    }

    // Each report is followed by its own values, as many as it says it has.
    let current: ReportExport | null = null;
    const perReport = new Map<string, number>();
    for (const r of records) {
      if (r.type === 'report') current = r;
      else if (r.type === 'value') {
        expect(r.reportId).toBe(current?.id);
        perReport.set(r.reportId, (perReport.get(r.reportId) ?? 0) + 1);
      } else current = null;
    }
    for (const r of reports) expect(perReport.get(r.id) ?? 0).toBe(r.valueCount);

    for (const v of values) {
      expect(v.code).not.toBe('');
      expect(['table', 'prose', 'derived']).toContain(v.source);
      expect(v.value === null || typeof v.value === 'number').toBe(true);
    }
    expect(Object.keys(values[0] as ValueExport)).toEqual([
      'type',
      'reportId',
      'agencyId',
      'year',
      'version',
      'code',
      'value',
      'extracted',
      'unit',
      'source',
      'spanStart',
      'spanEnd',
      'confidence',
      'correctionId',
      'updatedAt',
    ]);

    // A value's span points at its figure in the source file.
    const huaian = reports.find((r) => r.agencyName?.includes('淮安市'));
    expect(huaian).toBeDefined();
    const source = await readFile(join(REPORTS, 'js-huaian-city-2024.txt'), 'utf8');
    const figure = values.find(
      (v) => v.reportId === huaian?.id && v.source === 'table' && v.extracted !== null,
    );
    expect(source.slice(figure?.spanStart ?? 0, figure?.spanEnd ?? 0)).toContain(
      String(figure?.extracted),
    );
  });

  it('writes one CSV row per value to a file, UTF-8 without BOM', async () => {
    const out = join(scratch, 'dump.csv');
    const { code, stdout, stderr } = await run('export', '--format', 'csv', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const bytes = await readFile(out);
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8'));
    const [header, ...data] = rows;
    // The column contract itself is pinned in packages/cli/src/commands/export.test.ts.
    expect(header).toEqual([...CSV_COLUMNS]);
    const values = ofType(await exportJsonl(), 'value');
    expect(data).toHaveLength(values.length);
    expect(stderr).toBe(
      `gongkai export: wrote ${stderr.match(/wrote (\d+) agencies/)?.[1]} agencies, 13 reports and ${values.length} values to ${out}\n`,
    );
    for (const row of data) {
      expect(row).toHaveLength(16);
      expect(row[0]).not.toBe('');
      expect(row[1]).not.toBe(''); // agency name joined in
      expect(row[4]).toMatch(/-\d{4}$/);
      expect(row[8]).not.toBe('');
    }
    const [first] = data;
    const v = values.find((x) => x.reportId === first?.[4] && x.code === first?.[8]);
    expect(first?.[9]).toBe(v?.value === null ? '' : String(v?.value));
    expect(first?.[15]).toBe(String(v?.confidence));
    expect(data.some((row) => /[\u4e00-\u9fff]/.test(row[1] ?? ''))).toBe(true);
  });

  it('exports the same rows to stdout', async () => {
    const { code, stdout } = await run('export', '--format', 'csv');
    expect(code).toBe(0);
    expect(stdout).toBe(await readFile(join(scratch, 'dump.csv'), 'utf8'));
  });

  it('exports nothing changed after a future time', async () => {
    expect(await exportJsonl('--since', '2999-01-01T00:00:00Z')).toEqual([]);
    const { stdout } = await run('export', '--format', 'csv', '--since', '2999-01-01');
    expect(parseCsv(stdout)).toHaveLength(1); // the header only
  });

  it('exports every report changed since before the ingest, then only what changed later', {
    timeout: 60_000,
  }, async () => {
    const all = await exportJsonl('--since', before);
    expect(ofType(all, 'report')).toHaveLength(13);
    expect(ofType(all, 'value')).toHaveLength(ofType(await exportJsonl(), 'value').length);

    // A re-published report (one more line) becomes a new version: the only change.
    await new Promise((r) => setTimeout(r, 20));
    const mark = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const edited = join(scratch, 'edited');
    await mkdir(edited, { recursive: true });
    const name = 'js-hongze-district-2023.txt';
    await writeFile(
      join(edited, name),
      `${await readFile(join(REPORTS, name), 'utf8')}\n（本报告已更新。）\n`,
    );
    const ingest = await run('ingest', join(edited, name));
    expect(ingest.stdout).toBe('1 file: 0 ingested, 0 unchanged, 1 new version, 0 failed\n');

    const changed = await exportJsonl('--since', mark);
    const reports = ofType(changed, 'report');
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ version: 2, versionCount: 2 });
    expect(changed[0]).toMatchObject({ type: 'agency', id: reports[0]?.agencyId });
    const values = ofType(changed, 'value');
    expect(values.length).toBe(reports[0]?.valueCount);
    expect(values.every((v) => v.reportId === reports[0]?.id && v.version === 2)).toBe(true);
  });

  it('says when the table does not exist', async () => {
    process.env.GONGKAI_TABLE = `t-missing-${randomUUID()}`;
    try {
      const { code, stdout, stderr } = await run('export', '--format', 'jsonl');
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(
        /^gongkai export: table 't-missing-[^']+' does not exist in DynamoDB at http:\/\/127\.0\.0\.1:\d+; /,
      );
    } finally {
      process.env.GONGKAI_TABLE = TABLE;
    }
  });
});
