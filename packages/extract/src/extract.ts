/**
 * The extraction pipeline (DESIGN.md data path, steps 1–7): decode, normalise, read the tables,
 * read the prose and the metadata, validate. Pure: bytes or text in, a report out.
 */
import { indicator } from './catalog/indicators.ts';
import { ExtractError } from './decode/errors.ts';
import { decodeInput } from './decode/index.ts';
import { findAgencyName } from './metadata/agency-name.ts';
import { findPublishedAt } from './metadata/published-at.ts';
import { findReportYear } from './metadata/report-year.ts';
import { extractProseFacts } from './prose/prose.ts';
import { resolveRegion } from './region/region.ts';
import { readGovTables } from './tables/gov-tables.ts';
import { compactView } from './tables/labels.ts';
import type { RawValue } from './tables/raw-value.ts';
import { detectRowForm } from './tables/row-table.ts';
import type { ExtractedReport, ExtractedValue, Form, MappedText, Span } from './types.ts';
import { validate } from './validate.ts';

/** What the decoder kept: the text worked on, and how it maps back to the decoded input. */
export interface ExtractDetails {
  report: ExtractedReport;
  /** The decoded input: spans index into this string. */
  source: string;
  encoding: string;
  html: boolean;
}

// A 2019/2021 table has dozens of cells; a handful is more likely a stray match.
const MIN_GOV_VALUES = 5;

function readTables(text: string): { form: Form; values: RawValue[] } {
  // One whitespace-free view serves every table reader.
  const view = compactView(text);
  const gov = readGovTables(text, view);
  if (gov.form && gov.values.length >= MIN_GOV_VALUES)
    return { form: gov.form, values: gov.values };
  const rows = detectRowForm(text, view);
  if (rows) return { form: rows.form, values: rows.values };
  if (gov.form) return { form: gov.form, values: gov.values };
  return { form: 'none', values: [] };
}

const looksLikeReport = (text: string) => /信息公开|政务公开|公开工作/.test(text);

/** Extracts a report from file bytes or text, keeping the decoded input for provenance. */
export function extractDetailed(input: Uint8Array | string): ExtractDetails {
  const decoded = decodeInput(input);
  const text = decoded.text;
  const toSource = (span: Span): Span => [
    decoded.offsets[span[0]] ?? 0,
    decoded.offsets[span[1]] ?? 0,
  ];

  const tables = readTables(text);
  const year = findReportYear(text);
  const tableCodes = new Set(tables.values.map((v) => v.code));
  const prose = extractProseFacts(text, { reportYear: year?.year ?? null });

  const values: ExtractedValue[] = [
    ...tables.values.map((v) => ({
      code: v.code,
      value: v.value,
      unit: v.unit ?? indicator(v.code)?.unit ?? null,
      source: 'table' as const,
      span: toSource(v.span),
      confidence: v.confidence,
    })),
    ...prose.map((f) => ({
      code: f.code,
      value: f.value,
      unit: f.unit,
      source: 'prose' as const,
      span: toSource(f.span),
      confidence: f.confidence,
    })),
  ];
  const findings = validate(tables.form, values);
  // A code has one reading per report: the table's cell wins over the narrative's sentence.
  const kept = values.filter((v) => v.source === 'table' || !tableCodes.has(v.code));

  const agency = findAgencyName(text);
  const region = agency ? resolveRegion(agency.name, text) : null;
  const published = findPublishedAt(text, year ? { reportYear: year.year } : {});

  if (kept.length === 0 && !looksLikeReport(text)) {
    throw new ExtractError(
      'not-a-report',
      'no disclosure-report content found: no statistical table, no figures, no 信息公开 wording',
    );
  }
  if (decoded.lossy) {
    findings.push({
      rule: 'input.lossy',
      severity: 'warning',
      message: `some bytes were not valid ${decoded.encoding} and were replaced; figures near them may be missing`,
      codes: [],
    });
  }
  if (kept.length === 0) {
    findings.push({
      rule: 'report.no-figures',
      severity: 'warning',
      message: 'no statistical table and no figures in the narrative',
      codes: [],
    });
  }
  for (const [field, found] of [
    ['agency', agency],
    ['year', year],
  ] as const) {
    if (!found)
      findings.push({
        rule: `metadata.${field}-missing`,
        severity: 'info',
        message: `the ${field} could not be found`,
        codes: [],
      });
  }

  return {
    report: {
      agency: {
        name: agency?.name ?? null,
        regionCode: region && !region.ambiguous ? region.code : null,
      },
      year: year?.year ?? null,
      form: tables.form,
      publishedAt: published?.date ?? null,
      values: kept,
      findings,
    },
    source: decoded.source,
    encoding: decoded.encoding,
    html: decoded.html,
  };
}

/** Extracts a report from file bytes or text. Throws `ExtractError` for input that is not a readable report. */
export function extract(input: Uint8Array | string): ExtractedReport {
  return extractDetailed(input).report;
}

export type { MappedText };
