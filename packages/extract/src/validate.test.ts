import { describe, expect, it } from 'vitest';
import type { ExtractedValue } from './types.ts';
import { validate } from './validate.ts';

const v = (
  code: string,
  value: number | null,
  source: ExtractedValue['source'] = 'table',
  confidence = 1,
): ExtractedValue => ({
  code,
  value,
  unit: '件',
  source,
  span: [0, 0],
  confidence,
});

const review = (
  upheld: number,
  corrected: number,
  other: number,
  pending: number,
  total: number | null,
) => [
  v('review.upheld', upheld),
  v('review.corrected', corrected),
  v('review.other', other),
  v('review.pending', pending),
  v('review.total', total),
];

describe('validate', () => {
  it.each([
    ['a table that adds up', review(1, 0, 2, 0, 3), []],
    // The report printed 0 for a total whose parts make 11: kept, and flagged.
    ['a broken total', review(10, 1, 0, 0, 0), ['review.total']],
    ['a blank total over non-zero parts', review(1, 1, 0, 0, null), ['review.total.blank-total']],
    ['a blank total over zero parts', review(0, 0, 0, 0, null), []],
  ])('%s', (_name, values, rules) => {
    expect(validate('gov-2021', values).map((f) => f.rule)).toEqual(rules);
  });

  it('reports printed and expected figures with the codes involved', () => {
    const [f] = validate('gov-2021', review(10, 1, 0, 0, 0));
    expect(f).toMatchObject({ printed: 0, expected: 11, severity: 'warning' });
    expect(f?.codes).toEqual([
      'review.total',
      'review.upheld',
      'review.corrected',
      'review.other',
      'review.pending',
    ]);
  });

  it('checks the national-2014 identities, counting a blank part as none', () => {
    const values = [
      v('requests.received', 3),
      v('requests.received.inPerson', 1),
      v('requests.received.fax', null),
      v('requests.received.online', 5),
    ];
    expect(validate('national-2014', values).map((f) => [f.rule, f.printed, f.expected])).toEqual([
      ['requests.received.sum', 3, 6],
    ]);
  });

  it('groups uncertain cells of one row into one finding, and flags prose guesses apart', () => {
    const values = [
      v('art20.licensing.previous', 396, 'table', 0.6),
      v('art20.licensing.change', 0, 'table', 0.6),
      v('requests.answered', 21, 'prose', 0.6),
    ];
    expect(validate('gov-2019', values).map((f) => f.codes)).toEqual([
      ['art20.licensing.previous', 'art20.licensing.change'],
      ['requests.answered'],
    ]);
  });

  it('notes where the narrative and the table disagree', () => {
    const findings = validate('national-2014', [
      v('proactive.items', 739),
      v('proactive.items', 1913, 'prose', 0.9),
    ]);
    expect(findings.map((f) => [f.rule, f.printed, f.expected])).toEqual([
      ['prose.conflict', 739, 1913],
    ]);
  });
});
