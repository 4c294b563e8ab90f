import {
  type AgencyExport,
  CSV_COLUMNS,
  CSV_HEADER,
  csvField,
  csvLine,
  csvLines,
  type ExportRecord,
  jsonlLines,
  type ReportExport,
  type ValueExport,
} from '@gongkai/core';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { parseExportArgs } from './export.ts';
import { UsageError } from './ingest.ts';

describe('parseExportArgs', () => {
  it('takes --format, --since and --out, with or without =', () => {
    expect(parseExportArgs(['--format', 'jsonl'])).toEqual({ format: 'jsonl' });
    expect(parseExportArgs(['--format=csv', '--out', 'dump.csv'])).toEqual({
      format: 'csv',
      out: 'dump.csv',
    });
    expect(parseExportArgs(['--since', '2025-01-31', '--format', 'jsonl'])).toEqual({
      format: 'jsonl',
      since: '2025-01-31T00:00:00.000Z',
    });
    expect(parseExportArgs(['--format', 'csv', '--since=2025-01-31T08:00:00+08:00']).since).toBe(
      '2025-01-31T00:00:00.000Z',
    );
  });

  it.each([
    [[], /--format is required/],
    [['--format'], /--format needs a value/],
    [['--format', '--since', '2025-01-01'], /--format needs a value/],
    [['--format', 'xml'], /--format must be jsonl or csv, not 'xml'/],
    [['--format', 'csv', '--since', 'yesterday'], /--since takes an ISO 8601 time/],
    [['--format', 'csv', '--since', '2025-13-45'], /--since takes an ISO 8601 time/],
    [['--format', 'csv', '--since', '1700000000'], /--since takes an ISO 8601 time/],
    [['--format', 'csv', '--format', 'jsonl'], /given twice/],
    [['--format', 'csv', '--limit', '3'], /unknown option --limit/],
    [['--format', 'csv', 'extra'], /unexpected argument 'extra'/],
  ])('refuses %j', (args, message) => {
    expect(() => parseExportArgs(args)).toThrow(UsageError);
    expect(() => parseExportArgs(args)).toThrow(message);
  });

  it('exits 2 with a clear message before touching the database', async () => {
    let stderr = '';
    const io = {
      out: () => {},
      err: (t: string) => {
        stderr += t;
      },
    };
    expect(await main(['export', '--format', 'xlsx'], io)).toBe(2);
    expect(stderr.split('\n')[0]).toBe("gongkai export: --format must be jsonl or csv, not 'xlsx'");
    stderr = '';
    expect(await main(['export', '--format', 'csv', '--since', 'last week'], io)).toBe(2);
    expect(stderr.split('\n')[0]).toContain("not 'last week'");
  });
});

describe('CSV quoting (RFC 4180)', () => {
  it('leaves plain fields, numbers and Chinese alone', () => {
    expect(csvField('gov-2021')).toBe('gov-2021');
    expect(csvField('淮安市人民政府')).toBe('淮安市人民政府');
    expect(csvField(0)).toBe('0');
    expect(csvField(0.95)).toBe('0.95');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"公开"')).toBe('"他说""公开"""');
    expect(csvField('"')).toBe('""""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField('line1\r\nline2')).toBe('"line1\r\nline2"');
    expect(csvField('淮安市，人民政府')).toBe('淮安市，人民政府'); // a full-width comma is not a separator
    expect(csvField(' padded ')).toBe('" padded "');
  });

  it('ends each record with CRLF and names the columns in order', () => {
    expect(csvLine(['a', 'b,c', null, 3])).toBe('a,"b,c",,3\r\n');
    expect(CSV_HEADER).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
    expect(CSV_COLUMNS).toEqual([
      'agency_id',
      'agency_name',
      'region_code',
      'level',
      'report_id',
      'year',
      'form',
      'published_at',
      'code',
      'value',
      'extracted',
      'unit',
      'source',
      'span_start',
      'span_end',
      'confidence',
    ]);
  });
});

const agency: AgencyExport = {
  type: 'agency',
  id: '320800-aaaaaaaaaa',
  name: '淮安市人民政府办公室, "综合科"',
  aliases: [],
  regionCode: '320800',
  regionPath: ['江苏省', '淮安市'],
  level: 'department',
  reportCount: 1,
  latestYear: 2024,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};
const report: ReportExport = {
  type: 'report',
  id: '320800-aaaaaaaaaa-2024',
  agencyId: agency.id,
  agencyName: agency.name,
  year: 2024,
  regionCode: '320800',
  form: 'gov-2021',
  publishedAt: '2025-01-20',
  sourceUrl: null,
  version: 1,
  versionCount: 1,
  valueCount: 2,
  findingCount: 0,
  createdAt: agency.createdAt,
  updatedAt: agency.updatedAt,
};
const value = (code: string, v: number | null): ValueExport => ({
  type: 'value',
  reportId: report.id,
  agencyId: agency.id,
  year: 2024,
  version: 1,
  code,
  value: v,
  extracted: v,
  unit: '件',
  source: 'table',
  spanStart: 10,
  spanEnd: 11,
  confidence: 1,
  correctionId: null,
  updatedAt: agency.updatedAt,
});

async function* records(...items: ExportRecord[]) {
  yield* items;
}
async function collect(lines: AsyncIterable<string>) {
  let out = '';
  for await (const line of lines) out += line;
  return out;
}

describe('output formats', () => {
  it('writes one JSON object per line', async () => {
    const out = await collect(jsonlLines(records(agency, report, value('a.b', 3))));
    const lines = out.trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).type)).toEqual(['agency', 'report', 'value']);
    expect(JSON.parse(lines[0] as string).name).toBe(agency.name);
  });

  it('writes one CSV row per value, joined with its report and agency', async () => {
    const out = await collect(
      csvLines(records(agency, report, value('a.b', 3), value('a.c', null))),
    );
    expect(out).toBe(
      CSV_HEADER +
        '320800-aaaaaaaaaa,"淮安市人民政府办公室, ""综合科""",320800,department,320800-aaaaaaaaaa-2024,2024,gov-2021,2025-01-20,a.b,3,3,件,table,10,11,1\r\n' +
        '320800-aaaaaaaaaa,"淮安市人民政府办公室, ""综合科""",320800,department,320800-aaaaaaaaaa-2024,2024,gov-2021,2025-01-20,a.c,,,件,table,10,11,1\r\n',
    );
    // UTF-8 without a byte-order mark.
    expect(out.charCodeAt(0)).not.toBe(0xfeff);
  });
});
