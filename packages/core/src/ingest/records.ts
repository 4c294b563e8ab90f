/**
 * Pure: the items one report version consists of, from an extraction and the readings it
 * inherits. No I/O, no clock (`now` comes in).
 */
import type { ExtractedValue, Finding } from '@gongkai/extract';

export interface ReportKey {
  reportId: string;
  agencyId: string;
  year: number;
  regionCode: string;
  version: number;
}

export interface ValueRecord {
  reportId: string;
  version: number;
  code: string;
  year: number;
  regionCode: string;
  agencyId: string;
  extracted: number | null;
  current: number | null;
  unit?: string;
  source: ExtractedValue['source'];
  spanStart: number;
  spanEnd: number;
  confidence: number;
  revision: number;
  updatedAt: string;
}

export interface FindingRecord {
  reportId: string;
  version: number;
  scope: 'report' | 'version' | 'cross';
  seq: number;
  rule: string;
  severity: Finding['severity'];
  message: string;
  codes: string[];
  expected?: number | null;
  printed?: number | null;
  year: number;
  regionCode: string;
  agencyId: string;
}

export interface TextChunk {
  reportId: string;
  version: number;
  chunk: number;
  start: number;
  text: string;
}

/** 100k UTF-16 units is at most ~300 KB of UTF-8: under DynamoDB's 400 KB item limit. */
export const TEXT_CHUNK = 100_000;

export function valueRecords(
  key: ReportKey,
  values: readonly ExtractedValue[],
  current: ReadonlyMap<string, number | null>,
  now: string,
): ValueRecord[] {
  // A code is one item; should the engine ever emit a code twice, the last reading is kept, as
  // carryReadings does.
  const byCode = new Map<string, ExtractedValue>();
  for (const v of values) byCode.set(v.code, v);
  const out: ValueRecord[] = [];
  for (const v of byCode.values()) {
    out.push({
      reportId: key.reportId,
      version: key.version,
      code: v.code,
      year: key.year,
      regionCode: key.regionCode,
      agencyId: key.agencyId,
      extracted: v.value,
      current: current.has(v.code) ? (current.get(v.code) ?? null) : v.value,
      ...(v.unit ? { unit: v.unit } : {}),
      source: v.source,
      spanStart: v.span[0],
      spanEnd: v.span[1],
      confidence: v.confidence,
      revision: 0,
      updatedAt: now,
    });
  }
  return out;
}

export function findingRecords(
  key: ReportKey,
  scope: FindingRecord['scope'],
  findings: readonly Finding[],
): FindingRecord[] {
  return findings.map((f, seq) => ({
    reportId: key.reportId,
    version: key.version,
    scope,
    seq,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    codes: [...f.codes],
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.printed !== undefined ? { printed: f.printed } : {}),
    year: key.year,
    regionCode: key.regionCode,
    agencyId: key.agencyId,
  }));
}

export function textChunks(key: ReportKey, text: string): TextChunk[] {
  const out: TextChunk[] = [];
  let start = 0;
  do {
    let end = Math.min(text.length, start + TEXT_CHUNK);
    // Never cut a surrogate pair in two.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    out.push({ ...keyOf(key), chunk: out.length, start, text: text.slice(start, end) });
    start = end;
  } while (start < text.length);
  return out;
}

const keyOf = (key: ReportKey) => ({ reportId: key.reportId, version: key.version });

/** Report ids put the year after the agency id, so both parts can be read back. */
export function reportIdOf(agencyId: string, year: number): string {
  return `${agencyId}-${year}`;
}

export function parseReportId(reportId: string): { agencyId: string; year: number } | null {
  const m = /^(\d{6}-[a-z2-7]{10})-(\d{4})$/.exec(reportId);
  return m ? { agencyId: m[1] as string, year: Number(m[2]) } : null;
}
