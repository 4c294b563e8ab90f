import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveRegion } from './region.ts';

interface Truth {
  file: string;
  agency: { name: string; alternatives: string[]; regionCode: string };
}

const corpus = new URL('../../../../test/fixtures/corpus/', import.meta.url);
const cases = readdirSync(new URL('truth/', corpus))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const truth = JSON.parse(readFileSync(new URL(`truth/${f}`, corpus), 'utf8')) as Truth;
    const text = readFileSync(new URL(`reports/${truth.file}`, corpus), 'utf8');
    return { truth, text };
  });

describe('corpus: region of the agency', () => {
  it('has the 13 reports', () => {
    expect(cases).toHaveLength(13);
  });

  it.each(cases.map((c) => [c.truth.file, c] as const))('%s', (_file, { truth, text }) => {
    expect(resolveRegion(truth.agency.name, text)?.code).toBe(truth.agency.regionCode);
  });

  it.each(cases.map((c) => [c.truth.file, c] as const))(
    '%s: every alternative name resolves the same',
    (_file, { truth, text }) => {
      for (const alt of truth.agency.alternatives) {
        expect(resolveRegion(alt, text)?.code, alt).toBe(truth.agency.regionCode);
      }
    },
  );

  it('resolves in well under a millisecond per report once built', () => {
    resolveRegion('warm-up');
    const rounds = 50;
    const t = performance.now();
    for (let i = 0; i < rounds; i++) {
      for (const { truth, text } of cases) resolveRegion(truth.agency.name, text);
      for (const { text } of cases) resolveRegion('市机关事务管理局', text);
    }
    const perCall = (performance.now() - t) / (rounds * cases.length * 2);
    // The bound leaves room for slow CI machines; locally it is ~0.1 ms.
    expect(perCall).toBeLessThan(2);
  });
});
