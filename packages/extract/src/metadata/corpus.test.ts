/**
 * Runs the metadata finders over every file of the development corpus and compares with the
 * hand-checked truth (`test/fixtures/corpus/truth/*.json`). An agency name is correct when it
 * equals the truth's `name` or one of its `alternatives` (compared after the same normalisation
 * as the input).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findAgencyName } from './agency-name.ts';
import { findPublishedAt } from './published-at.ts';
import { findReportYear } from './report-year.ts';
import { normalize } from './test-helpers.ts';

const CORPUS = fileURLToPath(new URL('../../../../test/fixtures/corpus/', import.meta.url));

interface Truth {
  agency: { name: string; alternatives?: string[] };
  year: number;
  publishedAt: string | null;
}

const files = readdirSync(`${CORPUS}reports`)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => {
    const text = normalize(readFileSync(`${CORPUS}reports/${file}`, 'utf8'));
    const truth = JSON.parse(
      readFileSync(`${CORPUS}truth/${file.replace(/\.txt$/, '.json')}`, 'utf8'),
    ) as Truth;
    return { file, text, truth };
  });

describe('metadata over the corpus', () => {
  it('has the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(13);
  });

  it.each(files)('$file: year', ({ text, truth }) => {
    expect(findReportYear(text)?.year ?? null).toBe(truth.year);
  });

  it.each(files)('$file: publishedAt', ({ text, truth }) => {
    expect(findPublishedAt(text)?.date ?? null).toBe(truth.publishedAt);
  });

  it.each(files)('$file: publishedAt with the report year known', ({ text, truth }) => {
    expect(findPublishedAt(text, { reportYear: truth.year })?.date ?? null).toBe(truth.publishedAt);
  });

  it.each(files)('$file: agency', ({ text, truth }) => {
    const accepted = [truth.agency.name, ...(truth.agency.alternatives ?? [])].map(normalize);
    const found = findAgencyName(text);
    expect(accepted).toContain(found?.name);
  });
});
