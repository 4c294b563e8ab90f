import { describe, expect, it } from 'vitest';
import {
  type CorrectionState,
  type ReviewInput,
  reviewTransition,
  validateSubmission,
} from './correction-state.ts';

const NOW = '2024-05-01T08:00:00.000Z';
const pending: CorrectionState = { status: 'pending', submitter: 'alice', basis: 12 };
const review = (over: Partial<ReviewInput> = {}): ReviewInput => ({
  decision: 'accept',
  reviewer: 'bob',
  reason: 'Matches the PDF, page 3.',
  currentValue: 12,
  now: NOW,
  ...over,
});

describe('reviewTransition', () => {
  it.each<[string, CorrectionState, ReviewInput, string]>([
    ['accept', pending, review(), 'accepted'],
    ['reject', pending, review({ decision: 'reject' }), 'rejected'],
    [
      'reject a stale one is fine',
      pending,
      review({ decision: 'reject', currentValue: 13 }),
      'rejected',
    ],
    [
      'accept with null basis',
      { ...pending, basis: null },
      review({ currentValue: null }),
      'accepted',
    ],
    ['already accepted', { ...pending, status: 'accepted' }, review(), 'not-pending'],
    [
      'already rejected',
      { ...pending, status: 'rejected' },
      review({ decision: 'reject' }),
      'not-pending',
    ],
    ['self review', pending, review({ reviewer: 'alice' }), 'self-review'],
    ['self review, padded', pending, review({ reviewer: ' alice ' }), 'self-review'],
    [
      'self review under another identity',
      pending,
      review({ reviewer: 'bob', reviewerAliases: ['client:1', 'alice'] }),
      'self-review',
    ],
    [
      'self review, reject',
      pending,
      review({ reviewer: 'alice', decision: 'reject' }),
      'self-review',
    ],
    ['empty reason', pending, review({ reason: '' }), 'reason-required'],
    ['blank reason', pending, review({ reason: ' \n\t ' }), 'reason-required'],
    [
      'blank reason on reject',
      pending,
      review({ decision: 'reject', reason: '  ' }),
      'reason-required',
    ],
    ['reason too long', pending, review({ reason: '长'.repeat(1001) }), 'reason-required'],
    ['reason at the limit', pending, review({ reason: '长'.repeat(1000) }), 'accepted'],
    ['stale: value changed', pending, review({ currentValue: 13 }), 'stale'],
    ['stale: value blanked', pending, review({ currentValue: null }), 'stale'],
    ['stale: value appeared', { ...pending, basis: null }, review({ currentValue: 0 }), 'stale'],
  ])('%s → %s', (_name, state, input, outcome) => {
    const r = reviewTransition(state, input);
    if (r.ok) {
      expect(r.status).toBe(outcome);
      expect(r.reviewedAt).toBe(NOW);
    } else {
      expect(r.error).toBe(outcome);
      expect(r.message.length).toBeGreaterThan(0);
    }
  });
});

describe('validateSubmission', () => {
  const evidence = 'Table 三 row 1 reads 12.';
  it.each<[string, { value: unknown; evidence: unknown; contact?: unknown }, unknown]>([
    ['number', { value: 12, evidence }, { ok: true, value: 12, evidence, contact: null }],
    ['zero', { value: 0, evidence }, { ok: true, value: 0, evidence, contact: null }],
    ['minus zero', { value: -0, evidence }, { ok: true, value: 0, evidence, contact: null }],
    ['negative', { value: -3, evidence }, { ok: true, value: -3, evidence, contact: null }],
    ['fraction', { value: 1.5, evidence }, { ok: true, value: 1.5, evidence, contact: null }],
    ['blank', { value: null, evidence }, { ok: true, value: null, evidence, contact: null }],
    ['limit', { value: 1e12, evidence }, { ok: true, value: 1e12, evidence, contact: null }],
    [
      'trims evidence and contact',
      { value: 1, evidence: `  ${evidence}\n`, contact: ' a@b.cn ' },
      { ok: true, value: 1, evidence, contact: 'a@b.cn' },
    ],
    [
      'newline and tab allowed, CRLF normalised',
      { value: 1, evidence: 'line one\r\n\tline two' },
      { ok: true, value: 1, evidence: 'line one\n\tline two', contact: null },
    ],
    [
      'empty contact is none',
      { value: 1, evidence, contact: '  ' },
      { ok: true, value: 1, evidence, contact: null },
    ],
    [
      'null contact',
      { value: 1, evidence, contact: null },
      { ok: true, value: 1, evidence, contact: null },
    ],
    [
      'five characters',
      { value: 1, evidence: '第三页表格' },
      { ok: true, value: 1, evidence: '第三页表格', contact: null },
    ],
  ])('%s', (_name, input, expected) => {
    expect(validateSubmission(input)).toEqual(expected);
  });

  it.each<[string, { value: unknown; evidence: unknown; contact?: unknown }, string[]]>([
    ['NaN', { value: Number.NaN, evidence }, ['value']],
    ['Infinity', { value: Number.POSITIVE_INFINITY, evidence }, ['value']],
    ['-Infinity', { value: Number.NEGATIVE_INFINITY, evidence }, ['value']],
    ['too large', { value: 1e12 + 1, evidence }, ['value']],
    ['too small', { value: -2e12, evidence }, ['value']],
    ['string number', { value: '12', evidence }, ['value']],
    ['undefined value', { value: undefined, evidence }, ['value']],
    ['object value', { value: { valueOf: () => 1 }, evidence }, ['value']],
    ['no evidence', { value: 1, evidence: undefined }, ['evidence']],
    ['evidence not text', { value: 1, evidence: 42 }, ['evidence']],
    ['evidence too short', { value: 1, evidence: ' abcd ' }, ['evidence']],
    ['evidence too long', { value: 1, evidence: 'x'.repeat(2001) }, ['evidence']],
    ['evidence NUL', { value: 1, evidence: 'hello\u0000world' }, ['evidence']],
    ['evidence ESC', { value: 1, evidence: 'hello\u001b[31mworld' }, ['evidence']],
    ['evidence C1 control', { value: 1, evidence: 'hello\u0085world' }, ['evidence']],
    ['contact too long', { value: 1, evidence, contact: 'x'.repeat(201) }, ['contact']],
    ['contact newline', { value: 1, evidence, contact: 'a\nb' }, ['contact']],
    ['contact not text', { value: 1, evidence, contact: 5 }, ['contact']],
    [
      'everything wrong',
      { value: 'x', evidence: '', contact: [] },
      ['value', 'evidence', 'contact'],
    ],
  ])('%s → errors on %j', (_name, input, fields) => {
    const r = validateSubmission(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.field)).toEqual(fields);
      for (const e of r.errors) expect(e.message.length).toBeGreaterThan(0);
    }
  });
});
