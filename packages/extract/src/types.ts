/** The statistical-table layout a report carries (see spec/indicators.md, "Forms"). */
export type Form = 'provincial' | 'national-2014' | 'gov-2019' | 'gov-2021' | 'none';

/** Where a value was read from. */
export type ValueSource = 'table' | 'prose' | 'derived';

/** `[start, end)` offsets into the decoded input text (JavaScript string indices). */
export type Span = [number, number];

export interface ExtractedValue {
  code: string;
  /** `null` is a cell that is present but blank; it is never 0. */
  value: number | null;
  unit: string | null;
  source: ValueSource;
  span: Span;
  /** 1 when read unambiguously; lower when a split or a label match had to be guessed. */
  confidence: number;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  codes: string[];
  expected?: number | null;
  printed?: number | null;
}

export interface ExtractedAgency {
  name: string | null;
  regionCode: string | null;
}

export interface ExtractedReport {
  agency: ExtractedAgency;
  year: number | null;
  form: Form;
  /** YYYY-MM-DD */
  publishedAt: string | null;
  values: ExtractedValue[];
  findings: Finding[];
}

/**
 * A string with, for every character, the offset of the character of the original input it
 * came from. `offsets` has `text.length + 1` entries; the last one is the end of the input, so
 * a span `[a, b)` of `text` maps to `[offsets[a], offsets[b])` of the original.
 */
export interface MappedText {
  text: string;
  offsets: Int32Array;
}
