/** RFC 4180 CSV for the bulk export: one row per value, joined with its report and agency. */

/** The columns, in order (docs/export.md). */
export const CSV_COLUMNS = [
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
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvCell = string | number | boolean | null | undefined;

/**
 * One field, quoted when it has to be (RFC 4180 §2.6–2.7): a comma, a double quote, CR or LF
 * inside puts the field in double quotes, with each double quote doubled. A leading or trailing
 * space is quoted too, so that lenient readers do not trim it. null and undefined are empty.
 */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text = String(cell);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, terminated by CRLF as RFC 4180 asks. */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

export const CSV_HEADER = csvLine(CSV_COLUMNS);
